output "node_class_name" {
  description = "Name of the EC2NodeClass."
  value       = data.scaling_karpenter_ec2_node_class.this.name
}

output "spot_node_pool_name" {
  description = "Name of the spot NodePool (tried first), null when `spot_share` is 0. Pin warm pools and workloads to it with the label `karpenter.sh/nodepool`."
  value       = local.with_spot ? data.scaling_karpenter_fallback_node_pools.this.spot_name : null
}

output "on_demand_node_pool_name" {
  description = "Name of the on-demand NodePool (the fallback)."
  value       = data.scaling_karpenter_fallback_node_pools.this.on_demand_name
}

output "node_pool_names" {
  description = "NodePool names, spot first."
  value       = compact([local.with_spot ? data.scaling_karpenter_fallback_node_pools.this.spot_name : "", data.scaling_karpenter_fallback_node_pools.this.on_demand_name])
}

output "cpu_limits" {
  description = "vCPU limit of each NodePool."
  value = {
    spot      = local.with_spot ? local.spot_cpu_limit : 0
    on_demand = var.cpu_limit
  }
}

output "ami_family" {
  description = "AMI family of the nodes (`al2023`, `bottlerocket`, ...), for the latency estimate."
  value       = split("@", var.ami_alias)[0]
}

output "manifests" {
  description = "The rendered objects: EC2NodeClass, spot NodePool (when present), on-demand NodePool."
  value       = local.manifests
}

output "yaml" {
  description = "The rendered objects as one multi-document YAML."
  value = join("---\n", compact([
    data.scaling_karpenter_ec2_node_class.this.yaml,
    local.with_spot ? data.scaling_karpenter_fallback_node_pools.this.spot_yaml : "",
    data.scaling_karpenter_fallback_node_pools.this.on_demand_yaml,
  ]))
}
