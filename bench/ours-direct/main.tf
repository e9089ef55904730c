# The provider alone, for `make bench`: the same Kubernetes objects per
# cluster as examples/multi-cluster's gitops_manifests and bench/plain-hcl,
# straight from the data sources (no modules, tiers, caches or estimates),
# so that plan time compares the provider with yamlencode and nothing else.

terraform {
  required_providers {
    scaling = { source = "scalingkit/scaling" }
  }
}

variable "cluster_count" {
  description = "Clusters in the fleet, spread round-robin over the three regions."
  type        = number
  default     = 28
}

variable "regions" {
  description = "The fleet's three regions with the share of NodePool vCPUs allowed on spot."
  type = list(object({
    name       = string
    spot_share = number
  }))
  default = [
    { name = "us-east-1", spot_share = 0.8 },
    { name = "eu-west-1", spot_share = 0.6 },
    { name = "ap-southeast-1", spot_share = 0.4 },
  ]
}

# Rendering calls no AWS API.
provider "scaling" {
  region               = "us-east-1"
  use_test_credentials = true
}

locals {
  clusters = { for i in range(var.cluster_count) :
    format("shop-%s-%02d", var.regions[i % 3].name, floor(i / 3) + 1) => { spot_share = var.regions[i % 3].spot_share }
  }
  cpu_limit = 1000
}

data "scaling_karpenter_ec2_node_class" "this" {
  for_each                      = local.clusters
  name                          = "general"
  role                          = "KarpenterNodeRole-${each.key}"
  ami_alias                     = "al2023@latest"
  subnet_selector_terms         = [{ tags = { "karpenter.sh/discovery" = each.key } }]
  security_group_selector_terms = [{ tags = { "karpenter.sh/discovery" = each.key } }]
  user_data                     = { max_parallel_image_pulls = 5 }
}

data "scaling_karpenter_fallback_node_pools" "this" {
  for_each            = local.clusters
  name                = "general"
  node_class_name     = "general"
  instance_categories = ["c", "m", "r"]
  architectures       = ["amd64"]
  limits              = { cpu = tostring(local.cpu_limit) }
  disruption          = { consolidate_after = "1m" }
}

data "scaling_warm_pool" "this" {
  for_each           = local.clusters
  name               = "checkout-warm"
  namespace          = "shop"
  baseline_replicas  = 20
  peak_replicas      = 120
  safety_factor      = 0.15
  cpu                = "500m"
  memory             = "512Mi"
  node_pool          = "general-spot"
  price_per_pod_hour = 0.05
}

data "scaling_horizontal_pod_autoscaler" "this" {
  for_each         = local.clusters
  name             = "checkout"
  namespace        = "shop"
  scale_target_ref = { kind = "Deployment", name = "checkout", api_version = "apps/v1" }
  min_replicas     = 20
  max_replicas     = 120
  metric           = [{ type = "resource", name = "cpu", utilization = 60 }]
}

output "gitops_manifests" {
  description = "Per cluster, the Kubernetes objects (multi-document YAML)."
  value = { for k, c in local.clusters : k => join("---\n", [
    data.scaling_karpenter_ec2_node_class.this[k].yaml,
    # The spot pool's share of the CPU limit, as the karpenter-node-pools module sets it.
    yamlencode(merge(data.scaling_karpenter_fallback_node_pools.this[k].spot_manifest, {
      spec = merge(data.scaling_karpenter_fallback_node_pools.this[k].spot_manifest.spec, {
        limits = { cpu = tostring(ceil(local.cpu_limit * c.spot_share)) }
      })
    })),
    data.scaling_karpenter_fallback_node_pools.this[k].on_demand_yaml,
    data.scaling_warm_pool.this[k].yaml,
    data.scaling_horizontal_pod_autoscaler.this[k].yaml,
  ]) }
}
