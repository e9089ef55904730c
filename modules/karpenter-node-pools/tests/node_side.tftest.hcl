# The node-side switches (all off by default): Node Readiness rules whose
# taints land on the pools, EKS Auto Mode in place of self-managed
# Karpenter, the image pre-pull DaemonSet and Kueue's queues over the pools.
# Their objects go through the same scaling_kubernetes_objects as the pools.
# The part files are shared with fast-scaling-stack: their validations are
# tested here.

provider "scaling" {
  region               = "us-east-1"
  use_test_credentials = true

  kubernetes {
    config_path = "/nonexistent/kubeconfig"
  }
}

variables {
  cluster_name = "prod-use1"
  node_pools = {
    node_class = { role = "KarpenterNodeRole-prod-use1" }
  }
}

run "new_switches_off_by_default" {
  command = plan

  assert {
    condition     = jsonencode([for m in output.manifests : m.kind]) == jsonencode(["EC2NodeClass", "NodePool", "NodePool"])
    error_message = "with no new switch on, only the node class and the pair: ${jsonencode([for m in output.manifests : m.kind])}"
  }
  assert {
    condition     = alltrue([for m in output.manifests : !can(m.spec.template.spec.startupTaints) if m.kind == "NodePool"])
    error_message = "no startup taint without a readiness rule"
  }
}

run "readiness_taint_goes_on_the_pools" {
  command = plan

  variables {
    enable_node_readiness = true
    node_readiness        = { presets = ["vpc_cni"] }
  }

  assert {
    condition     = output.manifests[0].kind == "NodeReadinessRule" && output.manifests[0].apiVersion == "readiness.node.x-k8s.io/v1alpha1" && output.manifests[0].metadata.name == "general-ready"
    error_message = "the rule comes first (before the pools whose nodes it gates): ${jsonencode(output.manifests[0])}"
  }
  assert {
    condition = alltrue([for m in output.manifests : anytrue([for t in m.spec.template.spec.startupTaints : t.key == output.manifests[0].spec.taint.key && t.effect == output.manifests[0].spec.taint.effect])
    if m.kind == "NodePool"])
    error_message = "both pools must carry the rule's taint as a startup taint"
  }
  assert {
    condition     = output.manifests[0].spec.taint.key == "readiness.k8s.io/general-ready"
    error_message = "taint key readiness.k8s.io/<rule name> expected, got ${output.manifests[0].spec.taint.key}"
  }
  assert {
    condition     = jsonencode(output.readiness_rules["general-ready"].node_pools) == jsonencode(["general-spot", "general-on-demand"])
    error_message = "the rule gates every pool of the module by default"
  }
  assert {
    condition     = length(scaling_kubernetes_objects.this[0].objects) == 4 && anytrue([for k in keys(scaling_kubernetes_objects.this[0].objects) : startswith(k, "NodeReadinessRule.readiness.node.x-k8s.io/")])
    error_message = "the rule is applied with the pools, in one run: ${jsonencode(keys(scaling_kubernetes_objects.this[0].objects))}"
  }
}

run "gpu_rule_gates_only_its_pool" {
  command = plan

  variables {
    enable_node_readiness = true
    node_pools = {
      node_class = { role = "KarpenterNodeRole-prod-use1" }
      extra_node_pools = {
        gpu = { instance_families = ["g6"], taints = [{ key = "nvidia.com/gpu", effect = "NoSchedule" }], limits = { cpu = "64" } }
      }
    }
    node_readiness = {
      presets     = ["vpc_cni"]
      extra_rules = { gpu-ready = { presets = ["nvidia_device_plugin"], node_pools = ["gpu"] } }
    }
  }

  assert {
    condition     = length(output.startup_taints["gpu"]) == 2 && length(output.startup_taints["general-spot"]) == 1
    error_message = "the GPU pool waits on both rules, the pair on the CNI rule only: ${jsonencode(output.startup_taints)}"
  }
  assert {
    condition     = contains([for t in output.startup_taints["gpu"] : t.key], "readiness.k8s.io/gpu-ready") && !contains([for t in output.startup_taints["general-on-demand"] : t.key], "readiness.k8s.io/gpu-ready")
    error_message = "the GPU rule's taint belongs on the GPU pool alone: ${jsonencode(output.startup_taints)}"
  }
}

