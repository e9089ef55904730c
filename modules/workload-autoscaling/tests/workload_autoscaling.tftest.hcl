# The real scaling provider renders HPA/KEDA objects offline. The
# validations tested here are in part_autoscaling.tf, which the stack shares.

# No cluster is contacted: scaling_kubernetes_objects plans from the YAML
# alone (the objects, by key) and needs the connection only to apply. No
# AWS call either, but the provider wants a region and checks credentials
# when a configuration could call AWS: the test keys.
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

run "hpa_on_cpu_by_default" {
  command = plan

  assert {
    condition     = output.objects == ["HorizontalPodAutoscaler/shop/checkout"]
    error_message = "one HPA expected, got ${jsonencode(output.objects)}"
  }
  assert {
    condition     = output.manifests[0].spec.scaleTargetRef.name == "checkout" && output.manifests[0].spec.scaleTargetRef.kind == "Deployment"
    error_message = "the HPA should target the workload"
  }
  assert {
    condition     = output.manifests[0].spec.metrics[0].resource.target.averageUtilization == 70
    error_message = "no metric given: the data source's default, 70% CPU"
  }
  assert {
    condition     = output.manifests[0].spec.minReplicas == 20 && output.manifests[0].spec.maxReplicas == 120
    error_message = "min and max should default to the workload's baseline and peak"
  }
  assert {
    condition     = output.metric_source == "metrics_server_cpu"
    error_message = "an HPA on CPU reads metrics-server"
  }
  assert {
    condition     = jsonencode(keys(scaling_kubernetes_objects.this[0].objects)) == jsonencode(["HorizontalPodAutoscaler.autoscaling/shop/checkout"])
    error_message = "the HPA should be applied by scaling_kubernetes_objects: ${jsonencode(keys(scaling_kubernetes_objects.this[0].objects))}"
  }
}

# The guide's HPA: a fast scale-up, a calm scale-down, and the metric
# types beyond CPU.
run "hpa_behavior_and_metrics" {
  command = plan

  variables {
    autoscaling = {
      cpu_utilization = 60
      behavior = {
        scale_up   = { policies = [{ type = "Pods", value = 50, period_seconds = 15 }, { type = "Percent", value = 100, period_seconds = 15 }], select_policy = "Max", stabilization_window_seconds = 0 }
        scale_down = { policies = [{ type = "Percent", value = 10, period_seconds = 60 }], stabilization_window_seconds = 600 }
      }
      metric = [
        { type = "external", name = "sqs_messages_visible", selector = { queue = "orders" }, target_type = "AverageValue", value = "30" },
        { type = "pods", name = "http_requests_per_second", value = "100" },
        { type = "object", name = "requests_per_second", described_object = { api_version = "networking.k8s.io/v1", kind = "Ingress", name = "checkout" }, value = "2k" },
      ]
    }
  }

  assert {
    condition     = length(output.manifests[0].spec.metrics) == 4 && output.manifests[0].spec.metrics[0].type == "External" && output.manifests[0].spec.metrics[3].resource.target.averageUtilization == 60
    error_message = "external, pods and object metrics, then the cpu shortcut: ${jsonencode(output.manifests[0].spec.metrics)}"
  }
  assert {
    condition     = output.manifests[0].spec.behavior.scaleDown.stabilizationWindowSeconds == 600 && anytrue([for p in output.manifests[0].spec.behavior.scaleUp.policies : p.type == "Pods" && p.value == 50])
    error_message = "the behavior should be rendered as given: ${jsonencode(output.manifests[0].spec.behavior)}"
  }
}

run "keda_sqs_with_pod_identity" {
  command = plan

  variables {
    autoscaling = {
      autoscaler       = "keda"
      min_replicas     = 0
      polling_interval = 5
      sqs = {
        queue_url = "https://sqs.us-east-1.amazonaws.com/123456789012/orders"
        region    = "us-east-1"
        role_arn  = "arn:aws:iam::123456789012:role/keda-orders"
      }
    }
  }

  assert {
    condition     = length(output.manifests) == 2 && output.trigger_authentication_name != null
    error_message = "a TriggerAuthentication and a ScaledObject expected: ${jsonencode(output.objects)}"
  }
  assert {
    condition     = one([for m in output.manifests : m.spec.triggers[0].type if m.kind == "ScaledObject"]) == "aws-sqs-queue" && one([for m in output.manifests : m.spec.pollingInterval if m.kind == "ScaledObject"]) == 5
    error_message = "the SQS trigger with a 5 s polling interval"
  }
  assert {
    condition     = output.metric_source == "keda_sqs" && output.min_replicas == 0
    error_message = "the latency source should be keda_sqs, scaling to zero"
  }
}

