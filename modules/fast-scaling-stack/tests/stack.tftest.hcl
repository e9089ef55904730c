# The whole stack planned with the real scaling provider (renderers and
# estimates work offline); AWS resources are overridden. The part settings'
# validations are tested in the part modules, which share the part files.

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

override_resource {
  target = scaling_control_plane_tier.this[0]
  values = {
    kubernetes_version             = "1.33"
    api_request_concurrency        = 3400
    pod_scheduling_rate_per_second = 283
    cluster_database_size_gb       = 16
  }
}

override_resource {
  target = scaling_ecr_pull_through_cache_rule.this
  values = {
    registry_id          = "123456789012"
    node_iam_policy_json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PullThroughCache\",\"Effect\":\"Allow\",\"Action\":[\"ecr:BatchImportUpstreamImage\"],\"Resource\":\"arn:aws:ecr:us-east-1:123456789012:repository/x/*\"}]}"
  }
}

variables {
  cluster_name = "prod-use1"
  workload = {
    name              = "checkout"
    namespace         = "shop"
    cpu               = "500m"
    memory            = "512Mi"
    baseline_replicas = 20
    peak_replicas     = 120
    image_public      = true
  }
  node_pools = { node_class = { role = "KarpenterNodeRole-prod-use1" }, spot_share = 0.7 }
  warm_pool  = { price_per_pod_hour = 0.05 }
}

run "everything_fits_together" {
  command = plan

  # Burst 100 pods in 10 s = 10 pods/s: standard's assumed 50 pods/s suffices.
  assert {
    condition     = output.control_plane.recommended_tier == "standard"
    error_message = "a 10 pods/s burst should not need a provisioned tier, got ${output.control_plane.recommended_tier}"
  }
  assert {
    condition     = output.cost_summary.warm_pods == 15
    error_message = "(120 - 20) x 0.15 = 15 warm pods expected"
  }
  assert {
    condition     = one([for m in output.manifests : m.spec.template.spec.nodeSelector["karpenter.sh/nodepool"] if m.kind == "Deployment"]) == "general-spot"
    error_message = "the warm pool must be pinned to the spot NodePool the stack renders"
  }
  assert {
    condition     = output.node_pool_names[0] == "general-spot" && output.node_pool_names[1] == "general-on-demand"
    error_message = "spot first, on-demand fallback"
  }
  assert {
    condition     = output.cost_summary.warm_pool_monthly_usd == 540
    error_message = "15 pods x $0.05 x 720 h = $540, got ${output.cost_summary.warm_pool_monthly_usd}"
  }
  assert {
    condition     = output.cost_summary.items["warm_capacity"] == 540 || contains(values(output.cost_summary.items), 540)
    error_message = "the cost estimate should price the same warm pool: ${jsonencode(output.cost_summary.items)}"
  }
  assert {
    condition     = output.latency_summary.warm.p95_seconds < output.latency_summary.new_nodes.p95_seconds
    error_message = "warm pods must be faster than new nodes"
  }
  assert {
    condition     = output.latency_summary.served_warm == 15 && output.latency_summary.capacity == "karpenter_spot"
    error_message = "15 of 100 pods served warm, the rest on spot nodes"
  }
  assert {
    condition     = strcontains(output.pr_summary_markdown, "## Fast scaling stack: `prod-use1`") && strcontains(output.pr_summary_markdown, "| warm-pool | yes |")
    error_message = "the PR summary should name the cluster and the parts"
  }
  assert {
    # Headings nest: the estimates' "###" sections sit directly under the
    # stack's "##", never under a "####" (issue 13 item 7).
    condition     = !strcontains(output.pr_summary_markdown, "\n#### ") && strcontains(output.pr_summary_markdown, "\n### Scale-out latency estimate")
    error_message = "the PR summary's headings should nest: no #### above a ### section"
  }
  assert {
    condition     = contains(output.kubernetes_objects, "HorizontalPodAutoscaler/shop/checkout")
    error_message = "the HPA should be rendered: ${jsonencode(output.kubernetes_objects)}"
  }
  assert {
    condition     = length(scaling_cloudwatch_metric_stream.this) == 0 && output.metric_stream_arn == null
    error_message = "the metric stream is off by default"
  }
}

