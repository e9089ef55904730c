# kubernetes_manifest needs a live API server even to plan: the provider is
# mocked; what is tested is which resources the module plans and how.
mock_provider "kubernetes" {}

variables {
  manifests = [
    { apiVersion = "v1", kind = "Namespace", metadata = { name = "shop" } },
    { apiVersion = "karpenter.sh/v1", kind = "NodePool", metadata = { name = "general-spot" }, spec = { weight = 100 } },
    { apiVersion = "apps/v1", kind = "Deployment", metadata = { name = "checkout-warm", namespace = "shop" }, spec = { selector = {} } },
    { apiVersion = "apps/v1", kind = "Deployment", metadata = { name = "fixed", namespace = "shop" }, spec = { replicas = 3 } },
  ]
}

run "one_resource_per_object_namespaces_first" {
  command = plan

  assert {
    condition     = keys(kubernetes_manifest.namespace) == ["Namespace//shop"] && length(kubernetes_manifest.this) == 3
    error_message = "the namespace in its own resource (applied first), the rest keyed by kind/namespace/name: ${jsonencode(keys(kubernetes_manifest.this))}"
  }
  assert {
    condition     = contains(kubernetes_manifest.this["Deployment/shop/checkout-warm"].computed_fields, "spec.replicas") && !contains(kubernetes_manifest.this["Deployment/shop/fixed"].computed_fields, "spec.replicas")
    error_message = "a Deployment without spec.replicas leaves its size to its scaler; one with replicas keeps them"
  }
  assert {
    condition     = kubernetes_manifest.this["NodePool//general-spot"].field_manager[0].name == "Terraform"
    error_message = "the default field manager"
  }
}

run "extra_computed_fields" {
  command = plan

  variables {
    computed_fields = { "NodePool//general-spot" = ["spec.weight"] }
  }

  assert {
    condition     = contains(kubernetes_manifest.this["NodePool//general-spot"].computed_fields, "spec.weight")
    error_message = "computed_fields should add to an object's list"
  }
}

run "not_objects" {
  command = plan

  variables {
    manifests = ["kind: Namespace"]
  }

  expect_failures = [var.manifests]
}
