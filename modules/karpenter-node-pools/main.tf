# The hooks the part files read (fast-scaling-stack fills them with the
# workload's settings too; here there is no workload).

locals {
  # The readiness rules gate this module's pools, whose startup taints take
  # the rules' taints.
  node_readiness_pools        = local.node_pools_names
  node_pools_readiness_taints = local.node_readiness_taints_by_pool

  # The pre-pull runs on this module's pools, tolerating their taints; the
  # images are image_prepull.images (no workload image to default to).
  image_prepull_pools          = local.node_pools_names
  image_prepull_pool_taints    = local.node_pools_taints_by_pool
  image_prepull_default_images = []

  # Kueue's flavors are this module's pools, spot first; no LocalQueue
  # unless kueue.local_queue names the namespaces.
  kueue_pools                = compact([local.node_pools_spot_name, local.node_pools_on_demand_name])
  kueue_pool_settings        = local.node_pools_settings_by_pool
  kueue_default_local_queues = []
}