run "eks_auto_mode_instead_of_karpenter" {
  command = plan

  variables {
    node_pools = {
      mode            = "eks_auto_mode"
      auto_node_class = { role = "AmazonEKSAutoNodeRole", ephemeral_storage = { size = "160Gi" } }
    }
  }

  assert {
    condition     = output.manifests[0].kind == "NodeClass" && output.manifests[0].apiVersion == "eks.amazonaws.com/v1" && output.manifests[0].spec.role == "AmazonEKSAutoNodeRole"
    error_message = "an Auto Mode NodeClass (eks.amazonaws.com/v1) comes first: ${jsonencode(output.manifests[0])}"
  }
  assert {
    condition     = !contains([for m in output.manifests : m.kind], "EC2NodeClass")
    error_message = "Auto Mode renders no EC2NodeClass"
  }
  assert {
    condition     = alltrue([for m in output.manifests : m.spec.template.spec.nodeClassRef.group == "eks.amazonaws.com" && m.spec.template.spec.nodeClassRef.kind == "NodeClass" && m.spec.template.spec.nodeClassRef.name == "general" if m.kind == "NodePool"])
    error_message = "the pools reference the Auto Mode NodeClass"
  }
  assert {
    condition     = alltrue([for m in output.manifests : alltrue([for r in m.spec.template.spec.requirements : !startswith(r.key, "karpenter.k8s.aws/")]) if m.kind == "NodePool"])
    error_message = "Auto Mode pools use eks.amazonaws.com/instance-* keys, never karpenter.k8s.aws/"
  }
  assert {
    condition     = jsonencode(output.node_pool_names) == jsonencode(["general-spot", "general-on-demand"]) && output.manifests[1].spec.weight > output.manifests[2].spec.weight
    error_message = "the same spot-first pair as with Karpenter"
  }
  assert {
    condition     = output.ami_family == "bottlerocket" && output.node_class_name == "general"
    error_message = "Auto Mode nodes run Bottlerocket; the pair's class is the module's NodeClass"
  }
}

run "eks_auto_mode_builtin_node_class" {
  command = plan

  variables {
    node_pools = { mode = "eks_auto_mode" }
  }

  assert {
    condition     = jsonencode([for m in output.manifests : m.kind]) == jsonencode(["NodePool", "NodePool"])
    error_message = "without a role, no NodeClass is rendered: the pools use Auto Mode's built-in one"
  }
  assert {
    condition     = alltrue([for m in output.manifests : m.spec.template.spec.nodeClassRef.name == "default"])
    error_message = "the built-in NodeClass is named default"
  }
}

run "image_prepull_tolerates_readiness_taints" {
  command = plan

  variables {
    enable_node_readiness = true
    enable_image_prepull  = true
    node_readiness        = { presets = ["vpc_cni"] }
    image_prepull = {
      images = ["123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:v1.4.2@sha256:0000000000000000000000000000000000000000000000000000000000000000"]
    }
  }

  assert {
    condition     = jsonencode([for m in output.manifests : m.kind]) == jsonencode(["NodeReadinessRule", "EC2NodeClass", "NodePool", "NodePool", "DaemonSet"])
    error_message = "apply order: rule, class, pools, then the pre-pull: ${jsonencode([for m in output.manifests : m.kind])}"
  }
  assert {
    condition     = contains([for t in output.manifests[4].spec.template.spec.tolerations : t.key], "readiness.k8s.io/general-ready")
    error_message = "the pre-pull must run while the readiness taint holds the node back: ${jsonencode(output.manifests[4].spec.template.spec.tolerations)}"
  }
  assert {
    condition     = output.manifests[4].metadata.name == "general-prepull" && output.manifests[4].metadata.namespace == "kube-system"
    error_message = "DaemonSet kube-system/general-prepull expected"
  }
}

