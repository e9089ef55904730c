# Scale-out time of a checkout service: KEDA on Prometheus scraped every 5 s,
# pause-pod warm capacity, the image already on the warm nodes, a 45 s SLO.
data "scaling_latency_estimate" "checkout" {
  metric_source           = "keda_prometheus"
  scrape_interval_seconds = 5

  capacity             = "warm"
  image_cached_on_node = true

  app_start_seconds        = 3
  readiness_period_seconds = 2

  burst_pods         = 15
  control_plane_tier = "standard"

  target_p95_seconds = 45
}

output "checkout_p95_seconds" {
  value = data.scaling_latency_estimate.checkout.total.p95_seconds
}

output "checkout_meets_slo" {
  value = data.scaling_latency_estimate.checkout.meets_slo
}

# Paste into the pull request (e.g. with a CI step that reads the output).
output "checkout_latency_markdown" {
  value = data.scaling_latency_estimate.checkout.summary_markdown
}
