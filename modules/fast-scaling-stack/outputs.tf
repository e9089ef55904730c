output "cost_summary" {
  description = "Plan-time monthly cost per cluster: total, control-plane tier and its extra over standard, warm pool, each item, and whether it fits `monthly_budget_usd`."
  value = {
    per_cluster_monthly_usd         = data.scaling_cost_estimate.this.per_cluster_monthly_usd
    control_plane_tier              = local.estimate_tier
    control_plane_monthly_usd       = data.scaling_cost_estimate.this.control_plane_monthly_usd
    control_plane_extra_monthly_usd = data.scaling_cost_estimate.this.control_plane_extra_monthly_usd
    warm_pods                       = local.warm_pods
    warm_pool_monthly_usd           = var.enable_warm_pool ? local.warm_pool.monthly_cost : null
    items                           = { for i in data.scaling_cost_estimate.this.items : i.name => i.per_cluster_monthly_usd }
    within_budget                   = data.scaling_cost_estimate.this.within_budget
  }
}

output "latency_summary" {
  description = "Plan-time scale-out latency: burst size, warm pods, seconds (best/typical/p95) for pods served warm and pods on new nodes (the rest of the burst), the p95 of the whole burst, the dominant stage, whether `target_p95_seconds` is met, and with `warm_pool.observed_bursts` the share of them the warm pool absorbs (`burst_coverage`) and the pool that would absorb `warm_pool.target_coverage` (`warm_pods_for_coverage`)."
  value = {
    burst_pods        = local.burst_pods
    warm_pods         = local.warm_pods
    served_warm       = min(local.warm_pods, local.burst_pods)
    warm              = local.warm_pods > 0 ? data.scaling_latency_estimate.warm[0].total : null
    new_nodes         = data.scaling_latency_estimate.cold.total
    burst_p95_seconds = local.effective.total.p95_seconds
    dominant_stage    = local.effective.dominant_stage
    metric_source     = local.estimate_metric_source
    capacity          = local.burst_served_warm ? "warm" : data.scaling_latency_estimate.cold.capacity
    meets_slo         = local.effective.meets_slo
    # With warm_pool.observed_bursts: the share of them the warm pool absorbs
    # completely, and the pool that would absorb warm_pool.target_coverage.
    burst_coverage         = var.enable_warm_pool ? local.warm_pool.burst_coverage : null
    warm_pods_for_coverage = var.enable_warm_pool ? local.warm_pool.warm_pods_for_coverage : null
  }
}

output "pr_summary_markdown" {
  description = "Markdown for a pull-request comment: parts, cost table and latency tables."
  value       = local.pr_summary
}

output "control_plane" {
  description = "Tier, recommendation, capabilities (known after apply) and monthly cost (null when disabled)."
  value = var.enable_control_plane ? {
    tier             = scaling_control_plane_tier.this[0].tier
    recommended_tier = local.control_plane_recommended_tier
    capabilities = {
      kubernetes_version             = scaling_control_plane_tier.this[0].kubernetes_version
      api_request_concurrency        = scaling_control_plane_tier.this[0].api_request_concurrency
      pod_scheduling_rate_per_second = scaling_control_plane_tier.this[0].pod_scheduling_rate_per_second
      cluster_database_size_gb       = scaling_control_plane_tier.this[0].cluster_database_size_gb
    }
    cost = {
      tier              = local.control_plane_tier
      monthly_usd       = data.scaling_cost_estimate.this.control_plane_monthly_usd
      extra_monthly_usd = data.scaling_cost_estimate.this.control_plane_extra_monthly_usd
    }
  } : null
}

output "image_cache" {
  description = "ECR repository prefix per upstream, and the node IAM policy (JSON) to attach to the node role, e.g. with `aws_iam_role_policy` (null when disabled)."
  value = var.enable_image_cache ? {
    ecr_repository_prefixes = { for k, r in local.image_cache_rules : r.upstream => k }
    node_iam_policy_json    = local.image_cache_node_iam_policy_json
  } : null
}

