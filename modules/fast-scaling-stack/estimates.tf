# Plan-time estimates: every input below is known at plan, so cost and
# latency show up in `terraform plan` before anything is applied.

locals {
  estimate_tier = var.enable_control_plane ? local.control_plane_tier : coalesce(var.control_plane.tier, "standard")

  warm_pods     = var.enable_warm_pool ? local.warm_pool.replicas : 0
  warm_max_pods = var.enable_warm_pool ? local.warm_pool.max_replicas : 0

  estimate_keda = var.enable_workload_autoscaling && local.autoscaling_keda
  # The HPA sync period the control-plane part sets (e.g. "10s"), if any.
  estimate_hpa_sync_period = var.enable_control_plane ? try(tonumber(trimsuffix(var.control_plane.kube_controller_manager_config.horizontal_pod_autoscaler_sync_period, "s")), null) : null
  # The stack's pre-pull keeps the workload's image on the nodes it lands
  # on: the image is among those pulled (or none is named) and the pre-pull
  # covers the pools the workload uses (spot and on-demand).
  estimate_image_prepulled = var.enable_image_prepull && (var.workload.image == null || contains(local.image_prepull_images, coalesce(var.workload.image, "-"))) && alltrue([
    for p in compact([local.node_pools_spot_name, local.node_pools_on_demand_name]) : contains(local.image_prepull_node_pools, p)
  ])
  estimate_metric_source = coalesce(var.estimates.metric_source, var.enable_workload_autoscaling ? local.autoscaling_metric_source : null, "metrics_server_cpu")

  # Inputs both latency estimates share.
  estimate_latency = {
    metric_source                   = local.estimate_metric_source
    polling_interval_seconds        = local.estimate_keda ? var.autoscaling.polling_interval : null
    scale_from_zero                 = local.estimate_keda && local.autoscaling_min_replicas == 0 && startswith(local.estimate_metric_source, "keda_")
    scrape_interval_seconds         = var.autoscaling.scrape_interval_seconds
    stabilization_window_seconds    = try(var.autoscaling.behavior.scale_up.stabilization_window_seconds, null)
    current_replicas                = var.workload.baseline_replicas
    ami_family                      = var.enable_node_pools ? local.node_pools_ami_family : "al2023"
    image_size_mb                   = var.workload.image_size_mb
    image_registry                  = var.workload.image_public ? "public" : "ecr"
    pull_through_cache              = var.workload.image_public && (var.enable_image_cache || var.estimates.pull_through_cache)
    app_start_seconds               = var.workload.app_start_seconds
    control_plane_tier              = local.estimate_tier
    target_p95_seconds              = var.target_p95_seconds
    scale_up_policy                 = var.estimates.scale_up_policy
    hpa_sync_period_seconds         = try(coalesce(var.estimates.hpa_sync_period_seconds, local.estimate_hpa_sync_period), null)
    metric_window_seconds           = var.estimates.metric_window_seconds
    readiness_initial_delay_seconds = var.estimates.readiness_initial_delay_seconds
    readiness_period_seconds        = var.estimates.readiness_period_seconds
    image_cached_on_node            = var.estimates.image_cached_on_node
    image_prepulled                 = var.estimates.image_prepulled != null ? var.estimates.image_prepulled : local.estimate_image_prepulled
    pod_scheduling_rate_per_second  = var.estimates.pod_scheduling_rate_per_second
  }
}