run "big_burst_recommends_a_tier" {
  command = plan

  variables {
    workload = {
      name              = "checkout"
      cpu               = "250m"
      memory            = "256Mi"
      baseline_replicas = 100
      peak_replicas     = 3100
    }
  }

  # 3000 pods in 10 s = 300 pods/s: beyond tier-2xl's 283, within tier-4xl's 400.
  assert {
    condition     = output.control_plane.recommended_tier == "tier-4xl" && output.cost_summary.control_plane_tier == "tier-4xl"
    error_message = "300 pods/s needs tier-4xl, got ${output.cost_summary.control_plane_tier}"
  }
  assert {
    condition     = abs(output.cost_summary.control_plane_extra_monthly_usd - (6.90 - 0.10) * 730) < 0.01
    error_message = "tier-4xl adds $6.80/h over standard, got ${output.cost_summary.control_plane_extra_monthly_usd}"
  }
}

run "warm_pool_covers_the_burst" {
  command = plan

  variables {
    warm_pool          = { replicas = 100, price_per_pod_hour = 0.05 }
    target_p95_seconds = 80
  }

  # New nodes take longer than 80 s at p95; warm pods for the whole burst do not.
  assert {
    condition     = output.latency_summary.capacity == "warm" && output.latency_summary.meets_slo
    error_message = "100 warm pods should cover a 100 pod burst within 80 s: ${jsonencode(output.latency_summary)}"
  }
  assert {
    condition     = output.latency_summary.new_nodes.p95_seconds > 80
    error_message = "the new-node path should miss the 80 s target (else this test proves nothing)"
  }
}

run "parts_switched_off" {
  command = plan

  variables {
    enable_control_plane        = false
    enable_image_cache          = false
    enable_node_pools           = false
    enable_warm_pool            = false
    enable_workload_autoscaling = false
    node_pools                  = {}
  }

  assert {
    condition     = length(scaling_control_plane_tier.this) + length(scaling_ecr_pull_through_cache_rule.this) + length(output.manifests) + length(scaling_kubernetes_objects.this) == 0 && output.yaml == ""
    error_message = "every part should be off"
  }
  assert {
    condition     = output.latency_summary.warm == null && output.latency_summary.capacity == "karpenter_spot"
    error_message = "without a warm pool every pod waits for a node"
  }
  assert {
    condition     = output.cost_summary.control_plane_tier == "standard" && output.cost_summary.control_plane_extra_monthly_usd == 0
    error_message = "no control-plane part: standard, no extra"
  }
  assert {
    condition     = strcontains(output.pr_summary_markdown, "| control-plane | no |")
    error_message = "the PR summary should say the part is off"
  }
}

run "keda_and_metric_stream" {
  command = plan

  variables {
    enable_metric_stream = true
    metric_stream = {
      firehose_arn = "arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics"
      role_arn     = "arn:aws:iam::123456789012:role/metric-stream"
    }
    autoscaling = {
      autoscaler       = "keda"
      polling_interval = 5
      sqs              = { queue_url = "https://sqs.us-east-1.amazonaws.com/123456789012/orders", region = "us-east-1" }
    }
  }

  assert {
    condition     = output.latency_summary.metric_source == "keda_sqs"
    error_message = "the latency estimate should follow the KEDA SQS trigger"
  }
  assert {
    condition     = local.metric_stream_metric_names_count == 6
    error_message = "the default metric stream lists 6 metric names"
  }
  assert {
    condition     = contains(output.kubernetes_objects, "ScaledObject/shop/checkout")
    error_message = "a ScaledObject should be rendered"
  }
}

run "metric_stream_needs_arns" {
  command = plan

  variables {
    enable_metric_stream = true
  }

  expect_failures = [var.metric_stream]
}

run "node_pools_need_a_role" {
  command = plan

  variables {
    node_pools = {}
  }

  expect_failures = [var.node_pools]
}

run "peak_below_baseline" {
  command = plan

  variables {
    workload = { name = "checkout", cpu = "1", memory = "1Gi", baseline_replicas = 10, peak_replicas = 5 }
  }

  expect_failures = [var.workload]
}

