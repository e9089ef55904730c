# How the parts fit together in the stack. The part_*.tf files are shared
# with the part modules; the locals here are the hooks each module fills in
# its own way.

locals {
  # The warm pods hold capacity where real pods land first: the spot pool,
  # or the on-demand pool without spot (Karpenter's or Auto Mode's).
  warm_pool_default_node_pool = var.enable_node_pools ? coalesce(local.node_pools_spot_name, local.node_pools_on_demand_name) : null
  # ... tolerating the pool's taints, and a static warm NodePool uses the
  # stack's node class.
  warm_pool_default_tolerations = var.enable_node_pools ? var.node_pools.taints : null
  warm_pool_default_node_class = !var.enable_node_pools ? null : {
    name  = local.node_pools_auto_mode ? local.node_pools_auto_node_class_name : var.node_pools.name
    group = local.node_pools_auto_mode ? "eks.amazonaws.com" : "karpenter.k8s.aws"
    kind  = local.node_pools_auto_mode ? "NodeClass" : "EC2NodeClass"
  }

  # The readiness rules gate the stack's pools, whose startup taints take
  # the rules' taints.
  node_readiness_pools        = local.node_pools_names
  node_pools_readiness_taints = local.node_readiness_taints_by_pool

  # The pre-pull runs on the stack's pools, tolerating their taints, and
  # pulls the workload's image unless told otherwise.
  image_prepull_pools          = local.node_pools_names
  image_prepull_pool_taints    = local.node_pools_taints_by_pool
  image_prepull_default_images = var.workload.image == null ? [] : [var.workload.image]

  # Kueue's flavors are the stack's pools, spot first; its LocalQueue is in
  # the workload's namespace.
  kueue_pools                = compact([local.node_pools_spot_name, local.node_pools_on_demand_name])
  kueue_pool_settings        = local.node_pools_settings_by_pool
  kueue_default_local_queues = [{ namespace = var.workload.namespace, name = null }]

  # The circuit breaker protects the running pods for as long as the
  # stack's burst takes to be served (load rises when detection starts).
  circuit_breaker_seconds_until_ready = min(3600, local.effective.total.p95_seconds)
}