run "kueue_flavors_follow_the_pools" {
  command = plan

  variables {
    enable_kueue = true
    node_pools   = { node_class = { role = "KarpenterNodeRole-prod-use1" }, cpu_limit = 400 }
    kueue        = { local_queue = [{ namespace = "ml" }] }
  }

  assert {
    condition     = jsonencode(output.kueue.flavor_names) == jsonencode(["general-spot", "general-on-demand"])
    error_message = "a flavor per pool, spot first: ${jsonencode(output.kueue.flavor_names)}"
  }
  assert {
    condition     = output.kueue.cluster_queue == "batch" && jsonencode(output.kueue.local_queue_names) == jsonencode(["ml/batch"])
    error_message = "ClusterQueue batch with a LocalQueue in ml: ${jsonencode(output.kueue)}"
  }
  assert {
    condition     = one([for m in output.manifests : m.spec.resourceGroups[0].flavors[0].resources[0].nominalQuota if m.kind == "ClusterQueue"]) == "400"
    error_message = "the spot flavor's cpu quota is the spot pool's cpu limit (400)"
  }
  assert {
    condition     = anytrue([for k in keys(scaling_kubernetes_objects.this[0].objects) : startswith(k, "ClusterQueue.kueue.x-k8s.io/")])
    error_message = "Kueue's objects are applied with the pools: ${jsonencode(keys(scaling_kubernetes_objects.this[0].objects))}"
  }
}

# --- bad input ---------------------------------------------------------------

run "readiness_needs_what_nodes_wait_on" {
  command = plan
  variables {
    enable_node_readiness = true
  }
  expect_failures = [var.node_readiness]
}

run "readiness_invented_preset" {
  command = plan
  variables {
    enable_node_readiness = true
    node_readiness        = { presets = ["aws_node"] }
  }
  expect_failures = [var.node_readiness]
}

run "readiness_taint_outside_its_domain" {
  command = plan
  variables {
    enable_node_readiness = true
    node_readiness        = { presets = ["vpc_cni"], taint = { key = "node.example.com/not-ready" } }
  }
  expect_failures = [var.node_readiness]
}

run "readiness_splits_the_pair" {
  command = plan
  variables {
    enable_node_readiness = true
    node_readiness        = { presets = ["vpc_cni"], node_pools = ["general-spot"] }
  }
  expect_failures = [var.node_readiness]
}

run "readiness_unknown_pool" {
  command = plan
  variables {
    enable_node_readiness = true
    node_readiness        = { presets = ["vpc_cni"], node_pools = ["gpu"] }
  }
  expect_failures = [var.node_readiness]
}

run "bad_mode" {
  command = plan
  variables {
    node_pools = { mode = "auto", node_class = { role = "KarpenterNodeRole-prod-use1" } }
  }
  expect_failures = [var.node_pools]
}

run "auto_mode_rejects_ec2_node_class_settings" {
  command = plan
  variables {
    node_pools = { mode = "eks_auto_mode", node_class = { role = "KarpenterNodeRole-prod-use1", ami_alias = "bottlerocket@latest" } }
  }
  expect_failures = [var.node_pools]
}

run "auto_node_class_needs_auto_mode" {
  command = plan
  variables {
    node_pools = { node_class = { role = "KarpenterNodeRole-prod-use1" }, auto_node_class = { role = "AmazonEKSAutoNodeRole" } }
  }
  expect_failures = [var.node_pools]
}

run "auto_mode_builtin_pool_name" {
  command = plan
  variables {
    node_pools = { mode = "eks_auto_mode", extra_node_pools = { system = {} } }
  }
  expect_failures = [var.node_pools]
}

run "auto_node_class_bad_ephemeral_storage" {
  command = plan
  variables {
    node_pools = { mode = "eks_auto_mode", auto_node_class = { role = "AmazonEKSAutoNodeRole", ephemeral_storage = { iops = 100000 } } }
  }
  expect_failures = [var.node_pools]
}

run "prepull_needs_images" {
  command = plan
  variables {
    enable_image_prepull = true
  }
  expect_failures = [var.image_prepull]
}

run "prepull_unknown_pool" {
  command = plan
  variables {
    enable_image_prepull = true
    image_prepull        = { images = ["registry.k8s.io/pause:3.10"], node_pools = ["gpu"] }
  }
  expect_failures = [var.image_prepull]
}

run "kueue_api_group_with_version" {
  command = plan
  variables {
    enable_kueue = true
    kueue        = { provisioning_check = { api_group = "kueue.x-k8s.io/v1beta2" } }
  }
  expect_failures = [var.kueue]
}

run "kueue_unknown_pool" {
  command = plan
  variables {
    enable_kueue = true
    kueue        = { node_pools = ["gpu"] }
  }
  expect_failures = [var.kueue]
}

run "kueue_bad_quota" {
  command = plan
  variables {
    enable_kueue = true
    kueue        = { quotas = { general-spot = { cpu = { nominal = "lots" } } } }
  }
  expect_failures = [var.kueue]
}
