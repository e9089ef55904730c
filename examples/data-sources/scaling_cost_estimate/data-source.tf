# Monthly cost of the guide's warm pool (15 pods at $0.05 per pod-hour) on a
# tier-xl control plane with 20 high-resolution metrics and the scale-out
# alarms (e.g. from scaling_alert_rules), for 3 clusters in each of 2 regions.
data "scaling_cost_estimate" "fleet" {
  control_plane_tier = "tier-xl"

  warm_baseline_replicas = 20
  warm_peak_replicas     = 120
  warm_safety_factor     = 0.15
  warm_pod_hour_usd      = 0.05

  custom_metrics                  = 20
  metric_publish_interval_seconds = 10
  metrics_per_put_request         = 20
  stream_metrics                  = 200
  standard_alarms                 = 7

  clusters = 3
  regions  = 2

  monthly_budget_usd = 2500
}

output "per_cluster_monthly_usd" {
  value = data.scaling_cost_estimate.fleet.per_cluster_monthly_usd
}

output "fleet_monthly_usd" {
  value = data.scaling_cost_estimate.fleet.fleet_monthly_usd
}

output "cost_markdown" {
  value = data.scaling_cost_estimate.fleet.summary_markdown
}