# Several KEDA triggers of each kind, a fallback and KEDA's HPA behavior.
run "keda_many_triggers" {
  command = plan

  variables {
    autoscaling = {
      autoscaler = "keda"
      trigger = [
        { type = "prometheus", name = "rps", prometheus = { server_address = "http://prometheus.monitoring:9090", query = "sum(rate(http_requests_total[1m]))", threshold = "100", activation_threshold = "5" } },
        { type = "prometheus", name = "latency", prometheus = { server_address = "http://prometheus.monitoring:9090", query = "histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket[1m])) by (le))", threshold = "0.5" } },
        { type = "cron", name = "morning", cron = { start = "0 7 * * 1-5", end = "0 9 * * 1-5", time_zone = "Europe/Berlin", desired_replicas = 60 } },
        { type = "cron", name = "evening", cron = { start = "0 17 * * 1-5", end = "0 20 * * 1-5", time_zone = "Europe/Berlin", desired_replicas = 80 } },
      ]
      fallback        = { failure_threshold = 3, replicas = 40 }
      cooldown_period = 600
      behavior        = { scale_up = { policies = [{ type = "Percent", value = 200, period_seconds = 15 }] } }
    }
  }

  assert {
    condition     = length(output.manifests[0].spec.triggers) == 4 && output.manifests[0].spec.triggers[3].metadata.desiredReplicas == "80"
    error_message = "four triggers, in order: ${jsonencode(output.manifests[0].spec.triggers)}"
  }
  assert {
    condition     = output.manifests[0].spec.fallback.replicas == 40 && output.manifests[0].spec.cooldownPeriod == 600 && output.manifests[0].spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleUp.policies[0].value == 200
    error_message = "fallback, cooldown and behavior should be rendered: ${jsonencode(output.manifests[0].spec)}"
  }
  assert {
    condition     = output.metric_source == "keda_prometheus"
    error_message = "the latency source should be keda_prometheus"
  }
}

run "custom_target_kind" {
  command = plan

  variables {
    workload = { name = "checkout", namespace = "shop", kind = "Rollout", api_version = "argoproj.io/v1alpha1", baseline_replicas = 2, peak_replicas = 20 }
  }

  assert {
    condition     = output.manifests[0].spec.scaleTargetRef.kind == "Rollout" && output.manifests[0].spec.scaleTargetRef.apiVersion == "argoproj.io/v1alpha1"
    error_message = "an Argo Rollout can be the target"
  }
}

# --- bad input: each names the attribute and the fix -------------------------

run "keda_needs_a_trigger" {
  command = plan
  variables {
    autoscaling = { autoscaler = "keda" }
  }
  expect_failures = [var.autoscaling]
}

run "hpa_rejects_keda_settings" {
  command = plan
  variables {
    autoscaling = { sqs = { queue_url = "https://sqs.us-east-1.amazonaws.com/123456789012/orders", region = "us-east-1" } }
  }
  expect_failures = [var.autoscaling]
}

run "keda_rejects_hpa_metrics" {
  command = plan
  variables {
    autoscaling = { autoscaler = "keda", cpu_utilization = 50, cron = [{ start = "0 8 * * *", end = "0 9 * * *", time_zone = "UTC", desired_replicas = 2 }] }
  }
  expect_failures = [var.autoscaling]
}

run "min_above_max" {
  command = plan
  variables {
    autoscaling = { min_replicas = 200, max_replicas = 100 }
  }
  expect_failures = [var.autoscaling]
}

run "hpa_cannot_scale_to_zero" {
  command = plan
  variables {
    autoscaling = { min_replicas = 0 }
  }
  expect_failures = [var.autoscaling]
}

run "bad_behavior_policy" {
  command = plan
  variables {
    autoscaling = { behavior = { scale_up = { policies = [{ type = "Nodes", value = 5, period_seconds = 15 }] } } }
  }
  expect_failures = [var.autoscaling]
}

run "behavior_period_too_long" {
  command = plan
  variables {
    autoscaling = { behavior = { scale_down = { policies = [{ type = "Pods", value = 5, period_seconds = 3600 }] } } }
  }
  expect_failures = [var.autoscaling]
}

run "object_metric_needs_described_object" {
  command = plan
  variables {
    autoscaling = { metric = [{ type = "object", name = "rps", value = "10" }] }
  }
  expect_failures = [var.autoscaling]
}

run "trigger_block_must_match_type" {
  command = plan
  variables {
    autoscaling = { autoscaler = "keda", trigger = [{ type = "cron", prometheus = { server_address = "http://p:9090", query = "up", threshold = "1" } }] }
  }
  expect_failures = [var.autoscaling]
}

run "bad_sqs_url" {
  command = plan
  variables {
    autoscaling = { autoscaler = "keda", trigger = [{ type = "aws-sqs-queue", aws_sqs_queue = { queue_url = "orders", aws_region = "us-east-1" } }] }
  }
  expect_failures = [var.autoscaling]
}

run "bad_cpu_utilization" {
  command = plan
  variables {
    autoscaling = { cpu_utilization = 150 }
  }
  expect_failures = [var.autoscaling]
}

run "idle_replicas_only_zero" {
  command = plan
  variables {
    autoscaling = { autoscaler = "keda", idle_replicas = 2, cron = [{ start = "0 8 * * *", end = "0 9 * * *", time_zone = "UTC", desired_replicas = 2 }] }
  }
  expect_failures = [var.autoscaling]
}

run "bad_fallback_behavior" {
  command = plan
  variables {
    autoscaling = { autoscaler = "keda", fallback = { failure_threshold = 3, replicas = 5, behavior = "maximum" }, cron = [{ start = "0 8 * * *", end = "0 9 * * *", time_zone = "UTC", desired_replicas = 2 }] }
  }
  expect_failures = [var.autoscaling]
}

run "fallback_needs_average_value_triggers" {
  command = plan
  variables {
    autoscaling = { autoscaler = "keda", fallback = { failure_threshold = 3, replicas = 5 }, trigger = [{ type = "prometheus", metric_type = "Value", prometheus = { server_address = "http://p:9090", query = "up", threshold = "1" } }] }
  }
  expect_failures = [var.autoscaling]
}

run "bad_workload_kind" {
  command = plan
  variables {
    workload = { name = "checkout", kind = "Pod", baseline_replicas = 1, peak_replicas = 2 }
  }
  expect_failures = [var.workload]
}
