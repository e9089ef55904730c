# The real scaling provider renders and sizes the pool offline; kubernetes is
# mocked (kubernetes_manifest needs a live API server even to plan).
mock_provider "kubernetes" {}

variables {
  peak_replicas      = 120
  baseline_replicas  = 20
  cpu                = "500m"
  memory             = "512Mi"
  node_pool          = "general-spot"
  price_per_pod_hour = 0.05
}

run "guide_example_sizing_and_cost" {
  command = plan

  # (120 - 20) x 0.15 = 15 pods; 15 x $0.05 x 720 h = $540.
  assert {
    condition     = output.replicas == 15 && output.sizing_basis == "peak_delta"
    error_message = "expected 15 warm pods from the peak delta, got ${output.replicas}"
  }
  assert {
    condition     = output.monthly_cost == 540
    error_message = "expected $540/month, got ${output.monthly_cost}"
  }
  assert {
    condition     = kubernetes_manifest.this["Deployment/default/warm-pool"].manifest.spec.replicas == 15
    error_message = "the pause Deployment should run 15 replicas"
  }
  assert {
    condition     = kubernetes_manifest.this["Deployment/default/warm-pool"].manifest.spec.template.spec.nodeSelector["karpenter.sh/nodepool"] == "general-spot"
    error_message = "warm pods should be pinned to the NodePool"
  }
  assert {
    condition     = kubernetes_manifest.this["PriorityClass//default-warm-pool"].manifest.value < 0
    error_message = "the PriorityClass must be negative so real pods preempt warm ones"
  }
  assert {
    condition     = !contains(keys(kubernetes_manifest.this["PriorityClass//default-warm-pool"].manifest), "globalDefault")
    error_message = "globalDefault = false must be left out (the API server drops it, kubernetes_manifest then fails)"
  }
  assert {
    condition     = kubernetes_manifest.this["Deployment/default/warm-pool"].computed_fields == null
    error_message = "without a schedule replicas are not left to a scaler"
  }
}

run "keda_schedule" {
  command = plan

  variables {
    name      = "checkout-warm"
    namespace = "shop"
    schedule = [{
      name      = "business-hours"
      start     = "0 8 * * 1-5"
      end       = "0 18 * * 1-5"
      replicas  = 40
      time_zone = "Europe/Berlin"
    }]
  }

  assert {
    condition     = output.max_replicas == 40
    error_message = "the window should raise the pool to 40"
  }
  assert {
    condition     = contains(output.objects, "ScaledObject/shop/checkout-warm")
    error_message = "the keda scaler should render a ScaledObject: ${jsonencode(output.objects)}"
  }
  assert {
    condition     = contains(kubernetes_manifest.this["Deployment/shop/checkout-warm"].computed_fields, "spec.replicas")
    error_message = "the scheduled Deployment's replicas belong to the scaler"
  }
  # 15 pods x 118 h + 40 pods x 50 h a week.
  assert {
    condition     = output.weekly_pod_hours == 15 * 118 + 40 * 50
    error_message = "unexpected weekly pod-hours ${output.weekly_pod_hours}"
  }
}

run "capacity_buffer_render_only" {
  command = plan

  variables {
    mode          = "capacity_buffer"
    replicas      = 10
    peak_replicas = null
    apply         = false
  }

  assert {
    condition     = output.feature_gate == "CapacityBuffer"
    error_message = "capacity_buffer needs the CapacityBuffer gate"
  }
  assert {
    condition     = length(kubernetes_manifest.this) == 0
    error_message = "apply = false should apply nothing"
  }
  assert {
    condition     = strcontains(output.yaml, "kind: CapacityBuffer")
    error_message = "a CapacityBuffer should be rendered"
  }
}

run "static_node_pool" {
  command = plan

  variables {
    mode                  = "static_node_pool"
    peak_replicas         = null
    replicas              = 16
    price_per_pod_hour    = null
    instance_hourly_price = 0.34
    static_node_pool      = { pods_per_node = 8, instance_types = ["m7i.xlarge"] }
  }

  # 16 warm pods at 8 per node: 2 nodes, 2 x $0.34 x 720 h.
  assert {
    condition     = output.feature_gate == "StaticCapacity"
    error_message = "a static NodePool needs the StaticCapacity gate"
  }
  assert {
    condition     = kubernetes_manifest.this["NodePool//warm-pool"].manifest.spec.replicas == 2
    error_message = "the static NodePool should hold 2 nodes: ${jsonencode(output.objects)}"
  }
  assert {
    condition     = abs(output.monthly_cost - 2 * 0.34 * 720) < 0.01
    error_message = "2 nodes x $0.34 x 720 h expected, got ${output.monthly_cost}"
  }
}

run "needs_a_size" {
  command = plan

  variables {
    peak_replicas = null
  }

  expect_failures = [var.replicas]
}

run "schedule_only_with_pause_pods" {
  command = plan

  variables {
    mode     = "static_node_pool"
    schedule = [{ name = "day", start = "0 8 * * *", end = "0 18 * * *", replicas = 5 }]
  }

  expect_failures = [var.schedule]
}

run "replicas_and_peak_conflict" {
  command = plan

  variables {
    replicas = 10
  }

  expect_failures = [var.replicas]
}

run "bad_cpu_quantity" {
  command = plan

  variables {
    cpu = "half a core"
  }

  expect_failures = [var.cpu]
}

run "baseline_above_peak" {
  command = plan

  variables {
    baseline_replicas = 200
  }

  expect_failures = [var.baseline_replicas]
}
