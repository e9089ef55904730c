locals {
  kubernetes_yaml      = local.node_pools_yaml
  kubernetes_manifests = local.node_pools_manifests
}
