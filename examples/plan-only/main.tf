# Cost and latency of a fast-scaling setup without any cloud or cluster
# access: every block here is a data source or provider function that the
# provider evaluates locally. `terraform apply` only records outputs.

provider "scaling" {
  # Nothing here calls AWS; a region keeps the provider from looking for one.
  region = "us-east-1"
}

# What to do, from the decision framework: warm capacity, KEDA, a tier...
data "scaling_strategy" "advice" {
  baseline_replicas   = var.baseline_replicas
  peak_replicas       = var.peak_replicas
  predictable_traffic = true
  baseline_can_rise   = true
  requests_can_wait   = false
  target_p95_seconds  = var.target_p95_seconds
  pod_hour_usd        = 0.05
  monthly_budget_usd  = var.monthly_budget_usd
}

# The stack with every AWS part off and Kubernetes objects only rendered: its
# cost and latency summaries and the objects it would apply.
module "stack" {
  source = "../../modules/fast-scaling-stack"

  cluster_name                = var.cluster_name
  enable_control_plane        = false
  enable_image_cache          = false
  enable_metric_stream        = false
  enable_node_pools           = true
  enable_warm_pool            = true
  enable_workload_autoscaling = true
  apply_kubernetes_objects    = false

  workload = {
    name              = "checkout"
    namespace         = "shop"
    cpu               = "500m"
    memory            = "512Mi"
    baseline_replicas = var.baseline_replicas
    peak_replicas     = var.peak_replicas
    image_size_mb     = 300
  }
  target_p95_seconds = var.target_p95_seconds
  monthly_budget_usd = var.monthly_budget_usd

  control_plane = { tier = data.scaling_strategy.advice.control_plane_tier }
  node_pools    = { node_class = { role = "KarpenterNodeRole-${var.cluster_name}" }, spot_share = 0.7 }
  warm_pool     = { price_per_pod_hour = 0.05 }
  autoscaling = {
    autoscaler              = "keda"
    polling_interval        = 5
    scrape_interval_seconds = 15
    prometheus = {
      server_address = "http://prometheus.monitoring:9090"
      query          = "sum(rate(http_requests_total{app=\"checkout\"}[1m]))"
      threshold      = "50"
    }
  }
}

# The same warm pool over the whole fleet.
data "scaling_cost_estimate" "fleet" {
  control_plane_tier     = module.stack.cost_summary.control_plane_tier
  warm_baseline_replicas = var.baseline_replicas
  warm_peak_replicas     = var.peak_replicas
  warm_pod_hour_usd      = 0.05
  clusters               = var.clusters
  regions                = var.regions
}

locals {
  # Provider functions: the guide's warm pool and the tier for a burst.
  warm_pods    = provider::scaling::warm_pool_size(var.baseline_replicas, var.peak_replicas, 0.15, "peak_delta")
  warm_monthly = provider::scaling::monthly_cost(local.warm_pods * 0.05, 720)
  tier_for_10s = provider::scaling::tier_for((var.peak_replicas - var.baseline_replicas) / 10, 0)
  tier_for_250 = provider::scaling::tier_for(250, 0)
}
