output "node_class_name" {
  description = "Name of the main EC2NodeClass."
  value       = var.enable_node_pools ? var.node_pools.name : null
}

output "node_class_names" {
  description = "Every EC2NodeClass: the main one and the extras."
  value       = keys(local.node_pools_node_classes)
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
  description = "AMI family of the main pool's nodes (`al2023`, `bottlerocket`, ...), for the latency estimate."
  value       = local.node_pools_ami_family
}

output "manifests" {
  description = "The rendered objects in apply order: node classes, spot NodePool (when present), on-demand NodePool, extra NodePools."
  value       = local.node_pools_manifests
}

output "yaml" {
  description = "The rendered objects as one multi-document YAML, in apply order."
  value       = join("---\n", local.node_pools_yaml)
}
