# The circuit breaker (enable_circuit_breaker, off by default): an Istio
# DestinationRule for the workload's service, applied with the autoscaler
# by the same scaling_kubernetes_objects. Its validations are in
# part_circuit_breaker.tf, which the stack shares.

provider "scaling" {
  region               = "us-east-1"
  use_test_credentials = true

  kubernetes {
    config_path = "/nonexistent/kubeconfig"
  }
}

variables {
  workload = {
    name              = "checkout"
    namespace         = "shop"
    baseline_replicas = 20
    peak_replicas     = 120
  }
}

run "off_by_default" {
  command = plan

  assert {
    condition     = !contains([for m in output.manifests : m.kind], "DestinationRule") && output.circuit_breaker == null
    error_message = "no DestinationRule without enable_circuit_breaker"
  }
}

run "destination_rule_for_the_workload" {
  command = plan

  variables {
    enable_circuit_breaker = true
    autoscaling            = { cpu_utilization = 60 }
    circuit_breaker        = { requests_per_second_per_pod = 50, service_seconds = 0.2, seconds_until_ready = 90 }
  }

  assert {
    condition     = jsonencode([for m in output.manifests : m.kind]) == jsonencode(["HorizontalPodAutoscaler", "DestinationRule"])
    error_message = "the autoscaler, then the DestinationRule: ${jsonencode([for m in output.manifests : m.kind])}"
  }
  assert {
    condition     = output.manifests[1].apiVersion == "networking.istio.io/v1" && output.manifests[1].metadata.namespace == "shop" && output.manifests[1].spec.host == "checkout.shop.svc.cluster.local"
    error_message = "networking.istio.io/v1 DestinationRule for checkout.shop.svc.cluster.local: ${jsonencode(output.manifests[1])}"
  }
  assert {
    condition     = length(scaling_kubernetes_objects.this[0].objects) == 2
    error_message = "applied with the HPA in one run: ${jsonencode(keys(scaling_kubernetes_objects.this[0].objects))}"
  }
  assert {
    condition     = anytrue([for d in output.circuit_breaker.derivation : d.field == "outlierDetection.maxEjectionPercent" && d.value == "40"])
    error_message = "the HPA's CPU target (60%) feeds the derivation: ${output.circuit_breaker.derivation_markdown}"
  }
}

run "needs_per_pod_capacity" {
  command = plan
  variables {
    enable_circuit_breaker = true
    circuit_breaker        = { seconds_until_ready = 90 }
  }
  expect_failures = [var.circuit_breaker]
}

run "needs_seconds_until_ready_here" {
  command = plan
  variables {
    enable_circuit_breaker = true
    circuit_breaker        = { requests_per_second_per_pod = 50, service_seconds = 0.2 }
  }
  expect_failures = [var.circuit_breaker]
}

run "bad_host" {
  command = plan
  variables {
    enable_circuit_breaker = true
    circuit_breaker        = { requests_per_second_per_pod = 50, service_seconds = 0.2, seconds_until_ready = 90, host = "http://checkout:8080" }
  }
  expect_failures = [var.circuit_breaker]
}

run "bad_target_utilization" {
  command = plan
  variables {
    enable_circuit_breaker = true
    circuit_breaker        = { requests_per_second_per_pod = 50, service_seconds = 0.2, seconds_until_ready = 90, target_utilization = 70 }
  }
  expect_failures = [var.circuit_breaker]
}
