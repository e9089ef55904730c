locals {
  kubernetes_yaml      = concat(local.workload_namespace_yaml, local.warm_pool_yaml)
  kubernetes_manifests = concat(local.workload_namespace_manifests, local.warm_pool_manifests)
}
