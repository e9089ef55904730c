# The stack's Kubernetes objects, every part's in apply order: the
# namespace, readiness rules (before the pools whose new nodes they gate),
# node classes and pools, the image pre-pull, the warm pool, the
# autoscaler, Kueue's queues, the circuit breaker, the alert rules. A new
# part adds its objects here.

locals {
  kubernetes_yaml = concat(
    local.workload_namespace_yaml, local.node_readiness_yaml, local.node_pools_yaml, local.image_prepull_yaml,
    local.warm_pool_yaml, local.autoscaling_yaml, local.kueue_yaml, local.circuit_breaker_yaml, local.alerts_yaml,
  )
  kubernetes_manifests = concat(
    local.workload_namespace_manifests, local.node_readiness_manifests, local.node_pools_manifests, local.image_prepull_manifests,
    local.warm_pool_manifests, local.autoscaling_manifests, local.kueue_manifests, local.circuit_breaker_manifests, local.alerts_manifests,
  )
}
