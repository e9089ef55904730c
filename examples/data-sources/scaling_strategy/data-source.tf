# The guide's decision framework: spiky, unpredictable traffic that cannot
# wait, a baseline that cannot rise, and $1,000 a month to spend per cluster.
data "scaling_strategy" "checkout" {
  predictable_traffic = false
  requests_can_wait   = false
  baseline_can_rise   = false
  monthly_budget_usd  = 1000

  baseline_replicas  = 20
  peak_replicas      = 120
  target_p95_seconds = 60
}

output "strategy" {
  value = data.scaling_strategy.checkout.strategy # "warm_pool"
}

output "why" {
  value = data.scaling_strategy.checkout.reasons
}

output "strategy_markdown" {
  value = data.scaling_strategy.checkout.summary_markdown
}
