# Scale-out time of a checkout service: KEDA on Prometheus scraped every 5 s,
# 15 pause pods of warm capacity for a 40-pod burst (the other 25 pods go to
# new spot nodes), the image pre-pulled on the running nodes by a DaemonSet,
# a 10 s HPA sync period on tier-xl, a 45 s SLO.
data "scaling_latency_estimate" "checkout" {
  metric_source           = "keda_prometheus"
  scrape_interval_seconds = 5
  hpa_sync_period_seconds = 10

  capacity        = "warm"
  warm_mode       = "pause_pods"
  warm_pool_pods  = 15
  image_prepulled = true

  app_start_seconds        = 3
  readiness_period_seconds = 2

  burst_pods         = 40
  control_plane_tier = "tier-xl"

  target_p95_seconds = 45
}

output "checkout_p95_seconds" {
  value = data.scaling_latency_estimate.checkout.total.p95_seconds
}

# The warm part and the new-node part; the burst takes the slower.
output "checkout_parts" {
  value = { for p in data.scaling_latency_estimate.checkout.parts : p.name => p.p95_seconds }
}

output "checkout_meets_slo" {
  value = data.scaling_latency_estimate.checkout.meets_slo
}

# Batch Jobs behind a Kueue queue: the wait for admission is reported apart.
data "scaling_latency_estimate" "training" {
  queued_admission   = "quota"
  queue_wait_seconds = 300
  capacity           = "karpenter_on_demand"
  burst_pods         = 64
}

output "training_admission_wait_p95_seconds" {
  value = data.scaling_latency_estimate.training.queue_wait.p95_seconds
}

# Paste into the pull request (e.g. with a CI step that reads the output).
output "checkout_latency_markdown" {
  value = data.scaling_latency_estimate.checkout.summary_markdown
}
