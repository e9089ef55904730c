# The real scaling provider renders and sizes the pool offline. The
# validations tested here are in part_warm_pool.tf and part_workload.tf,
# which the stack shares.

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
    cpu               = "500m"
    memory            = "512Mi"
    baseline_replicas = 20
    peak_replicas     = 120
  }
  warm_pool = {
    node_pool          = "general-spot"
    price_per_pod_hour = 0.05
  }
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
    condition     = jsonencode(output.objects) == jsonencode(["PriorityClass//shop-checkout-warm", "Deployment/shop/checkout-warm"])
    error_message = "a PriorityClass, then the pause Deployment: ${jsonencode(output.objects)}"
  }
  assert {
    condition     = output.manifests[1].spec.replicas == 15 && output.manifests[1].spec.template.spec.nodeSelector["karpenter.sh/nodepool"] == "general-spot"
    error_message = "the pause Deployment should run 15 replicas pinned to the NodePool"
  }
  assert {
    condition     = output.manifests[0].value < 0 && !contains(keys(output.manifests[0]), "globalDefault")
    error_message = "the PriorityClass must be negative so real pods preempt warm ones (globalDefault left out: the API server drops it)"
  }
  assert {
    condition     = jsonencode(keys(scaling_kubernetes_objects.this[0].objects)) == jsonencode(["Deployment.apps/shop/checkout-warm", "PriorityClass.scheduling.k8s.io/shop-checkout-warm"])
    error_message = "scaling_kubernetes_objects should plan the two objects: ${jsonencode(keys(scaling_kubernetes_objects.this[0].objects))}"
  }
}

run "render_only" {
  command = plan

  variables {
    apply_kubernetes_objects = false
  }

  assert {
    condition     = length(scaling_kubernetes_objects.this) == 0 && length(output.manifests) == 2
    error_message = "apply_kubernetes_objects = false renders without applying"
  }
}

run "keda_schedule_leaves_replicas_to_the_scaler" {
  command = plan

  variables {
    warm_pool = {
      node_pool          = "general-spot"
      price_per_pod_hour = 0.05
      schedule = [{
        name      = "business-hours"
        start     = "0 8 * * 1-5"
        end       = "0 18 * * 1-5"
        replicas  = 40
        time_zone = "Europe/Berlin"
      }]
    }
  }

  assert {
    condition     = output.max_replicas == 40 && contains(output.objects, "ScaledObject/shop/checkout-warm")
    error_message = "the window should raise the pool to 40 through a KEDA ScaledObject (the module's default scaler): ${jsonencode(output.objects)}"
  }
  assert {
    condition     = !can(output.manifests[1].spec.replicas)
    error_message = "with a schedule the pause Deployment leaves spec.replicas to the scaler (a server-side apply would fight it)"
  }
  # 15 pods x 118 h + 40 pods x 50 h a week.
  assert {
    condition     = output.weekly_pod_hours == 15 * 118 + 40 * 50
    error_message = "unexpected weekly pod-hours ${output.weekly_pod_hours}"
  }
}