# What a GitOps repository takes from the stack: every object, in apply
# order, as YAML and as objects, and nothing applied.
run "gitops_outputs" {
  command = plan

  variables {
    create_namespace = true
    node_pools = {
      node_class       = { role = "KarpenterNodeRole-prod-use1" }
      extra_node_pools = { batch = { capacity_types = ["spot"], weight = 5 } }
    }
  }

  assert {
    condition = jsonencode(output.kubernetes_objects) == jsonencode([
      "Namespace//shop", "EC2NodeClass//general", "NodePool//general-spot", "NodePool//general-on-demand", "NodePool//batch",
      "PriorityClass//shop-checkout-warm", "Deployment/shop/checkout-warm", "HorizontalPodAutoscaler/shop/checkout",
    ])
    error_message = "the namespace first, node classes before pools, the warm pool, the autoscaler: ${jsonencode(output.kubernetes_objects)}"
  }
  assert {
    condition     = length(split("\n---\n", output.yaml)) == length(output.manifests) && strcontains(output.yaml, "name: batch")
    error_message = "one YAML document per object"
  }
  assert {
    condition     = strcontains(output.pr_summary_markdown, "general-spot -> general-on-demand -> batch")
    error_message = "the PR summary should list every NodePool"
  }
  assert {
    condition     = length(scaling_kubernetes_objects.this[0].objects) == length(output.manifests)
    error_message = "scaling_kubernetes_objects should apply every rendered object"
  }
}

# The estimates follow the settings the parts use.
run "estimates_follow_the_settings" {
  command = plan

  variables {
    workload = {
      name          = "checkout", namespace = "shop", cpu = "500m", memory = "512Mi", baseline_replicas = 0, peak_replicas = 50
      image_size_mb = 1000, image_public = true
    }
    node_pools  = { node_class = { role = "r", ami_alias = "bottlerocket@latest" }, spot_share = 0 }
    warm_pool   = { replicas = 0 }
    autoscaling = { autoscaler = "keda", min_replicas = 0, polling_interval = 5, prometheus = { server_address = "http://prometheus:9090", query = "sum(up)", threshold = "10" } }
    estimates   = { readiness_period_seconds = 2, custom_metrics = 4 }
  }

  assert {
    condition     = output.latency_summary.metric_source == "keda_prometheus" && output.latency_summary.capacity == "karpenter_on_demand"
    error_message = "KEDA Prometheus without spot: ${jsonencode(output.latency_summary)}"
  }
  assert {
    condition     = data.scaling_latency_estimate.cold.ami_family == "bottlerocket" && data.scaling_latency_estimate.cold.scale_from_zero && data.scaling_latency_estimate.cold.pull_through_cache && data.scaling_latency_estimate.cold.readiness_period_seconds == 2
    error_message = "the latency estimate should see Bottlerocket, scale from zero, the cache and the readiness period"
  }
  assert {
    condition     = output.cost_summary.items["custom_metrics"] > 0
    error_message = "custom metrics should be priced: ${jsonencode(output.cost_summary.items)}"
  }
}

# The warm estimate binds as the warm pool's mode does; a pre-pulled image
# skips the pull on the warm pods' nodes; observed bursts size the pool.
run "warm_mode_prepull_and_observed_bursts" {
  command = plan

  variables {
    warm_pool = { mode = "capacity_buffer", observed_bursts = [40, 60, 80, 100, 120], target_coverage = 0.6 }
    estimates = { image_prepulled = true }
  }

  assert {
    condition     = data.scaling_latency_estimate.warm[0].warm_mode == "capacity_buffer" && data.scaling_latency_estimate.warm[0].image_prepulled && data.scaling_latency_estimate.cold.image_prepulled
    error_message = "both estimates should see the pre-pull, the warm one the pool's mode"
  }
  assert {
    condition     = output.latency_summary.warm_pods == 80 && output.latency_summary.burst_coverage == 0.6 && output.latency_summary.warm_pods_for_coverage == 80
    error_message = "80 warm pods absorb 3 of the 5 bursts: ${jsonencode(output.latency_summary)}"
  }
  assert {
    condition     = data.scaling_latency_estimate.warm[0].burst_pods == 80 && data.scaling_latency_estimate.cold.burst_pods == 20
    error_message = "the 100-pod burst splits into 80 warm pods and 20 on new nodes"
  }
}

run "control_plane_hpa_sync_period_feeds_the_estimate" {
  command = plan

  variables {
    control_plane = { tier = "tier-xl", kube_controller_manager_config = { horizontal_pod_autoscaler_sync_period = "10s" } }
  }

  assert {
    condition     = data.scaling_latency_estimate.cold.hpa_sync_period_seconds == 10
    error_message = "the HPA sync period the control plane sets should reach the latency estimate"
  }
}

run "bad_estimates" {
  command = plan
  variables {
    estimates = { metric_source = "datadog" }
  }
  expect_failures = [var.estimates]
}

run "bad_target" {
  command = plan
  variables {
    target_p95_seconds = 0
  }
  expect_failures = [var.target_p95_seconds]
}

run "bad_budget" {
  command = plan
  variables {
    monthly_budget_usd = -1
  }
  expect_failures = [var.monthly_budget_usd]
}
