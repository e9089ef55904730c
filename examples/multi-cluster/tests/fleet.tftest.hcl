# Plans the fleet with the real providers: planning new resources calls no
# AWS API, and the Kubernetes objects are only rendered.

variables {
  use_test_credentials = true
  endpoint_url         = "http://127.0.0.1:9"
}

run "twenty_eight_clusters_in_three_regions" {
  command = plan

  variables {
    cluster_count = 28
  }

  assert {
    condition     = output.clusters_per_region["us-east-1"].clusters == 10 && output.clusters_per_region["eu-west-1"].clusters == 9 && output.clusters_per_region["ap-southeast-1"].clusters == 9
    error_message = "28 clusters round-robin over 3 regions should be 10/9/9: ${jsonencode(output.clusters_per_region)}"
  }
  assert {
    condition     = length(module.cluster) == 28 && length(scaling_control_plane_tier.r0) + length(scaling_control_plane_tier.r1) + length(scaling_control_plane_tier.r2) == 28
    error_message = "one stack and one tier per cluster"
  }
  assert {
    condition     = module.cluster["shop-eu-west-1-01"].cost_summary.control_plane_tier == "standard" && scaling_control_plane_tier.r1["shop-eu-west-1-01"].tier == "standard"
    error_message = "a 100-pod burst in 10 s needs no provisioned tier"
  }
  assert {
    condition     = strcontains(module.cluster["shop-eu-west-1-01"].pr_summary_markdown, "ECR pull-through cache")
    error_message = "the estimates should pull the public image through the region's cache"
  }
  # Per-region spot share: 80% of 1000 vCPUs in us-east-1, 40% in ap-southeast-1.
  assert {
    condition     = strcontains(output.gitops_manifests["shop-us-east-1-01"], "cpu: \"800\"") && strcontains(output.gitops_manifests["shop-ap-southeast-1-01"], "cpu: \"400\"")
    error_message = "each region's spot NodePool should carry its spot share"
  }
  assert {
    condition     = abs(output.fleet_monthly_usd - 28 * module.cluster["shop-us-east-1-01"].cost_summary.per_cluster_monthly_usd) < 0.01
    error_message = "identical clusters: the fleet costs 28 times one cluster"
  }
  assert {
    condition     = length(output.over_budget) == 0
    error_message = "no cluster should exceed the budget: ${jsonencode(output.over_budget)}"
  }
  assert {
    condition     = length(module.image_cache_r0) + length(module.image_cache_r1) + length(module.image_cache_r2) == 3
    error_message = "one image cache per region"
  }
}

run "one_cluster_one_cache" {
  command = plan

  variables {
    cluster_count = 1
  }

  assert {
    condition     = keys(output.tiers) == ["shop-us-east-1-01"] && length(module.image_cache_r1) + length(module.image_cache_r2) == 0
    error_message = "one cluster: only the first region gets clusters and a cache"
  }
}

run "four_regions_are_refused" {
  command = plan

  variables {
    regions = [
      { name = "us-east-1", spot_share = 1 },
      { name = "us-west-2", spot_share = 1 },
      { name = "eu-west-1", spot_share = 1 },
      { name = "eu-central-1", spot_share = 1 },
    ]
  }

  expect_failures = [var.regions]
}
