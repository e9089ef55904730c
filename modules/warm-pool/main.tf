data "scaling_warm_pool" "this" {
  name      = var.name
  namespace = var.namespace
  mode      = var.mode
  replicas  = var.replicas
  # Sizing inputs only when replicas is not given (the data source takes one or the other).
  peak_replicas     = var.replicas == null ? var.peak_replicas : null
  baseline_replicas = var.replicas == null ? var.baseline_replicas : null
  safety_factor     = var.replicas == null ? var.safety_factor : null
  basis             = var.replicas == null ? var.basis : null

  cpu                   = var.cpu
  memory                = var.memory
  node_pool             = var.node_pool
  tolerations           = var.tolerations
  schedule              = length(var.schedule) == 0 ? null : var.schedule
  scaler                = length(var.schedule) == 0 ? null : var.scaler
  price_per_pod_hour    = var.price_per_pod_hour
  instance_hourly_price = var.instance_hourly_price
  pods_per_instance     = var.pods_per_instance

  capacity_buffer = var.mode != "capacity_buffer" ? null : {
    percentage   = var.capacity_buffer_percentage
    scalable_ref = var.capacity_buffer_target
  }
  static_node_pool = var.mode != "static_node_pool" ? null : var.static_node_pool
}

locals {
  # Stable keys (kind/namespace/name) so adding a window does not replace
  # every other object. The objects go to kubernetes_manifest as rendered:
  # the renderer leaves out what the API server would drop.
  objects = { for m in data.scaling_warm_pool.this.manifests :
    "${m.kind}/${try(m.metadata.namespace, "")}/${m.metadata.name}" => m
  }

  # The schedule's scaler changes the pause Deployment's replicas; leave them
  # to it instead of reporting drift.
  scheduled = length(var.schedule) > 0
}

resource "kubernetes_manifest" "namespace" {
  count = var.apply && var.create_namespace ? 1 : 0
  manifest = {
    apiVersion = "v1"
    kind       = "Namespace"
    metadata   = { name = var.namespace }
  }
}

resource "kubernetes_manifest" "this" {
  for_each = { for k, v in local.objects : k => v if var.apply }

  manifest        = each.value
  computed_fields = local.scheduled && each.value.kind == "Deployment" ? ["metadata.annotations", "metadata.labels", "spec.replicas"] : null

  depends_on = [kubernetes_manifest.namespace]
}
