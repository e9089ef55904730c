output "cost_summary" {
  description = "Plan-time monthly cost per cluster: total, control-plane tier and its extra over standard, warm pool, each item, and whether it fits `monthly_budget_usd`."
  value = {
    per_cluster_monthly_usd         = data.scaling_cost_estimate.this.per_cluster_monthly_usd
    control_plane_tier              = local.tier
    control_plane_monthly_usd       = data.scaling_cost_estimate.this.control_plane_monthly_usd
    control_plane_extra_monthly_usd = data.scaling_cost_estimate.this.control_plane_extra_monthly_usd
    warm_pods                       = local.warm_pods
    warm_pool_monthly_usd           = var.enable_warm_pool ? module.warm_pool[0].monthly_cost : null
    items                           = { for i in data.scaling_cost_estimate.this.items : i.name => i.per_cluster_monthly_usd }
    within_budget                   = data.scaling_cost_estimate.this.within_budget
  }
}

output "latency_summary" {
  description = "Plan-time scale-out latency: burst size, warm pods, seconds (best/typical/p95) for pods served warm and pods on new nodes, the p95 of the whole burst, the dominant stage and whether `target_p95_seconds` is met."
  value = {
    burst_pods        = local.burst_pods
    warm_pods         = local.warm_pods
    served_warm       = min(local.warm_pods, local.burst_pods)
    warm              = local.warm_pods > 0 ? data.scaling_latency_estimate.warm[0].total : null
    new_nodes         = data.scaling_latency_estimate.cold.total
    burst_p95_seconds = local.effective.total.p95_seconds
    dominant_stage    = local.effective.dominant_stage
    metric_source     = local.metric_source
    capacity          = local.burst_served_warm ? "warm" : local.cold_capacity
    meets_slo         = local.effective.meets_slo
  }
}

output "pr_summary_markdown" {
  description = "Markdown for a pull-request comment: parts, cost table and latency tables."
  value       = local.pr_summary
}

output "control_plane" {
  description = "Tier, recommendation, capabilities and cost (null when disabled)."
  value = var.enable_control_plane ? {
    tier             = module.control_plane[0].tier
    recommended_tier = module.control_plane[0].recommended_tier
    capabilities     = module.control_plane[0].capabilities
    cost             = module.control_plane[0].cost
  } : null
}

output "image_cache" {
  description = "ECR repository prefix per upstream and the node IAM policy to attach (null when disabled)."
  value = var.enable_image_cache ? {
    ecr_repository_prefixes = module.image_cache[0].ecr_repository_prefixes
    node_iam_policy_json    = module.image_cache[0].node_iam_policy_json
  } : null
}

output "metric_stream_arn" {
  description = "ARN of the metric stream (null when disabled)."
  value       = var.enable_metric_stream ? module.metric_stream[0].arn : null
}

output "node_pool_names" {
  description = "NodePool names, spot first (empty when disabled)."
  value       = var.enable_node_pools ? module.node_pools[0].node_pool_names : []
}

output "kubernetes_objects" {
  description = "Keys (`kind/namespace/name`, or kind/name) of every Kubernetes object the stack renders."
  value = concat(
    var.enable_node_pools ? [for m in module.node_pools[0].manifests : "${m.kind}//${m.metadata.name}"] : [],
    var.enable_warm_pool ? module.warm_pool[0].objects : [],
    var.enable_workload_autoscaling ? module.workload_autoscaling[0].objects : [],
  )
}

output "yaml" {
  description = "Every rendered Kubernetes object as multi-document YAML."
  value = join("---\n", compact([
    var.enable_node_pools ? module.node_pools[0].yaml : "",
    var.enable_warm_pool ? module.warm_pool[0].yaml : "",
    var.enable_workload_autoscaling ? module.workload_autoscaling[0].yaml : "",
  ]))
}
