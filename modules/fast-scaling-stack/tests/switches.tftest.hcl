# The stack's newer switches (all off by default): node readiness, EKS Auto
# Mode, image pre-pull, alerts, circuit breaker and Kueue's batch mode.
# Their objects join the stack's one object list (scaling_kubernetes_objects
# applies them in the same run); the alerts' alarms are priced. The shared
# part files' validations are tested in the part modules; the stack-only
# parts (alerts) are tested here.

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
  cluster_name       = "prod-use1"
  target_p95_seconds = 120
  workload = {
    name              = "checkout"
    namespace         = "shop"
    cpu               = "500m"
    memory            = "512Mi"
    baseline_replicas = 20
    peak_replicas     = 120
    image             = "123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:v1.4.2@sha256:0000000000000000000000000000000000000000000000000000000000000000"
  }
  node_pools = { node_class = { role = "KarpenterNodeRole-prod-use1" }, spot_share = 0.7 }
  warm_pool  = { price_per_pod_hour = 0.05 }
}

run "new_switches_off_by_default" {
  command = plan

  assert {
    condition = length(setintersection(toset([for m in output.manifests : m.kind]), toset([
      "NodeReadinessRule", "NodeClass", "DaemonSet", "ResourceFlavor", "ClusterQueue", "LocalQueue", "DestinationRule", "PrometheusRule",
    ]))) == 0
    error_message = "no new object without its switch: ${jsonencode(output.kubernetes_objects)}"
  }
  assert {
    condition     = output.alerts == null && output.kueue == null && output.circuit_breaker == null && length(output.cloudwatch_alarms) == 0
    error_message = "the new outputs are empty when their switches are off"
  }
  assert {
    condition     = !contains(keys(output.cost_summary.items), "standard_alarms") && !contains(keys(output.cost_summary.items), "high_resolution_alarms")
    error_message = "no alarm is priced without alerts: ${jsonencode(output.cost_summary.items)}"
  }
}

run "every_switch_on_one_object_list" {
  command = plan

  variables {
    enable_node_readiness  = true
    enable_image_prepull   = true
    enable_kueue           = true
    enable_circuit_breaker = true
    enable_alerts          = true
    node_readiness         = { presets = ["vpc_cni"] }
    circuit_breaker        = { requests_per_second_per_pod = 50, service_seconds = 0.2 }
  }

  assert {
    condition = alltrue([for k in ["NodeReadinessRule", "EC2NodeClass", "NodePool", "DaemonSet", "Deployment", "ResourceFlavor", "ClusterQueue", "LocalQueue", "DestinationRule", "PrometheusRule"] :
    contains([for m in output.manifests : m.kind], k)])
    error_message = "every part's objects are in the stack's one list: ${jsonencode(output.kubernetes_objects)}"
  }
  assert {
    condition     = length(scaling_kubernetes_objects.this[0].objects) == length(output.manifests)
    error_message = "scaling_kubernetes_objects applies every rendered object in the same run: ${length(scaling_kubernetes_objects.this[0].objects)} of ${length(output.manifests)}"
  }
  assert {
    condition     = index([for m in output.manifests : m.kind], "NodeReadinessRule") < index([for m in output.manifests : m.kind], "NodePool")
    error_message = "the readiness rule is applied before the pools it gates"
  }
  assert {
    condition     = alltrue([for m in output.manifests : contains([for t in m.spec.template.spec.startupTaints : t.key], "readiness.k8s.io/general-ready") if m.kind == "NodePool"])
    error_message = "the rule's taint is a startup taint of the stack's pools"
  }
  assert {
    condition     = contains(flatten([for m in output.manifests : [for c in m.spec.template.spec.initContainers : c.image] if m.kind == "DaemonSet"]), var.workload.image)
    error_message = "the pre-pull pulls the workload's image by default"
  }
  # The pre-pull keeps the image on running nodes: pods served warm skip
  # the pull; a brand-new node still pulls it once (the DaemonSet starts
  # with the pod), so the new-node path is unchanged.
  assert {
    condition     = output.latency_summary.warm.p95_seconds < run.new_switches_off_by_default.latency_summary.warm.p95_seconds
    error_message = "with the workload's image pre-pulled on its pools, warm pods start without a pull: ${output.latency_summary.warm.p95_seconds} vs ${run.new_switches_off_by_default.latency_summary.warm.p95_seconds}"
  }
  assert {
    condition     = output.latency_summary.new_nodes.p95_seconds == run.new_switches_off_by_default.latency_summary.new_nodes.p95_seconds
    error_message = "a new node still pulls the image once: ${output.latency_summary.new_nodes.p95_seconds} vs ${run.new_switches_off_by_default.latency_summary.new_nodes.p95_seconds}"
  }
  assert {
    condition     = jsonencode(output.kueue.flavor_names) == jsonencode(["general-spot", "general-on-demand"]) && jsonencode(output.kueue.local_queue_names) == jsonencode(["shop/batch"])
    error_message = "Kueue: a flavor per stack pool, a LocalQueue in the workload's namespace: ${jsonencode(output.kueue)}"
  }
  assert {
    condition     = one([for m in output.manifests : m.metadata.namespace if m.kind == "DestinationRule"]) == "shop" && one([for m in output.manifests : m.spec.host if m.kind == "DestinationRule"]) == "checkout.shop.svc.cluster.local"
    error_message = "the DestinationRule is for the workload's service"
  }
  assert {
    condition     = output.circuit_breaker.seconds_until_ready == min(3600, output.latency_summary.burst_p95_seconds)
    error_message = "the circuit breaker takes the stack's own burst p95: ${output.circuit_breaker.seconds_until_ready} vs ${output.latency_summary.burst_p95_seconds}"
  }
  assert {
    condition     = output.alerts.target_p95_seconds == 120 && output.alerts.alarm_count == length(output.cloudwatch_alarms) && output.alerts.alarm_count > 0
    error_message = "alert thresholds from target_p95_seconds, and the alarms rendered are the alarms output: ${jsonencode(output.alerts)}"
  }
  assert {
    condition = (
      lookup(output.cost_summary.items, "standard_alarms", 0) + lookup(output.cost_summary.items, "high_resolution_alarms", 0)
    ) > 0
    error_message = "the cost estimate prices the alarms the alerts part renders: ${jsonencode(output.cost_summary.items)}"
  }
  assert {
    condition     = strcontains(output.pr_summary_markdown, "PrometheusRule") || strcontains(output.pr_summary_markdown, "Prometheus rules")
    error_message = "the PR summary names the alerts part"
  }
}

