# The real scaling provider renders the objects offline; kubernetes is mocked
# (kubernetes_manifest needs a live API server even to plan).
mock_provider "kubernetes" {}

variables {
  cluster_name = "prod-use1"
  node_role    = "KarpenterNodeRole-prod-use1"
}

run "spot_first_pair_with_discovery_tags" {
  command = plan

  assert {
    condition     = kubernetes_manifest.node_class[0].manifest.kind == "EC2NodeClass"
    error_message = "the node class should be applied"
  }
  assert {
    condition     = kubernetes_manifest.node_class[0].manifest.spec.subnetSelectorTerms[0].tags["karpenter.sh/discovery"] == "prod-use1"
    error_message = "subnets should be found by the cluster's discovery tag"
  }
  assert {
    condition     = kubernetes_manifest.node_class[0].manifest.spec.role == "KarpenterNodeRole-prod-use1"
    error_message = "the node role should be set"
  }
  assert {
    condition     = kubernetes_manifest.spot[0].manifest.spec.weight > kubernetes_manifest.on_demand[0].manifest.spec.weight
    error_message = "spot must have the higher weight (tried first)"
  }
  assert {
    condition     = contains(one([for r in kubernetes_manifest.spot[0].manifest.spec.template.spec.requirements : r.values if r.key == "karpenter.sh/capacity-type"]), "spot")
    error_message = "the spot pool should require capacity type spot"
  }
  assert {
    condition     = kubernetes_manifest.on_demand[0].manifest.spec.template.spec.nodeClassRef.name == "general"
    error_message = "the pools should reference the module's node class"
  }
  assert {
    condition     = jsonencode(output.node_pool_names) == jsonencode(["general-spot", "general-on-demand"])
    error_message = "unexpected NodePool names: ${jsonencode(output.node_pool_names)}"
  }
}

run "spot_share_caps_the_spot_pool" {
  command = plan

  variables {
    cpu_limit  = 1000
    spot_share = 0.7
  }

  assert {
    condition     = kubernetes_manifest.spot[0].manifest.spec.limits.cpu == "700"
    error_message = "spot should get 70% of the vCPU limit, got ${kubernetes_manifest.spot[0].manifest.spec.limits.cpu}"
  }
  assert {
    condition     = kubernetes_manifest.on_demand[0].manifest.spec.limits.cpu == "1000"
    error_message = "on-demand keeps the whole limit as the fallback"
  }
  assert {
    condition     = strcontains(output.yaml, "name: general-spot") && strcontains(output.yaml, "cpu: \"700\"") && strcontains(output.yaml, "cpu: \"1000\"")
    error_message = "the YAML should carry the spot share too: ${output.yaml}"
  }
}

run "no_spot" {
  command = plan

  variables {
    spot_share = 0
  }

  assert {
    condition     = length(kubernetes_manifest.spot) == 0 && output.spot_node_pool_name == null
    error_message = "spot_share = 0 should leave the spot pool out"
  }
  assert {
    condition     = length(output.manifests) == 2
    error_message = "only the node class and the on-demand pool expected"
  }
}

run "render_only" {
  command = plan

  variables {
    apply     = false
    ami_alias = "bottlerocket@latest"
  }

  assert {
    condition     = length(kubernetes_manifest.node_class) + length(kubernetes_manifest.spot) + length(kubernetes_manifest.on_demand) == 0
    error_message = "apply = false should apply nothing"
  }
  assert {
    condition     = output.ami_family == "bottlerocket" && strcontains(output.yaml, "bottlerocket@latest")
    error_message = "the rendered YAML should carry the bottlerocket alias"
  }
}

run "role_and_instance_profile_conflict" {
  command = plan

  variables {
    instance_profile = "KarpenterNodeInstanceProfile"
  }

  expect_failures = [var.instance_profile]
}

run "bad_spot_share" {
  command = plan

  variables {
    spot_share = 1.5
  }

  expect_failures = [var.spot_share]
}

run "budget_schedule_needs_duration" {
  command = plan

  variables {
    disruption_budgets = [{ nodes = "0", schedule = "0 9 * * mon-fri" }]
  }

  expect_failures = [var.disruption_budgets]
}

run "image_pulls_setting_is_al2023_only" {
  command = plan

  variables {
    ami_alias                = "bottlerocket@latest"
    max_parallel_image_pulls = 10
  }

  expect_failures = [var.max_parallel_image_pulls]
}
