output "strategy" {
  description = "Recommended strategy, components and why."
  value = {
    strategy           = data.scaling_strategy.advice.strategy
    components         = data.scaling_strategy.advice.components
    control_plane_tier = data.scaling_strategy.advice.control_plane_tier
    warm_pods          = data.scaling_strategy.advice.warm_pods
    meets_slo          = data.scaling_strategy.advice.meets_slo
    reasons            = data.scaling_strategy.advice.reasons
  }
}

output "cost_summary" {
  description = "Monthly cost per cluster of the stack."
  value       = module.stack.cost_summary
}

output "latency_summary" {
  description = "Scale-out latency of the stack."
  value       = module.stack.latency_summary
}

output "fleet_monthly_usd" {
  description = "The stack's extra cost over the whole fleet per month."
  value       = data.scaling_cost_estimate.fleet.fleet_monthly_usd
}

output "functions" {
  description = "Provider functions: warm pool size, its monthly cost, the tier for the burst in 10 s."
  value = {
    warm_pods           = local.warm_pods
    warm_monthly_usd    = local.warm_monthly
    tier_for_burst_10s  = local.tier_for_10s
    tier_for_250_pods_s = local.tier_for_250
  }
}

output "pr_summary_markdown" {
  description = "Markdown for a pull-request comment."
  value       = module.stack.pr_summary_markdown
}

output "kubernetes_yaml" {
  description = "The Kubernetes objects the stack would apply (for review or GitOps)."
  value       = module.stack.yaml
}
