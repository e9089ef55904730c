locals {
  # Apply order: readiness rules (before the pools whose new nodes they
  # gate), node classes and pools, the image pre-pull, Kueue's queues.
  kubernetes_yaml      = concat(local.node_readiness_yaml, local.node_pools_yaml, local.image_prepull_yaml, local.kueue_yaml)
  kubernetes_manifests = concat(local.node_readiness_manifests, local.node_pools_manifests, local.image_prepull_manifests, local.kueue_manifests)
}