# New pods on new nodes: the part of the burst beyond the warm pool (the whole
# burst when the pool holds it all: what it would wait without the pool).
#
# Two estimates rather than one with capacity = "warm", warm_pool_pods and
# overflow_capacity (which gives the same two parts): that one warns on every
# plan whose warm pool is smaller than the burst, which is the stack's usual
# sizing.
data "scaling_latency_estimate" "cold" {
  capacity   = var.node_pools.spot_share > 0 ? "karpenter_spot" : "karpenter_on_demand"
  burst_pods = max(1, local.burst_served_warm ? local.burst_pods : local.burst_pods - local.warm_pods)

  metric_source                   = local.estimate_latency.metric_source
  polling_interval_seconds        = local.estimate_latency.polling_interval_seconds
  scale_from_zero                 = local.estimate_latency.scale_from_zero
  scrape_interval_seconds         = local.estimate_latency.scrape_interval_seconds
  stabilization_window_seconds    = local.estimate_latency.stabilization_window_seconds
  current_replicas                = local.estimate_latency.current_replicas
  ami_family                      = local.estimate_latency.ami_family
  image_size_mb                   = local.estimate_latency.image_size_mb
  image_registry                  = local.estimate_latency.image_registry
  pull_through_cache              = local.estimate_latency.pull_through_cache
  app_start_seconds               = local.estimate_latency.app_start_seconds
  control_plane_tier              = local.estimate_latency.control_plane_tier
  target_p95_seconds              = local.estimate_latency.target_p95_seconds
  scale_up_policy                 = local.estimate_latency.scale_up_policy
  hpa_sync_period_seconds         = local.estimate_latency.hpa_sync_period_seconds
  metric_window_seconds           = local.estimate_latency.metric_window_seconds
  readiness_initial_delay_seconds = local.estimate_latency.readiness_initial_delay_seconds
  readiness_period_seconds        = local.estimate_latency.readiness_period_seconds
  image_cached_on_node            = local.estimate_latency.image_cached_on_node
  image_prepulled                 = local.estimate_latency.image_prepulled
  pod_scheduling_rate_per_second  = local.estimate_latency.pod_scheduling_rate_per_second
}

# New pods preempting warm pods: the first `warm_pods` of the burst.
data "scaling_latency_estimate" "warm" {
  count = local.warm_pods > 0 ? 1 : 0

  capacity   = "warm"
  warm_mode  = var.warm_pool.mode
  burst_pods = min(local.warm_pods, max(1, local.burst_pods))

  metric_source                   = local.estimate_latency.metric_source
  polling_interval_seconds        = local.estimate_latency.polling_interval_seconds
  scale_from_zero                 = local.estimate_latency.scale_from_zero
  scrape_interval_seconds         = local.estimate_latency.scrape_interval_seconds
  stabilization_window_seconds    = local.estimate_latency.stabilization_window_seconds
  current_replicas                = local.estimate_latency.current_replicas
  ami_family                      = local.estimate_latency.ami_family
  image_size_mb                   = local.estimate_latency.image_size_mb
  image_registry                  = local.estimate_latency.image_registry
  pull_through_cache              = local.estimate_latency.pull_through_cache
  app_start_seconds               = local.estimate_latency.app_start_seconds
  control_plane_tier              = local.estimate_latency.control_plane_tier
  target_p95_seconds              = local.estimate_latency.target_p95_seconds
  scale_up_policy                 = local.estimate_latency.scale_up_policy
  hpa_sync_period_seconds         = local.estimate_latency.hpa_sync_period_seconds
  metric_window_seconds           = local.estimate_latency.metric_window_seconds
  readiness_initial_delay_seconds = local.estimate_latency.readiness_initial_delay_seconds
  readiness_period_seconds        = local.estimate_latency.readiness_period_seconds
  image_cached_on_node            = local.estimate_latency.image_cached_on_node
  image_prepulled                 = local.estimate_latency.image_prepulled
  pod_scheduling_rate_per_second  = local.estimate_latency.pod_scheduling_rate_per_second
}

data "scaling_cost_estimate" "this" {
  control_plane_tier = local.estimate_tier
  tier_hourly_usd    = var.control_plane.tier_hourly_usd

  # A schedule varies the pool: price its pod-hours as max pods x equivalent hours.
  warm_pods           = local.warm_max_pods > 0 && local.warm_pool_priced ? local.warm_max_pods : null
  warm_pod_hour_usd   = local.warm_max_pods > 0 && local.warm_pool_priced ? local.warm_pool.pod_hour_price : null
  warm_hours_per_week = local.warm_max_pods > 0 && local.warm_pool_priced ? local.warm_pool.weekly_pod_hours / local.warm_max_pods : null

  stream_metrics = var.enable_metric_stream ? local.metric_stream_metric_names_count : null
  custom_metrics = var.estimates.custom_metrics
  # Your own alarms and the ones the alerts part renders.
  high_resolution_alarms          = coalesce(var.estimates.high_resolution_alarms, 0) + local.alerts_high_resolution_alarms
  standard_alarms                 = coalesce(var.estimates.standard_alarms, 0) + local.alerts_standard_alarms
  metric_publish_interval_seconds = var.estimates.metric_publish_interval_seconds
  metric_read_interval_seconds    = var.estimates.metric_read_interval_seconds
  metrics_per_put_request         = var.estimates.metrics_per_put_request
  monthly_budget_usd              = var.monthly_budget_usd
}

