# Fast scale-up (no stabilization, +100 % or +10 pods per 15 s), calm
# scale-down (300 s window) by default.
data "scaling_horizontal_pod_autoscaler" "checkout" {
  namespace        = "shop"
  scale_target_ref = { name = "checkout" }
  min_replicas     = 3
  max_replicas     = 200
  scale_up_pods    = 10

  metric = [
    { type = "resource", name = "cpu", utilization = 60 },
    { type = "pods", name = "http_requests_per_second", value = "100" },
  ]
}

resource "kubernetes_manifest" "checkout_hpa" {
  manifest = data.scaling_horizontal_pod_autoscaler.checkout.manifest
}
