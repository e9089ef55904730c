# The real scaling provider renders the objects offline. The validations
# tested here are in part_node_pools.tf, which the stack shares.

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
  cluster_name = "prod-use1"
  node_pools = {
    node_class = { role = "KarpenterNodeRole-prod-use1" }
  }
}

run "spot_first_pair_with_discovery_tags" {
  command = plan

  assert {
    condition     = output.manifests[0].kind == "EC2NodeClass" && output.manifests[0].spec.role == "KarpenterNodeRole-prod-use1"
    error_message = "the node class with the node role comes first"
  }
  assert {
    condition     = output.manifests[0].spec.subnetSelectorTerms[0].tags["karpenter.sh/discovery"] == "prod-use1" && output.manifests[0].spec.securityGroupSelectorTerms[0].tags["karpenter.sh/discovery"] == "prod-use1"
    error_message = "subnets and security groups should be found by the cluster's discovery tag"
  }
  assert {
    condition     = output.manifests[1].spec.weight > output.manifests[2].spec.weight
    error_message = "spot must have the higher weight (tried first)"
  }
  assert {
    condition     = contains(one([for r in output.manifests[1].spec.template.spec.requirements : r.values if r.key == "karpenter.sh/capacity-type"]), "spot")
    error_message = "the spot pool should require capacity type spot"
  }
  assert {
    condition     = output.manifests[2].spec.template.spec.nodeClassRef.name == "general"
    error_message = "the pools should reference the module's node class"
  }
  assert {
    condition     = jsonencode(output.node_pool_names) == jsonencode(["general-spot", "general-on-demand"])
    error_message = "unexpected NodePool names: ${jsonencode(output.node_pool_names)}"
  }
  assert {
    condition     = output.cpu_limits.spot == 1000 && output.cpu_limits.on_demand == 1000
    error_message = "spot_share defaults to 1: both pools may use the default 1000 vCPUs"
  }
  assert {
    condition     = length(scaling_kubernetes_objects.this[0].objects) == 3 && contains(keys(scaling_kubernetes_objects.this[0].objects), "EC2NodeClass.karpenter.k8s.aws/general")
    error_message = "the three objects should be applied: ${jsonencode(keys(scaling_kubernetes_objects.this[0].objects))}"
  }
}

# Applied after what the objects need (e.g. the helm_release installing
# Karpenter), with the resource's settings.
run "apply_settings" {
  command = plan

  variables {
    kubernetes_apply = {
      field_manager   = "platform"
      force_conflicts = false
      timeouts        = { create = "10m" }
      depends_on      = ["karpenter installed"]
    }
  }

  assert {
    condition     = scaling_kubernetes_objects.this[0].field_manager == "platform" && !scaling_kubernetes_objects.this[0].force_conflicts && scaling_kubernetes_objects.this[0].timeouts.create == "10m"
    error_message = "kubernetes_apply should reach the resource"
  }
  assert {
    condition     = terraform_data.kubernetes_apply_after[0].input == "ready"
    error_message = "depends_on should become a dependency of the objects"
  }
}

# A depends_on unknown until apply (it might be null) still plans: the
# dependency is counted with the objects, not with its value.
run "apply_after_a_value_unknown_until_apply" {
  command = plan

  module {
    source = "./tests/unknown_dependency"
  }

  assert {
    condition     = strcontains(output.yaml, "kind: EC2NodeClass")
    error_message = "the objects should still be rendered and applied after the dependency"
  }
}

run "bad_field_manager" {
  command = plan
  variables {
    kubernetes_apply = { field_manager = "platform team" }
  }
  expect_failures = [var.kubernetes_apply]
}

run "spot_share_caps_the_spot_pool" {
  command = plan

  variables {
    node_pools = { node_class = { role = "r" }, cpu_limit = 1000, spot_share = 0.7 }
  }

  assert {
    condition     = output.manifests[1].spec.limits.cpu == "700" && output.manifests[2].spec.limits.cpu == "1000"
    error_message = "spot should get 70% of the vCPU limit and on-demand all of it: ${jsonencode([output.manifests[1].spec.limits, output.manifests[2].spec.limits])}"
  }
  assert {
    condition     = strcontains(output.yaml, "name: general-spot") && strcontains(output.yaml, "cpu: \"700\"") && strcontains(output.yaml, "cpu: \"1000\"")
    error_message = "the YAML should carry the spot share too"
  }
}

