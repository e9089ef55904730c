data "scaling_control_plane_tiers" "this" {
  kubernetes_version = "1.33"

  # Your prices per cluster-hour, e.g. another region or the tier-8xl quote
  # you received (tier-8xl has no published default).
  prices = {
    "tier-8xl" = 14.00
  }
}

# The cheapest tier that schedules at least 250 pods per second.
output "cheapest_fast_tier" {
  value = [for t in data.scaling_control_plane_tiers.this.tiers : t.name
  if t.pod_scheduling_rate_per_second >= 250 && t.monthly_price_usd != null][0]
}

# What the advanced control-plane configuration allows on tier-xl for this
# version, e.g. the shortest HPA sync period.
output "tier_xl_hpa_sync_period_min" {
  value = one([for t in data.scaling_control_plane_tiers.this.tiers :
  t.component_config_limits.horizontal_pod_autoscaler_sync_period.min if t.name == "tier-xl"])
}
