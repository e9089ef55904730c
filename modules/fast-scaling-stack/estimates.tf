# Plan-time estimates: every input below is known at plan, so cost and
# latency show up in `terraform plan` before anything is applied.

locals {
  tier = var.enable_control_plane ? module.control_plane[0].cost.tier : coalesce(var.control_plane.tier, "standard")

  warm_pods     = var.enable_warm_pool ? module.warm_pool[0].replicas : 0
  warm_max_pods = var.enable_warm_pool ? module.warm_pool[0].max_replicas : 0

  metric_source = var.enable_workload_autoscaling ? coalesce(module.workload_autoscaling[0].metric_source, "metrics_server_cpu") : "metrics_server_cpu"
  keda          = var.enable_workload_autoscaling && var.autoscaling.autoscaler == "keda"

  cold_capacity = local.spot ? "karpenter_spot" : "karpenter_on_demand"
  ami_family    = var.enable_node_pools ? module.node_pools[0].ami_family : "al2023"
  through_cache = var.workload.image_public && var.enable_image_cache
  burst_for_est = max(1, local.burst_pods)
}

# New pods on new nodes: what the part of the burst beyond the warm pool waits.
data "scaling_latency_estimate" "cold" {
  metric_source            = local.metric_source
  polling_interval_seconds = local.keda ? var.autoscaling.polling_interval : null
  scrape_interval_seconds  = var.autoscaling.scrape_interval_seconds
  capacity                 = local.cold_capacity
  ami_family               = local.ami_family
  image_size_mb            = var.workload.image_size_mb
  image_registry           = var.workload.image_public ? "public" : "ecr"
  pull_through_cache       = local.through_cache
  app_start_seconds        = var.workload.app_start_seconds
  burst_pods               = local.burst_for_est
  control_plane_tier       = local.tier
  target_p95_seconds       = var.target_p95_seconds
}

# New pods preempting warm pods: the first `warm_pods` of the burst.
data "scaling_latency_estimate" "warm" {
  count = local.warm_pods > 0 ? 1 : 0

  metric_source            = local.metric_source
  polling_interval_seconds = local.keda ? var.autoscaling.polling_interval : null
  scrape_interval_seconds  = var.autoscaling.scrape_interval_seconds
  capacity                 = "warm"
  ami_family               = local.ami_family
  image_size_mb            = var.workload.image_size_mb
  image_registry           = var.workload.image_public ? "public" : "ecr"
  pull_through_cache       = local.through_cache
  app_start_seconds        = var.workload.app_start_seconds
  burst_pods               = min(local.warm_pods, local.burst_for_est)
  control_plane_tier       = local.tier
  target_p95_seconds       = var.target_p95_seconds
}

data "scaling_cost_estimate" "this" {
  control_plane_tier = local.tier
  tier_hourly_usd    = var.control_plane.tier_hourly_usd

  # A schedule varies the pool: price its pod-hours as max pods x equivalent hours.
  warm_pods           = local.warm_max_pods > 0 && var.warm_pool.price_per_pod_hour != null ? local.warm_max_pods : null
  warm_pod_hour_usd   = local.warm_max_pods > 0 ? var.warm_pool.price_per_pod_hour : null
  warm_hours_per_week = local.warm_max_pods > 0 && var.warm_pool.price_per_pod_hour != null ? module.warm_pool[0].weekly_pod_hours / local.warm_max_pods : null

  stream_metrics     = var.enable_metric_stream ? module.metric_stream[0].metric_names_count : null
  monthly_budget_usd = var.monthly_budget_usd
}

locals {
  # The whole burst fits in the warm pool: nothing waits for a node.
  burst_served_warm = local.warm_pods >= local.burst_pods && local.warm_pods > 0
  effective         = local.burst_served_warm ? data.scaling_latency_estimate.warm[0] : data.scaling_latency_estimate.cold

  parts = [
    { name = "control-plane", enabled = var.enable_control_plane, what = "tier ${local.tier}" },
    { name = "image-cache", enabled = var.enable_image_cache, what = var.enable_image_cache ? join(", ", var.image_cache.upstreams) : "-" },
    { name = "metric-stream", enabled = var.enable_metric_stream, what = var.enable_metric_stream ? "${module.metric_stream[0].metric_names_count} metrics" : "-" },
    { name = "karpenter-node-pools", enabled = var.enable_node_pools, what = var.enable_node_pools ? join(" -> ", module.node_pools[0].node_pool_names) : "-" },
    { name = "warm-pool", enabled = var.enable_warm_pool, what = var.enable_warm_pool ? "${local.warm_pods} warm pods (max ${local.warm_max_pods}), ${var.warm_pool.mode}" : "-" },
    { name = "workload-autoscaling", enabled = var.enable_workload_autoscaling, what = var.enable_workload_autoscaling ? "${var.autoscaling.autoscaler} on ${local.metric_source}" : "-" },
  ]

  pr_summary = join("\n", concat(
    [
      "## Fast scaling stack: `${var.cluster_name}`",
      "",
      format("Burst of **%d pods** (%d -> %d replicas of `%s/%s`): **p95 %.0fs** to ready%s; **$%.2f/month** extra per cluster%s.",
        local.burst_pods, var.workload.baseline_replicas, var.workload.peak_replicas, var.workload.namespace, var.workload.name,
        local.burst_served_warm ? local.effective.total.p95_seconds : data.scaling_latency_estimate.cold.total.p95_seconds,
        local.warm_pods > 0 ? format(" (first %d pods from the warm pool: p95 %.0fs)", min(local.warm_pods, local.burst_pods), data.scaling_latency_estimate.warm[0].total.p95_seconds) : "",
        data.scaling_cost_estimate.this.per_cluster_monthly_usd,
      var.monthly_budget_usd == null ? "" : (data.scaling_cost_estimate.this.within_budget ? format(", within the $%.0f budget", var.monthly_budget_usd) : format(", **over the $%.0f budget**", var.monthly_budget_usd))),
      "",
      "| part | enabled | what |",
      "|---|---|---|",
    ],
    [for p in local.parts : "| ${p.name} | ${p.enabled ? "yes" : "no"} | ${p.what} |"],
    ["", data.scaling_cost_estimate.this.summary_markdown],
    # Labels, not headings: each estimate brings its own "###" section,
    # which must not sit under a deeper heading.
    local.warm_pods > 0 ? ["", "**Pods served by the warm pool:**", "", data.scaling_latency_estimate.warm[0].summary_markdown] : [],
    ["", "**Pods on new nodes:**", "", data.scaling_latency_estimate.cold.summary_markdown],
  ))
}
