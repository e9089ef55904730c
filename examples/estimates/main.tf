# Plan-time estimates for a pull-request comment. Outputs only: nothing is
# created and no AWS call is made, so `terraform plan` is enough:
#
#   terraform init && terraform apply -auto-approve >/dev/null
#   terraform output -raw pr_comment > comment.md   # post it with your CI's PR-comment step
#
# See README.md for what the comment looks like.

terraform {
  required_version = ">= 1.8"
  required_providers {
    scaling = {
      source = "scalingkit/scaling"
    }
  }
}

# Estimates never call AWS: an empty provider block is enough.
provider "scaling" {}

# 1. The default stack: HPA on metrics-server CPU, Karpenter spot-first on
#    AL2023 nodes, a 500 MB image from ECR, the default readiness probe.
data "scaling_latency_estimate" "default_stack" {
  target_p95_seconds = 60
}

# 2. The guide's warm pool configuration: KEDA on Prometheus scraped every
#    second, pause-pod warm capacity, the image already on the warm nodes,
#    a fast readiness probe. On EKS the HPA sync period stays at 15 s.
data "scaling_latency_estimate" "warm_pool" {
  metric_source            = "keda_prometheus"
  scrape_interval_seconds  = 1
  capacity                 = "warm"
  image_cached_on_node     = true
  image_size_mb            = 250
  app_start_seconds        = 2
  readiness_period_seconds = 2
  burst_pods               = 15
  target_p95_seconds       = 60
}

# 3. What the warm pool costs on top of a standard control plane.
data "scaling_cost_estimate" "warm_pool" {
  warm_baseline_replicas = 20
  warm_peak_replicas     = 120
  warm_safety_factor     = 0.15
  warm_pod_hour_usd      = 0.05
  custom_metrics         = 5
  clusters               = 3
  regions                = 2
  monthly_budget_usd     = 1000
}

# 4. Which combination the decision framework picks for this workload.
data "scaling_strategy" "checkout" {
  predictable_traffic = false
  requests_can_wait   = false
  baseline_can_rise   = false
  baseline_replicas   = 20
  peak_replicas       = 120
  monthly_budget_usd  = 1000
  target_p95_seconds  = 60
}

output "default_stack_p95_seconds" {
  value = data.scaling_latency_estimate.default_stack.total.p95_seconds
}

output "warm_pool_p95_seconds" {
  value = data.scaling_latency_estimate.warm_pool.total.p95_seconds
}

output "per_cluster_monthly_usd" {
  value = data.scaling_cost_estimate.warm_pool.per_cluster_monthly_usd
}

output "strategy" {
  value = data.scaling_strategy.checkout.strategy
}

# The pull-request comment.
output "pr_comment" {
  value = join("\n", [
    "## Scaling estimates",
    "",
    replace(data.scaling_latency_estimate.default_stack.summary_markdown, "Scale-out latency estimate", "Default stack: scale-out latency"),
    replace(data.scaling_latency_estimate.warm_pool.summary_markdown, "Scale-out latency estimate", "Warm pool: scale-out latency"),
    data.scaling_cost_estimate.warm_pool.summary_markdown,
    data.scaling_strategy.checkout.summary_markdown,
  ])
}