locals {
  warm_pool_priced = var.enable_warm_pool && try(local.warm_pool.pod_hour_price != null, false)

  # The whole burst fits in the warm pool: nothing waits for a node.
  burst_served_warm = local.warm_pods >= local.burst_pods && local.warm_pods > 0
  effective         = local.burst_served_warm ? data.scaling_latency_estimate.warm[0] : data.scaling_latency_estimate.cold

  # One row per part for the PR summary; a new part adds its row here.
  parts = [
    { name = "control-plane", enabled = var.enable_control_plane, what = "tier ${local.estimate_tier}" },
    { name = "image-cache", enabled = var.enable_image_cache, what = var.enable_image_cache ? join(", ", concat(var.image_cache.upstreams, keys(var.image_cache.extra_rules))) : "-" },
    { name = "metric-stream", enabled = var.enable_metric_stream, what = var.enable_metric_stream ? "${local.metric_stream_metric_names_count} metrics" : "-" },
    { name = "karpenter-node-pools", enabled = var.enable_node_pools, what = var.enable_node_pools ? "${local.node_pools_auto_mode ? "EKS Auto Mode" : "Karpenter"}: ${join(" -> ", local.node_pools_names)}" : "-" },
    { name = "node-readiness", enabled = var.enable_node_readiness, what = var.enable_node_readiness ? join("; ", [for k, r in local.node_readiness_rules : "${k} on ${join(", ", r.node_pools)}"]) : "-" },
    { name = "image-prepull", enabled = var.enable_image_prepull, what = var.enable_image_prepull ? "${length(local.image_prepull_images)} image(s) on ${join(", ", local.image_prepull_node_pools)}${local.estimate_image_prepulled ? " (the workload's included)" : ""}" : "-" },
    { name = "warm-pool", enabled = var.enable_warm_pool, what = var.enable_warm_pool ? "${local.warm_pods} warm pods (max ${local.warm_max_pods}), ${var.warm_pool.mode}" : "-" },
    { name = "workload-autoscaling", enabled = var.enable_workload_autoscaling, what = var.enable_workload_autoscaling ? "${var.autoscaling.autoscaler} on ${local.estimate_metric_source}" : "-" },
    { name = "kueue", enabled = var.enable_kueue, what = var.enable_kueue ? "ClusterQueue ${local.kueue_cluster_queue} on ${join(" -> ", data.scaling_kueue_queues.this[0].flavor_names)}; ${join(", ", data.scaling_kueue_queues.this[0].local_queue_names)}" : "-" },
    { name = "circuit-breaker", enabled = var.enable_circuit_breaker, what = var.enable_circuit_breaker ? "DestinationRule for ${local.circuit_breaker.host}, new pods ready in ${format("%.0f", data.scaling_circuit_breaker.this[0].seconds_until_ready)}s" : "-" },
    { name = "alerts", enabled = var.enable_alerts, what = var.enable_alerts ? "${local.alerts.rule_count} Prometheus rules, ${local.alerts.alarm_count} CloudWatch alarms (target ${format("%.0f", local.alerts.target_p95_seconds)}s)" : "-" },
  ]

  pr_summary = join("\n", concat(
    [
      "## Fast scaling stack: `${var.cluster_name}`",
      "",
      format("Burst of **%d pods** (%d -> %d replicas of `%s/%s`): **p95 %.0fs** to ready%s; **$%.2f/month** extra per cluster%s.",
        local.burst_pods, var.workload.baseline_replicas, var.workload.peak_replicas, var.workload.namespace, var.workload.name,
        local.effective.total.p95_seconds,
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