run "limits_merge_key_by_key" {
  command = plan

  variables {
    node_pools = {
      node_class  = { role = "r" }
      spot_share  = 0.5
      limits      = { memory = "4000Gi" }
      spot_limits = { memory = "1000Gi" }
    }
  }

  assert {
    condition     = output.manifests[1].spec.limits.cpu == "500" && output.manifests[1].spec.limits.memory == "1000Gi" && output.manifests[2].spec.limits.memory == "4000Gi" && output.manifests[2].spec.limits.cpu == "1000"
    error_message = "cpu_limit's share, then limits, then the pool's own limits: ${jsonencode([output.manifests[1].spec.limits, output.manifests[2].spec.limits])}"
  }
}

run "no_spot" {
  command = plan

  variables {
    node_pools = { node_class = { role = "r" }, spot_share = 0 }
  }

  assert {
    condition     = output.spot_node_pool_name == null && length(output.manifests) == 2 && output.cpu_limits.spot == 0
    error_message = "spot_share = 0 should leave the spot pool out"
  }
}

# Every setting of the guide through the module: the rendered objects carry them.
run "guide_settings_reach_the_objects" {
  command = plan

  variables {
    node_pools = {
      node_class = {
        role = "r"
        block_device_mappings = [{
          device_name = "/dev/xvda", volume_size = "100Gi", volume_type = "gp3", iops = 6000, throughput = 500, encrypted = true, root_volume = true
        }]
        kubelet          = { max_pods = 110, system_reserved = { cpu = "100m", memory = "200Mi" }, image_gc_high_threshold_percent = 85, image_gc_low_threshold_percent = 60 }
        metadata_options = { http_put_response_hop_limit = 2 }
        user_data        = { max_parallel_image_pulls = 10, pre_pull_images = ["public.ecr.aws/docker/library/nginx:1.27"] }
        tags             = { team = "platform" }
      }
      expire_after             = "336h"
      termination_grace_period = "48h"
      instance_families        = ["c7i", "m7i"]
      instance_sizes           = ["xlarge", "2xlarge"]
      zones                    = ["us-east-1a", "us-east-1b"]
      architectures            = ["amd64", "arm64"]
      labels                   = { tier = "web" }
      taints                   = [{ key = "example.com/dedicated", value = "web", effect = "NoSchedule" }]
      startup_taints           = [{ key = "node.cilium.io/agent-not-ready", value = "true", effect = "NoExecute" }]
      disruption = {
        consolidation_policy = "WhenEmpty"
        consolidate_after    = "5m"
        budgets = [
          { nodes = "0", schedule = "0 9 * * mon-fri", duration = "8h", reasons = ["Underutilized"] },
          { nodes = "10%" },
        ]
      }
    }
  }

  assert {
    condition     = output.manifests[0].spec.blockDeviceMappings[0].ebs.volumeSize == "100Gi" && output.manifests[0].spec.blockDeviceMappings[0].ebs.throughput == 500
    error_message = "block device mappings should reach the EC2NodeClass: ${jsonencode(output.manifests[0].spec)}"
  }
  assert {
    condition     = output.manifests[0].spec.kubelet.maxPods == 110 && output.manifests[0].spec.kubelet.systemReserved.memory == "200Mi" && output.manifests[0].spec.metadataOptions.httpPutResponseHopLimit == 2
    error_message = "kubelet and metadata options should reach the EC2NodeClass"
  }
  assert {
    condition     = strcontains(output.manifests[0].spec.userData, "maxParallelImagePulls: 10") && strcontains(output.manifests[0].spec.userData, "nginx:1.27")
    error_message = "parallel image pulls and pre-pulled images should be in the AL2023 user data: ${output.manifests[0].spec.userData}"
  }
  assert {
    condition     = output.manifests[1].spec.template.spec.expireAfter == "336h" && output.manifests[2].spec.template.spec.terminationGracePeriod == "48h"
    error_message = "expire_after and termination_grace_period should reach both pools"
  }
  assert {
    condition     = length(output.manifests[1].spec.disruption.budgets) == 2 && output.manifests[1].spec.disruption.budgets[0].schedule == "0 9 * * mon-fri" && output.manifests[1].spec.disruption.consolidateAfter == "5m"
    error_message = "the business-hours budget should reach the pools: ${jsonencode(output.manifests[1].spec.disruption)}"
  }
  assert {
    condition     = output.manifests[1].spec.template.spec.taints[0].key == "example.com/dedicated" && output.manifests[2].spec.template.spec.startupTaints[0].effect == "NoExecute"
    error_message = "taints and startup taints should reach both pools"
  }
  assert {
    condition     = contains(one([for r in output.manifests[1].spec.template.spec.requirements : r.values if r.key == "karpenter.k8s.aws/instance-family"]), "c7i") && contains(one([for r in output.manifests[2].spec.template.spec.requirements : r.values if r.key == "topology.kubernetes.io/zone"]), "us-east-1b")
    error_message = "instance families and zones should become requirements"
  }
}

