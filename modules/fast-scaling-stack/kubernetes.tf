# The stack's Kubernetes objects, every part's in apply order: the
# namespace, node classes and pools, the warm pool, the autoscaler. A new
# part adds its objects here.

locals {
  kubernetes_yaml      = concat(local.workload_namespace_yaml, local.node_pools_yaml, local.warm_pool_yaml, local.autoscaling_yaml)
  kubernetes_manifests = concat(local.workload_namespace_manifests, local.node_pools_manifests, local.warm_pool_manifests, local.autoscaling_manifests)
}
