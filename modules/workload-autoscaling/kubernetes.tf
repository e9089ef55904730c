locals {
  kubernetes_yaml      = concat(local.workload_namespace_yaml, local.autoscaling_yaml)
  kubernetes_manifests = concat(local.workload_namespace_manifests, local.autoscaling_manifests)
}