run "bottlerocket_registry_settings" {
  command = plan

  variables {
    node_pools = { node_class = { role = "r", ami_alias = "bottlerocket@latest", user_data = { registry_pull_qps = 20, registry_burst = 40 } } }
  }

  assert {
    condition     = output.ami_family == "bottlerocket" && strcontains(output.manifests[0].spec.userData, "registry-qps = 20")
    error_message = "Bottlerocket settings should be TOML user data: ${output.manifests[0].spec.userData}"
  }
}

# A GPU pool next to the pair: its own node class with a larger disk, a
# taint only GPU pods tolerate, on-demand only.
run "gpu_pool" {
  command = plan

  variables {
    node_pools = {
      node_class = { role = "KarpenterNodeRole-prod-use1" }
      extra_node_classes = {
        gpu = { block_device_mappings = [{ device_name = "/dev/xvda", volume_size = "200Gi" }] }
      }
      extra_node_pools = {
        gpu = {
          node_class_name   = "gpu"
          instance_families = ["g5", "g6"]
          capacity_types    = ["on-demand"]
          taints            = [{ key = "nvidia.com/gpu", effect = "NoSchedule" }]
          limits            = { "nvidia.com/gpu" = "16" }
          weight            = 50
        }
      }
    }
  }

  assert {
    condition     = jsonencode(output.node_pool_names) == jsonencode(["general-spot", "general-on-demand", "gpu"])
    error_message = "the GPU pool comes after the pair: ${jsonencode(output.node_pool_names)}"
  }
  assert {
    condition     = jsonencode(output.node_class_names) == jsonencode(["general", "gpu"]) && output.manifests[1].spec.role == "KarpenterNodeRole-prod-use1"
    error_message = "the extra node class takes the main node role"
  }
  assert {
    condition     = output.manifests[4].spec.template.spec.nodeClassRef.name == "gpu" && output.manifests[4].spec.limits["nvidia.com/gpu"] == "16" && output.manifests[4].spec.template.spec.taints[0].key == "nvidia.com/gpu"
    error_message = "the GPU pool: ${jsonencode(output.manifests[4].spec)}"
  }
}

# Capacity reservations: the node class selects them, and a pool of
# capacity type reserved on it is told so.
run "capacity_reservations" {
  command = plan

  variables {
    node_pools = {
      node_class = {
        role                                = "r"
        capacity_reservation_selector_terms = [{ tags = { team = "ml" } }]
        user_data                           = { fast_image_pull = true }
      }
      extra_node_pools = {
        reserved = { capacity_types = ["reserved"], weight = 90 }
      }
    }
  }

  assert {
    condition     = output.manifests[0].spec.capacityReservationSelectorTerms[0].tags.team == "ml"
    error_message = "the reservation selector should reach the EC2NodeClass: ${jsonencode(output.manifests[0].spec)}"
  }
  assert {
    condition     = data.scaling_karpenter_node_pool.extra["reserved"].node_class_selects_capacity_reservations
    error_message = "the extra pool should be told its node class selects reservations"
  }
}

run "bad_capacity_reservation_term" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r", capacity_reservation_selector_terms = [{ id = "cr-0123", tags = { a = "b" } }] } }
  }
  expect_failures = [var.node_pools]
}

run "disabled" {
  command = plan

  variables {
    enable_node_pools = false
    node_pools        = {}
  }

  assert {
    condition     = length(output.manifests) == 0 && output.yaml == "" && length(output.node_pool_names) == 0
    error_message = "enable_node_pools = false renders nothing"
  }
}

# --- bad input: each names the attribute and the fix -------------------------

