# The real scaling provider renders HPA/KEDA objects offline; kubernetes is mocked.
mock_provider "kubernetes" {}

variables {
  workload_name = "checkout"
  namespace     = "shop"
  max_replicas  = 120
}

run "hpa_on_cpu" {
  command = plan

  assert {
    condition     = output.objects == ["HorizontalPodAutoscaler/shop/checkout"]
    error_message = "one HPA expected, got ${jsonencode(output.objects)}"
  }
  assert {
    condition     = kubernetes_manifest.this["HorizontalPodAutoscaler/shop/checkout"].manifest.spec.scaleTargetRef.name == "checkout"
    error_message = "the HPA should target the workload"
  }
  assert {
    condition     = kubernetes_manifest.this["HorizontalPodAutoscaler/shop/checkout"].manifest.spec.metrics[0].resource.target.averageUtilization == 70
    error_message = "the HPA should target 70% CPU"
  }
  assert {
    condition     = kubernetes_manifest.this["HorizontalPodAutoscaler/shop/checkout"].manifest.spec.maxReplicas == 120
    error_message = "maxReplicas should be 120"
  }
  assert {
    condition     = output.metric_source == "metrics_server_cpu"
    error_message = "an HPA on CPU reads metrics-server"
  }
}

run "fast_scale_up_policy" {
  command = plan

  variables {
    scale_up_pods = 50
  }

  assert {
    condition     = anytrue([for p in kubernetes_manifest.this["HorizontalPodAutoscaler/shop/checkout"].manifest.spec.behavior.scaleUp.policies : p.type == "Pods" && p.value == 50])
    error_message = "scale_up_pods should become a Pods policy of 50"
  }
  assert {
    condition     = kubernetes_manifest.this["HorizontalPodAutoscaler/shop/checkout"].manifest.spec.behavior.scaleUp.stabilizationWindowSeconds == 0
    error_message = "scale-up should not wait for a stabilization window"
  }
}

run "keda_sqs_with_pod_identity" {
  command = plan

  variables {
    autoscaler       = "keda"
    min_replicas     = 0
    polling_interval = 5
    sqs = {
      queue_url = "https://sqs.us-east-1.amazonaws.com/123456789012/orders"
      region    = "us-east-1"
      role_arn  = "arn:aws:iam::123456789012:role/keda-orders"
    }
  }

  assert {
    condition     = length(kubernetes_manifest.this) == 2
    error_message = "a ScaledObject and a TriggerAuthentication expected: ${jsonencode(output.objects)}"
  }
  assert {
    condition     = kubernetes_manifest.this["ScaledObject/shop/checkout"].manifest.spec.triggers[0].type == "aws-sqs-queue"
    error_message = "the trigger should be aws-sqs-queue"
  }
  assert {
    condition     = kubernetes_manifest.this["ScaledObject/shop/checkout"].manifest.spec.pollingInterval == 5
    error_message = "pollingInterval should be 5"
  }
  assert {
    condition     = output.metric_source == "keda_sqs"
    error_message = "the latency source should be keda_sqs"
  }
}

run "keda_prometheus_and_cron_render_only" {
  command = plan

  variables {
    autoscaler = "keda"
    apply      = false
    prometheus = {
      server_address = "http://prometheus.monitoring:9090"
      query          = "sum(rate(http_requests_total{app=\"checkout\"}[1m]))"
      threshold      = "100"
    }
    cron = [{ start = "0 8 * * 1-5", end = "0 18 * * 1-5", time_zone = "Europe/Berlin", desired_replicas = 20 }]
  }

  assert {
    condition     = length(kubernetes_manifest.this) == 0
    error_message = "apply = false should apply nothing"
  }
  assert {
    condition     = strcontains(output.yaml, "type: prometheus") && strcontains(output.yaml, "type: cron")
    error_message = "both triggers should be rendered"
  }
  assert {
    condition     = output.metric_source == "keda_prometheus"
    error_message = "the latency source should be keda_prometheus"
  }
}

run "keda_needs_a_trigger" {
  command = plan

  variables {
    autoscaler = "keda"
  }

  expect_failures = [var.cron]
}

run "hpa_rejects_keda_triggers" {
  command = plan

  variables {
    sqs = { queue_url = "https://sqs.us-east-1.amazonaws.com/123456789012/orders", region = "us-east-1" }
  }

  expect_failures = [var.cron]
}

run "min_above_max" {
  command = plan

  variables {
    min_replicas = 200
  }

  expect_failures = [var.min_replicas]
}