run "alarm_count_is_what_is_rendered" {
  command = plan

  variables {
    enable_alerts = true
    estimates     = { standard_alarms = 3 }
  }

  # 3 alarms of your own plus the ones rendered, at $0.10 an alarm-month.
  assert {
    condition     = abs(output.cost_summary.items["standard_alarms"] - 0.10 * (3 + output.alerts.alarm_count - output.alerts.high_resolution_alarm_count)) < 0.001
    error_message = "standard_alarms should price 3 + the rendered standard alarms: ${jsonencode(output.cost_summary.items)} ${jsonencode(output.alerts)}"
  }
}

run "alerts_without_cloudwatch_alarms" {
  command = plan

  variables {
    enable_alerts = true
    alerts        = { cloudwatch_alarms = false }
  }

  assert {
    condition     = output.alerts.alarm_count == 0 && length(output.cloudwatch_alarms) == 0 && !contains(keys(output.cost_summary.items), "standard_alarms")
    error_message = "no alarm rendered, none priced: ${jsonencode(output.cost_summary.items)}"
  }
  assert {
    condition     = contains([for m in output.manifests : m.kind], "PrometheusRule")
    error_message = "the PrometheusRule is still rendered"
  }
}

run "eks_auto_mode_stack" {
  command = plan

  variables {
    enable_image_prepull = true
    node_pools           = { mode = "eks_auto_mode", auto_node_class = { role = "AmazonEKSAutoNodeRole" }, spot_share = 0.7 }
  }

  assert {
    condition     = contains([for m in output.manifests : m.kind], "NodeClass") && !contains([for m in output.manifests : m.kind], "EC2NodeClass")
    error_message = "Auto Mode: a NodeClass, no EC2NodeClass: ${jsonencode(output.kubernetes_objects)}"
  }
  assert {
    condition     = alltrue([for m in output.manifests : m.spec.template.spec.nodeClassRef.group == "eks.amazonaws.com" if m.kind == "NodePool"])
    error_message = "the stack's pools reference the Auto Mode NodeClass"
  }
  assert {
    condition     = one([for m in output.manifests : m.spec.template.spec.nodeSelector["karpenter.sh/nodepool"] if m.kind == "Deployment"]) == "general-spot"
    error_message = "the warm pool still lands on the spot pool"
  }
  assert {
    condition     = contains([for m in output.manifests : m.kind], "DaemonSet")
    error_message = "Auto Mode nodes have no user data: the pre-pull is a DaemonSet"
  }
}

run "warm_pods_tolerate_the_pool_taints" {
  command = plan

  variables {
    node_pools = {
      node_class = { role = "KarpenterNodeRole-prod-use1" }
      spot_share = 0.7
      taints     = [{ key = "dedicated", value = "checkout", effect = "NoSchedule" }]
    }
  }

  assert {
    condition     = anytrue([for t in one([for m in output.manifests : m.spec.template.spec.tolerations if m.kind == "Deployment"]) : t.key == "dedicated" && t.value == "checkout" && t.effect == "NoSchedule"])
    error_message = "warm pods pinned to a tainted spot pool must tolerate its taint"
  }
}

run "static_warm_pool_on_the_auto_mode_node_class" {
  command = plan

  variables {
    node_pools = { mode = "eks_auto_mode", auto_node_class = { role = "AmazonEKSAutoNodeRole" }, spot_share = 0.7 }
    warm_pool  = { mode = "static_node_pool", replicas = 2, static_node_pool = { pods_per_node = 8 } }
  }

  assert {
    condition = anytrue([for m in output.manifests : m.spec.template.spec.nodeClassRef.group == "eks.amazonaws.com" && m.spec.template.spec.nodeClassRef.kind == "NodeClass" && m.spec.template.spec.nodeClassRef.name == "general"
    if m.kind == "NodePool" && can(m.spec.replicas)])
    error_message = "a static warm NodePool uses the stack's Auto Mode NodeClass: ${jsonencode([for m in output.manifests : m.spec if m.kind == "NodePool"])}"
  }
}

# --- bad input (stack-only part: alerts) ---------------------------------------

run "alerts_bad_window" {
  command = plan
  variables {
    enable_alerts = true
    alerts        = { window = "15 minutes" }
  }
  expect_failures = [var.alerts]
}

run "alerts_detection_beyond_target" {
  command = plan
  variables {
    enable_alerts = true
    alerts        = { detection_seconds = 200 }
  }
  expect_failures = [var.alerts]
}

run "alerts_bad_share" {
  command = plan
  variables {
    enable_alerts = true
    alerts        = { spot_interruption_ratio = 5 }
  }
  expect_failures = [var.alerts]
}

run "bad_workload_image" {
  command = plan
  variables {
    workload = {
      name              = "checkout"
      namespace         = "shop"
      cpu               = "500m"
      baseline_replicas = 20
      peak_replicas     = 120
      image             = "Checkout Image"
    }
  }
  expect_failures = [var.workload]
}