run "role_and_instance_profile_conflict" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r", instance_profile = "p" } }
  }
  expect_failures = [var.node_pools]
}

run "neither_role_nor_instance_profile" {
  command = plan
  variables {
    node_pools = {}
  }
  expect_failures = [var.node_pools]
}

run "bad_name" {
  command = plan
  variables {
    node_pools = { name = "General_Pool", node_class = { role = "r" } }
  }
  expect_failures = [var.node_pools]
}

run "bad_spot_share" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r" }, spot_share = 1.5 }
  }
  expect_failures = [var.node_pools]
}

run "fractional_cpu_limit" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r" }, cpu_limit = 10.5 }
  }
  expect_failures = [var.node_pools]
}

run "bad_ami_alias" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r", ami_alias = "ubuntu@latest" } }
  }
  expect_failures = [var.node_pools]
}

run "ami_selector_terms_need_a_family" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r", ami_selector_terms = [{ id = "ami-0123456789abcdef0" }] } }
  }
  expect_failures = [var.node_pools]
}

run "selector_term_with_id_and_tags" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r", subnet_selector_terms = [{ id = "subnet-1", tags = { a = "b" } }] } }
  }
  expect_failures = [var.node_pools]
}

run "bad_block_device" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r", block_device_mappings = [{ device_name = "/dev/xvda", volume_size = "100GB", throughput = 5000 }] } }
  }
  expect_failures = [var.node_pools]
}

run "bad_kubelet" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r", kubelet = { image_gc_high_threshold_percent = 50, image_gc_low_threshold_percent = 80 } } }
  }
  expect_failures = [var.node_pools]
}

run "bad_metadata_options" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r", metadata_options = { http_tokens = "sometimes" } } }
  }
  expect_failures = [var.node_pools]
}

run "raw_user_data_excludes_settings" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r", user_data = { raw = "#!/bin/bash", max_parallel_image_pulls = 4 } } }
  }
  expect_failures = [var.node_pools]
}

run "image_pulls_setting_is_al2023_only" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r", ami_alias = "bottlerocket@latest", user_data = { max_parallel_image_pulls = 10 } } }
  }
  expect_failures = [var.node_pools]
}

run "bad_durations" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r" }, expire_after = "30d" }
  }
  expect_failures = [var.node_pools]
}

run "budget_schedule_needs_duration" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r" }, disruption = { budgets = [{ nodes = "0", schedule = "0 9 * * mon-fri" }] } }
  }
  expect_failures = [var.node_pools]
}

run "bad_budget_reason" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r" }, disruption = { budgets = [{ nodes = "5", reasons = ["Expired"] }] } }
  }
  expect_failures = [var.node_pools]
}

run "bad_consolidation_policy" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r" }, disruption = { consolidation_policy = "WhenUnderutilized" } }
  }
  expect_failures = [var.node_pools]
}

run "bad_architecture" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r" }, architectures = ["x86_64"] }
  }
  expect_failures = [var.node_pools]
}

run "empty_instance_types" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r" }, instance_types = [] }
  }
  expect_failures = [var.node_pools]
}

run "bad_taint_effect" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r" }, taints = [{ key = "a", effect = "NoScheduleEver" }] }
  }
  expect_failures = [var.node_pools]
}

run "bad_requirement_operator" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r" }, requirements = [{ key = "karpenter.k8s.aws/instance-cpu", operator = "GreaterThan", values = ["4"] }] }
  }
  expect_failures = [var.node_pools]
}

run "bad_limit_quantity" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r" }, limits = { memory = "lots" } }
  }
  expect_failures = [var.node_pools]
}

run "on_demand_weight_above_spot" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r" }, spot_weight = 10, on_demand_weight = 50 }
  }
  expect_failures = [var.node_pools]
}

run "extra_pool_named_like_the_pair" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r" }, extra_node_pools = { general-spot = {} } }
  }
  expect_failures = [var.node_pools]
}

run "bad_capacity_type" {
  command = plan
  variables {
    node_pools = { node_class = { role = "r" }, extra_node_pools = { gpu = { capacity_types = ["preemptible"] } } }
  }
  expect_failures = [var.node_pools]
}

run "bad_cluster_name" {
  command = plan
  variables {
    cluster_name = "prod use1"
  }
  expect_failures = [var.cluster_name]
}
