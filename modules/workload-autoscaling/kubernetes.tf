locals {
  kubernetes_yaml      = concat(local.workload_namespace_yaml, local.autoscaling_yaml, local.circuit_breaker_yaml)
  kubernetes_manifests = concat(local.workload_namespace_manifests, local.autoscaling_manifests, local.circuit_breaker_manifests)
}
