# The guide's decision framework: spiky, unpredictable traffic that cannot
# wait, a baseline that cannot rise, and $1,000 a month to spend per cluster.
# The last 30 days' bursts (peak minus trough, in pods) size the warm pool
# for 90 % of them.
data "scaling_strategy" "checkout" {
  predictable_traffic = false
  requests_can_wait   = false
  baseline_can_rise   = false
  monthly_budget_usd  = 1000

  baseline_replicas = 20
  peak_replicas     = 120
  observed_bursts   = [12, 8, 15, 40, 9, 11, 13, 10, 7, 14, 16, 12, 95, 11, 9, 10, 13, 12, 8, 18, 11, 10, 9, 14, 12, 13, 60, 10, 11, 12]
  target_coverage   = 0.9

  app_start_seconds        = 3
  readiness_period_seconds = 2
  target_p95_seconds       = 60
}

output "strategy" {
  value = data.scaling_strategy.checkout.strategy # "warm_pool"
}

output "warm_pods" {
  value = data.scaling_strategy.checkout.warm_pods # 18: absorbs 90 % of the observed bursts
}

output "why" {
  value = data.scaling_strategy.checkout.reasons
}

output "strategy_markdown" {
  value = data.scaling_strategy.checkout.summary_markdown
}
