output "node_class_name" {
  description = "Name of the node class the pair uses: the main EC2NodeClass, or with `mode = \"eks_auto_mode\"` the Auto Mode NodeClass (`default`, the built-in one, without `auto_node_class.role`)."
  value       = var.enable_node_pools ? (local.node_pools_auto_mode ? local.node_pools_auto_node_class_name : var.node_pools.name) : null
}

output "node_class_names" {
  description = "Every node class the module renders: the main one and the extras (EC2NodeClasses, or Auto Mode NodeClasses)."
  value       = concat(keys(local.node_pools_node_classes), keys(local.node_pools_auto_node_classes))
}

output "spot_node_pool_name" {
  description = "Name of the spot NodePool (tried first), null when `spot_share` is 0. Pin warm pools and workloads to it with the label `karpenter.sh/nodepool`."
  value       = local.node_pools_spot_name
}

output "on_demand_node_pool_name" {
  description = "Name of the on-demand NodePool (the fallback)."
  value       = local.node_pools_on_demand_name
}

output "node_pool_names" {
  description = "NodePool names: spot, on-demand, then the extra pools."
  value       = local.node_pools_names
}

output "cpu_limits" {
  description = "vCPU limit of the spot pool (0 without one) and of the on-demand pool."
  value = {
    spot      = local.node_pools_with_spot ? try(tonumber(local.node_pools_spot_limits.cpu), null) : 0
    on_demand = try(tonumber(local.node_pools_on_demand_limits.cpu), null)
  }
}

output "ami_family" {
  description = "AMI family of the main pool's nodes (`al2023`, `bottlerocket`, ...; Auto Mode nodes run Bottlerocket), for the latency estimate."
  value       = local.node_pools_ami_family
}

output "startup_taints" {
  description = "Startup taints of each NodePool, by name: its own and those of the readiness rules gating it (`enable_node_readiness`)."
  value = !var.enable_node_pools ? {} : merge(
    { for n in compact([local.node_pools_spot_name, local.node_pools_on_demand_name]) : n => local.node_pools_pair_startup_taints },
    local.node_pools_extra_startup_taints,
  )
}

output "readiness_rules" {
  description = "The readiness rules (`enable_node_readiness`) by name, each with the pools it gates and, per preset, what reports its condition (the data source's `reporters`)."
  value       = { for k, r in data.scaling_node_readiness_rule.this : k => { node_pools = r.node_pools, startup_taints = r.startup_taints, reporters = r.reporters } }
}

output "kueue" {
  description = "Kueue's objects (`enable_kueue`; null when disabled): the ClusterQueue, the ResourceFlavors in order of preference, the LocalQueues (`namespace/name`) and the label a Job carries to join one."
  value = var.enable_kueue ? {
    cluster_queue     = local.kueue_cluster_queue
    flavor_names      = data.scaling_kueue_queues.this[0].flavor_names
    local_queue_names = data.scaling_kueue_queues.this[0].local_queue_names
    queue_name_label  = data.scaling_kueue_queues.this[0].queue_name_label
  } : null
}

output "manifests" {
  description = "The rendered objects in apply order: readiness rules, node classes, spot NodePool (when present), on-demand NodePool, extra NodePools, the image pre-pull DaemonSet, Kueue's objects."
  value       = local.kubernetes_manifests
}

output "yaml" {
  description = "The rendered objects as one multi-document YAML, in apply order."
  value       = join("---\n", local.kubernetes_yaml)
}