output "metric_stream_arn" {
  description = "ARN of the metric stream (null when disabled)."
  value       = var.enable_metric_stream ? scaling_cloudwatch_metric_stream.this[0].arn : null
}

output "node_pool_names" {
  description = "NodePool names: spot, on-demand, then the extra pools (empty when disabled)."
  value       = local.node_pools_names
}

output "kubernetes_objects" {
  description = "Keys (`kind/namespace/name`; cluster-scoped objects have an empty namespace) of every Kubernetes object the stack renders, in apply order."
  value       = [for m in local.kubernetes_manifests : "${m.kind}/${try(m.metadata.namespace, "")}/${m.metadata.name}"]
}

output "manifests" {
  description = "Every rendered Kubernetes object, in apply order, as objects (for modules/kubernetes-manifest or your own tooling)."
  value       = local.kubernetes_manifests
}

output "yaml" {
  description = "Every rendered Kubernetes object as one multi-document YAML, in apply order (for GitOps: commit it, or hand it to Argo CD or Flux)."
  value       = join("---\n", local.kubernetes_yaml)
}

output "cloudwatch_alarms" {
  description = "CloudWatch alarm definitions of the scale-out KPIs by a stable key (`enable_alerts`), each with the arguments of `aws_cloudwatch_metric_alarm` (`alarm_name`, `alarm_description`, `namespace`, `metric_name`, `dimensions`, `statistic`, `period`, `evaluation_periods`, `datapoints_to_alarm`, `threshold`, `comparison_operator`, `treat_missing_data`): use it with `for_each`. The cost estimate counts them. Empty when disabled or with `alerts.cloudwatch_alarms = false`."
  value       = var.enable_alerts ? local.alerts.cloudwatch_alarms : {}
}

output "alerts" {
  description = "The scale-out alerts (`enable_alerts`; null when disabled): the PrometheusRule's key, each rule with its KPI, threshold and the metrics it reads, the KPIs left out and why, the thresholds' inputs (target p95, detection seconds), and the alarm counts the cost estimate priced."
  value = var.enable_alerts ? {
    prometheus_rule             = "PrometheusRule/${local.alerts.namespace}/${local.alerts.name}"
    rules                       = [for r in local.alerts.rules : { alert = r.alert, kpi = r.kpi, threshold = r.threshold, severity = r.severity, metrics = [for m in r.metrics : m.name] }]
    skipped_kpis                = local.alerts.skipped_kpis
    cloudwatch_skipped_kpis     = local.alerts.cloudwatch_skipped_kpis
    target_p95_seconds          = local.alerts.target_p95_seconds
    detection_seconds           = local.alerts.detection_seconds
    alarm_count                 = local.alerts.alarm_count
    high_resolution_alarm_count = local.alerts.high_resolution_alarm_count
  } : null
}

output "circuit_breaker" {
  description = "The DestinationRule's derivation (`enable_circuit_breaker`; null when disabled): each derived setting with its value, formula and why, as a list and as Markdown, and the seconds until new pods are ready it was derived from."
  value = var.enable_circuit_breaker ? {
    seconds_until_ready = data.scaling_circuit_breaker.this[0].seconds_until_ready
    derivation          = local.circuit_breaker.derivation
    derivation_markdown = local.circuit_breaker.derivation_markdown
  } : null
}

output "kueue" {
  description = "Kueue's objects (`enable_kueue`; null when disabled): the ClusterQueue, the ResourceFlavors in order of preference, the LocalQueues (`namespace/name`) and the label a Job carries to join one."
  value = var.enable_kueue ? {
    cluster_queue     = local.kueue_cluster_queue
    flavor_names      = data.scaling_kueue_queues.this[0].flavor_names
    local_queue_names = data.scaling_kueue_queues.this[0].local_queue_names
    queue_name_label  = data.scaling_kueue_queues.this[0].queue_name_label
    covered_resources = data.scaling_kueue_queues.this[0].covered_resources
  } : null
}