# Settings of the guide a platform team uses: GPU pods tolerating the
# pool's taint, an own priority, a mirrored pause image, instance pricing.
run "gpu_workload_on_a_tainted_pool" {
  command = plan

  variables {
    workload = {
      name              = "trainer", namespace = "ml", cpu = "4", memory = "16Gi", extended_resources = { "nvidia.com/gpu" = "1" }
      baseline_replicas = 2, peak_replicas = 22
    }
    warm_pool = {
      replicas              = 2
      node_pool             = "gpu"
      tolerations           = [{ key = "nvidia.com/gpu", operator = "Exists", effect = "NoSchedule" }]
      priority_class_name   = "ml-warm"
      priority_class_value  = -10
      image                 = "123456789012.dkr.ecr.us-east-1.amazonaws.com/k8s/pause:3.10"
      instance_hourly_price = 1.006
      pods_per_instance     = 1
    }
  }

  assert {
    condition     = output.manifests[1].spec.template.spec.containers[0].resources.requests["nvidia.com/gpu"] == "1" && output.manifests[1].spec.template.spec.tolerations[0].key == "nvidia.com/gpu"
    error_message = "warm pods should request the GPU and tolerate the GPU taint: ${jsonencode(output.manifests[1].spec.template.spec)}"
  }
  assert {
    condition     = output.manifests[0].metadata.name == "ml-warm" && output.manifests[0].value == -10 && strcontains(output.manifests[1].spec.template.spec.containers[0].image, "pause:3.10")
    error_message = "priority class and image should be the ones given"
  }
  assert {
    condition     = abs(output.monthly_cost - 2 * 1.006 * 720) < 0.01
    error_message = "2 warm pods, one per $1.006/h instance, 720 h: got ${output.monthly_cost}"
  }
}

run "capacity_buffer" {
  command = plan

  variables {
    warm_pool = {
      mode            = "capacity_buffer"
      replicas        = 10
      capacity_buffer = { limits = { cpu = "20" } }
    }
  }

  assert {
    condition     = output.feature_gate == "CapacityBuffer" && strcontains(output.yaml, "kind: CapacityBuffer")
    error_message = "capacity_buffer needs the CapacityBuffer gate and renders a CapacityBuffer"
  }
}

run "static_node_pool" {
  command = plan

  variables {
    warm_pool = {
      mode                  = "static_node_pool"
      replicas              = 16
      instance_hourly_price = 0.34
      static_node_pool      = { pods_per_node = 8, instance_types = ["m7i.xlarge"] }
    }
  }

  # 16 warm pods at 8 per node: 2 nodes, 2 x $0.34 x 720 h.
  assert {
    condition     = output.feature_gate == "StaticCapacity" && one([for m in output.manifests : m.spec.replicas if m.kind == "NodePool"]) == 2
    error_message = "a static NodePool of 2 nodes (StaticCapacity gate): ${jsonencode(output.objects)}"
  }
  assert {
    condition     = abs(output.monthly_cost - 2 * 0.34 * 720) < 0.01
    error_message = "2 nodes x $0.34 x 720 h expected, got ${output.monthly_cost}"
  }
}

run "create_namespace" {
  command = plan

  variables {
    create_namespace = true
  }

  assert {
    condition     = output.objects[0] == "Namespace//shop" && startswith(output.yaml, "apiVersion: v1\nkind: Namespace\n")
    error_message = "the namespace should come first: ${jsonencode(output.objects)}"
  }
}

run "sized_from_observed_bursts" {
  command = plan
  variables {
    # Five daily peaks above the baseline; absorb 80% of them completely.
    warm_pool = { node_pool = "general-spot", observed_bursts = [5, 8, 12, 20, 25], target_coverage = 0.8 }
  }

  assert {
    condition     = output.replicas == 20 && output.sizing_basis == "observed_bursts" && output.warm_pods_for_coverage == 20 && output.burst_coverage == 0.8
    error_message = "20 warm pods absorb 4 of the 5 bursts: got ${output.replicas} (${output.sizing_basis}), for coverage ${output.warm_pods_for_coverage}, coverage ${output.burst_coverage}"
  }
}

run "fixed_size_reports_coverage" {
  command = plan
  variables {
    warm_pool = { node_pool = "general-spot", replicas = 10, observed_bursts = [5, 8, 12, 20, 25] }
  }

  # 10 pods absorb 5 and 8 (2 of 5); 90% (the default target) needs 25.
  assert {
    condition     = output.replicas == 10 && output.sizing_basis == "replicas" && output.burst_coverage == 0.4 && output.warm_pods_for_coverage == 25
    error_message = "got ${output.replicas} (${output.sizing_basis}), coverage ${output.burst_coverage}, for coverage ${output.warm_pods_for_coverage}"
  }
}

