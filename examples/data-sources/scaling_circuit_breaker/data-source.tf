# Connection-pool limits and outlier detection for checkout while new pods
# start: 20 baseline pods at 50 req/s each (200 ms per request) behind 3
# gateway replicas, new pods ready within 45 s.
data "scaling_circuit_breaker" "checkout" {
  namespace                   = "shop"
  host                        = "checkout.shop.svc.cluster.local"
  requests_per_second_per_pod = 50
  service_seconds             = 0.2
  ready_replicas              = 20
  client_proxies              = 3
  seconds_until_ready         = 45
  warmup_seconds              = 30

  # Fields of your own, checked against Istio 1.32's DestinationRule.
  traffic_policy = yamlencode({
    connectionPool = { tcp = { connectTimeout = "500ms" } }
  })
}

resource "kubernetes_manifest" "checkout_circuit_breaker" {
  manifest = data.scaling_circuit_breaker.checkout.manifest
}

output "circuit_breaker_derivation" {
  value = data.scaling_circuit_breaker.checkout.derivation_markdown
}
