# A fleet of clusters across three regions.
#
# Provider configurations cannot be created by for_each, so the fleet is
# split by what needs a region: per region, the AWS parts (each cluster's
# control-plane tier, and one set of ECR pull-through cache rules the
# region's clusters share); for the whole fleet, one fast-scaling-stack call
# with for_each that renders each cluster's Kubernetes objects for its GitOps
# repository (Argo CD, Flux) and estimates its cost and latency, all offline.
# Only the scaling provider is loaded: the objects leave through outputs.

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

  # The smallest tier that binds the burst within 10 s (the stack's
  # burst_seconds default): every cluster runs the same workload.
  tier = provider::scaling::tier_for((local.workload.peak_replicas - local.workload.baseline_replicas) / 10, 0)
}

# --- per region: the AWS parts ------------------------------------------------

resource "scaling_control_plane_tier" "r0" {
  provider = scaling.r0
  for_each = { for k, c in local.clusters : k => c if c.region_index == 0 }

  cluster_name = each.key
  tier         = local.tier
}

resource "scaling_control_plane_tier" "r1" {
  provider = scaling.r1
  for_each = { for k, c in local.clusters : k => c if c.region_index == 1 }

  cluster_name = each.key
  tier         = local.tier
}

resource "scaling_control_plane_tier" "r2" {
  provider = scaling.r2
  for_each = { for k, c in local.clusters : k => c if c.region_index == 2 }

  cluster_name = each.key
  tier         = local.tier
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

# --- per cluster: objects for GitOps, cost and latency --------------------------

module "cluster" {
  source   = "../../modules/fast-scaling-stack"
  for_each = local.clusters
  # Rendering and estimates call no AWS API: any region's configuration does.
  providers = { scaling = scaling.r0 }

  cluster_name = each.key
  workload     = local.workload

  # GitOps: the objects leave through the outputs (gitops_manifests).
  apply_kubernetes_objects = false

  # The AWS parts are above; the estimates still account for them.
  enable_control_plane = false
  enable_image_cache   = false
  control_plane        = { tier = local.tier }
  estimates            = { pull_through_cache = true }

  monthly_budget_usd = var.monthly_budget_usd
  node_pools         = { node_class = { role = "KarpenterNodeRole-${each.key}" }, spot_share = each.value.spot_share }
  warm_pool          = { price_per_pod_hour = 0.05 }
  autoscaling        = { autoscaler = "hpa", cpu_utilization = 60 }
}

locals {
  stacks = module.cluster
}