# --- bad input: each names the attribute and the fix -------------------------

run "schedule_only_with_pause_pods" {
  command = plan
  variables {
    warm_pool = { mode = "static_node_pool", replicas = 1, schedule = [{ name = "day", start = "0 8 * * *", end = "0 18 * * *", replicas = 5 }] }
  }
  expect_failures = [var.warm_pool]
}

run "schedule_cron_fields" {
  command = plan
  variables {
    warm_pool = { node_pool = "p", schedule = [{ name = "day", start = "0 8 * *", end = "0 18 * * *", replicas = 5 }] }
  }
  expect_failures = [var.warm_pool]
}

run "bad_mode" {
  command = plan
  variables {
    warm_pool = { mode = "overprovisioning", node_pool = "p" }
  }
  expect_failures = [var.warm_pool]
}

run "bad_safety_factor" {
  command = plan
  variables {
    warm_pool = { safety_factor = 1.5, node_pool = "p" }
  }
  expect_failures = [var.warm_pool]
}

run "fractional_replicas" {
  command = plan
  variables {
    warm_pool = { replicas = 2.5, node_pool = "p" }
  }
  expect_failures = [var.warm_pool]
}

run "two_prices" {
  command = plan
  variables {
    warm_pool = { node_pool = "p", price_per_pod_hour = 0.05, instance_hourly_price = 0.34, pods_per_instance = 4 }
  }
  expect_failures = [var.warm_pool]
}

run "buffer_settings_need_buffer_mode" {
  command = plan
  variables {
    warm_pool = { node_pool = "p", capacity_buffer = { percentage = 10 } }
  }
  expect_failures = [var.warm_pool]
}

run "bad_static_capacity_type" {
  command = plan
  variables {
    warm_pool = { mode = "static_node_pool", replicas = 4, static_node_pool = { capacity_type = "preemptible" } }
  }
  expect_failures = [var.warm_pool]
}

run "positive_priority" {
  command = plan
  variables {
    warm_pool = { node_pool = "p", priority_class_value = 1000 }
  }
  expect_failures = [var.warm_pool]
}

run "bad_toleration" {
  command = plan
  variables {
    warm_pool = { node_pool = "p", tolerations = [{ key = "a", operator = "Exists", value = "b" }] }
  }
  expect_failures = [var.warm_pool]
}

run "no_pod_shape" {
  command = plan
  variables {
    workload = { name = "checkout", baseline_replicas = 1, peak_replicas = 2 }
  }
  expect_failures = [var.warm_pool]
}

run "bad_cpu_quantity" {
  command = plan
  variables {
    workload = { name = "checkout", cpu = "half a core", baseline_replicas = 1, peak_replicas = 2 }
  }
  expect_failures = [var.workload]
}

run "baseline_above_peak" {
  command = plan
  variables {
    workload = { name = "checkout", cpu = "1", baseline_replicas = 200, peak_replicas = 120 }
  }
  expect_failures = [var.workload]
}

run "bad_extended_resource" {
  command = plan
  variables {
    workload = { name = "checkout", cpu = "1", extended_resources = { "nvidia.com/gpu" = "0" }, baseline_replicas = 1, peak_replicas = 2 }
  }
  expect_failures = [var.workload]
}

run "observed_bursts_whole_pods" {
  command = plan
  variables {
    warm_pool = { node_pool = "p", observed_bursts = [5, 7.5] }
  }
  expect_failures = [var.warm_pool]
}

run "target_coverage_needs_bursts" {
  command = plan
  variables {
    warm_pool = { node_pool = "p", target_coverage = 0.9 }
  }
  expect_failures = [var.warm_pool]
}

run "target_coverage_range" {
  command = plan
  variables {
    warm_pool = { node_pool = "p", observed_bursts = [5], target_coverage = 1.5 }
  }
  expect_failures = [var.warm_pool]
}
