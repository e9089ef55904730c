locals {
  # Stable keys, so adding an object does not replace the others.
  objects = { for m in var.manifests : "${m.kind}/${try(m.metadata.namespace, "")}/${m.metadata.name}" => m }

  # A Deployment or StatefulSet rendered without spec.replicas leaves its
  # size to an autoscaler or schedule: do not report that as drift.
  computed_fields = { for k, m in local.objects : k => distinct(concat(
    ["metadata.annotations", "metadata.labels"],
    contains(["Deployment", "StatefulSet"], m.kind) && !can(m.spec.replicas) ? ["spec.replicas"] : [],
    lookup(var.computed_fields, k, []),
  )) }
}

# Namespaces first: namespaced objects need them.
resource "kubernetes_manifest" "namespace" {
  for_each = { for k, m in local.objects : k => m if m.kind == "Namespace" }

  manifest        = each.value
  computed_fields = local.computed_fields[each.key]

  field_manager {
    name            = var.field_manager.name
    force_conflicts = var.field_manager.force_conflicts
  }
}

resource "kubernetes_manifest" "this" {
  for_each = { for k, m in local.objects : k => m if m.kind != "Namespace" }

  manifest        = each.value
  computed_fields = local.computed_fields[each.key]

  field_manager {
    name            = var.field_manager.name
    force_conflicts = var.field_manager.force_conflicts
  }

  depends_on = [kubernetes_manifest.namespace]
}
