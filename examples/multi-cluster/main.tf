# A fleet of clusters across three regions. Per cluster: the control-plane
# tier (AWS) and the Kubernetes objects rendered for GitOps (a provider
# cannot be configured per for_each instance, so one Kubernetes connection
# per cluster is impossible here). Per region: one set of ECR pull-through
# cache rules, shared by the region's clusters. Only the scaling provider is
# loaded: the objects leave through outputs.

provider "scaling" {
  alias                = "r0"
  region               = var.regions[0].name
  endpoint_url         = var.endpoint_url
  use_test_credentials = var.use_test_credentials
}

provider "scaling" {
  alias                = "r1"
  region               = var.regions[1].name
  endpoint_url         = var.endpoint_url
  use_test_credentials = var.use_test_credentials
}

provider "scaling" {
  alias                = "r2"
  region               = var.regions[2].name
  endpoint_url         = var.endpoint_url
  use_test_credentials = var.use_test_credentials
}

locals {
  # Cluster i lives in region i mod 3.
  clusters = { for i in range(var.cluster_count) :
    format("%s-%s-%02d", var.name_prefix, var.regions[i % 3].name, floor(i / 3) + 1) => {
      region_index = i % 3
      region       = var.regions[i % 3].name
      spot_share   = var.regions[i % 3].spot_share
    }
  }

  workload = {
    name              = "checkout"
    namespace         = "shop"
    cpu               = "500m"
    memory            = "512Mi"
    baseline_replicas = 20
    peak_replicas     = 120
    image_size_mb     = 300
    image_public      = true
  }

  # Identical per-cluster settings; only the name, region and spot share vary.
  stack = {
    warm_pool   = { price_per_pod_hour = 0.05 }
    autoscaling = { autoscaler = "hpa", cpu_utilization = 60 }
  }
}

module "cluster_r0" {
  source    = "../../modules/fast-scaling-stack"
  for_each  = { for k, c in local.clusters : k => c if c.region_index == 0 }
  providers = { scaling = scaling.r0 }

  cluster_name       = each.key
  workload           = local.workload
  enable_image_cache = false
  monthly_budget_usd = var.monthly_budget_usd
  node_pools         = { node_class = { role = "KarpenterNodeRole-${each.key}" }, spot_share = each.value.spot_share }
  warm_pool          = local.stack.warm_pool
  autoscaling        = local.stack.autoscaling
}

module "cluster_r1" {
  source    = "../../modules/fast-scaling-stack"
  for_each  = { for k, c in local.clusters : k => c if c.region_index == 1 }
  providers = { scaling = scaling.r1 }

  cluster_name       = each.key
  workload           = local.workload
  enable_image_cache = false
  monthly_budget_usd = var.monthly_budget_usd
  node_pools         = { node_class = { role = "KarpenterNodeRole-${each.key}" }, spot_share = each.value.spot_share }
  warm_pool          = local.stack.warm_pool
  autoscaling        = local.stack.autoscaling
}

module "cluster_r2" {
  source    = "../../modules/fast-scaling-stack"
  for_each  = { for k, c in local.clusters : k => c if c.region_index == 2 }
  providers = { scaling = scaling.r2 }

  cluster_name       = each.key
  workload           = local.workload
  enable_image_cache = false
  monthly_budget_usd = var.monthly_budget_usd
  node_pools         = { node_class = { role = "KarpenterNodeRole-${each.key}" }, spot_share = each.value.spot_share }
  warm_pool          = local.stack.warm_pool
  autoscaling        = local.stack.autoscaling
}

# One cache per region (a region's ECR registry serves all its clusters),
# only in regions that have clusters.
module "image_cache_r0" {
  source    = "../../modules/image-cache"
  count     = var.cluster_count >= 1 ? 1 : 0
  providers = { scaling = scaling.r0 }
}

module "image_cache_r1" {
  source    = "../../modules/image-cache"
  count     = var.cluster_count >= 2 ? 1 : 0
  providers = { scaling = scaling.r1 }
}

module "image_cache_r2" {
  source    = "../../modules/image-cache"
  count     = var.cluster_count >= 3 ? 1 : 0
  providers = { scaling = scaling.r2 }
}

locals {
  stacks = merge(module.cluster_r0, module.cluster_r1, module.cluster_r2)
}
