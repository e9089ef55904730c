# The real provider renders the cost estimate and tier_for offline; the tier
# resource (an EKS API call) is overridden.

# The overridden AWS resources make no AWS call, but the provider still
# checks that they could (it has no default region, and it validates real
# credentials): give it a region and the test keys.
provider "scaling" {
  region               = "us-east-1"
  use_test_credentials = true
}

override_resource {
  target = scaling_control_plane_tier.this[0]
  values = {
    kubernetes_version             = "1.33"
    api_request_concurrency        = 1700
    pod_scheduling_rate_per_second = 167
    cluster_database_size_gb       = 16
    previous_tier                  = "standard"
  }
}

variables {
  cluster_name = "prod-use1"
}

run "defaults_to_tier_xl" {
  command = plan

  assert {
    condition     = scaling_control_plane_tier.this[0].tier == "tier-xl"
    error_message = "without tier or burst the module should plan tier-xl"
  }
  assert {
    condition     = scaling_control_plane_tier.this[0].revert_on_destroy
    error_message = "revert_on_destroy should default to true"
  }
  assert {
    condition     = output.cost.monthly_usd == 1204.5
    error_message = "tier-xl is $1.65/h x 730 h = $1204.5/month, got ${output.cost.monthly_usd}"
  }
  assert {
    condition     = output.recommended_tier == null
    error_message = "no burst given: no recommendation expected"
  }
}

run "burst_picks_the_smallest_sufficient_tier" {
  command = plan

  variables {
    burst_pods    = 2000
    burst_seconds = 10
  }

  # 200 pods/s: more than tier-xl's 167, within tier-2xl's 283.
  assert {
    condition     = output.recommended_tier == "tier-2xl"
    error_message = "200 pods/s needs tier-2xl, got ${output.recommended_tier}"
  }
  assert {
    condition     = scaling_control_plane_tier.this[0].tier == "tier-2xl"
    error_message = "with tier unset the recommended tier should be applied"
  }
  assert {
    condition     = output.cost.monthly_usd == 2482
    error_message = "tier-2xl is $3.40/h x 730 h = $2482/month, got ${output.cost.monthly_usd}"
  }
}

run "apply_reports_capabilities" {
  variables {
    control_plane = { tier = "tier-xl" }
  }

  assert {
    condition     = output.capabilities.pod_scheduling_rate_per_second == 167
    error_message = "capabilities should come from the resource"
  }
  assert {
    condition     = output.previous_tier == "standard"
    error_message = "previous_tier should come from the resource"
  }
}

run "rejects_unknown_tier" {
  command = plan

  variables {
    control_plane = { tier = "XL" }
  }

  expect_failures = [var.control_plane]
}

run "rejects_bad_cluster_name" {
  command = plan

  variables {
    cluster_name = "-bad name"
  }

  expect_failures = [var.cluster_name]
}

run "warns_when_tier_is_below_the_burst" {
  command = plan

  variables {
    control_plane = { tier = "tier-xl" }
    burst_pods    = 3000
  }

  expect_failures = [check.tier_reaches_burst]
}

run "tier_8xl_needs_a_price" {
  command = plan

  variables {
    control_plane = { tier = "tier-8xl" }
  }

  expect_failures = [var.control_plane]
}

run "tier_8xl_with_a_price" {
  command = plan

  variables {
    control_plane = { tier = "tier-8xl", tier_hourly_usd = 14 }
  }

  assert {
    condition     = output.cost.monthly_usd == 14 * 730
    error_message = "tier-8xl at $14/h should cost $10220/month, got ${output.cost.monthly_usd}"
  }
}

run "api_seats_raise_the_recommendation" {
  command = plan

  variables {
    burst_pods    = 100
    control_plane = { api_request_concurrency = 3000 }
  }

  # 10 pods/s fits standard, but 3000 seats need tier-2xl (3400).
  assert {
    condition     = output.recommended_tier == "tier-2xl"
    error_message = "3000 API seats need tier-2xl, got ${output.recommended_tier}"
  }
}

# The module looks the tier up in its own copy of tier_for's table (no
# provider process for the function); at each edge of the table it must
# answer as the function does.
run "recommendation_matches_tier_for_at_the_edges" {
  command = plan

  variables {
    burst_pods    = 2830
    burst_seconds = 10
    control_plane = { api_request_concurrency = 3400 }
  }

  assert {
    condition     = output.recommended_tier == provider::scaling::tier_for(283, 3400) && output.recommended_tier == "tier-2xl"
    error_message = "283 pods/s and 3400 seats: tier-2xl, as tier_for says, got ${output.recommended_tier}"
  }
}

run "recommendation_just_past_an_edge" {
  command = plan

  variables {
    burst_pods    = 1671
    burst_seconds = 10
  }

  assert {
    condition     = output.recommended_tier == provider::scaling::tier_for(167.1, 0) && output.recommended_tier == "tier-2xl"
    error_message = "167.1 pods/s is past tier-xl's 167: tier-2xl, as tier_for says, got ${output.recommended_tier}"
  }
}

run "recommendation_standard_for_a_small_burst" {
  command = plan

  variables {
    burst_pods    = 500
    burst_seconds = 10
    control_plane = { api_request_concurrency = 600 }
  }

  assert {
    condition     = output.recommended_tier == provider::scaling::tier_for(50, 600) && output.recommended_tier == "standard"
    error_message = "50 pods/s and 600 seats: standard, as tier_for says, got ${output.recommended_tier}"
  }
}

run "timeouts_and_revert" {
  command = plan

  variables {
    control_plane = { tier = "tier-xl", update_timeout = "45m", revert_on_destroy = false }
  }

  assert {
    condition     = scaling_control_plane_tier.this[0].timeouts.update == "45m" && !scaling_control_plane_tier.this[0].revert_on_destroy
    error_message = "update_timeout should set the resource's timeouts, revert_on_destroy pass through"
  }
}

run "disabled" {
  command = plan

  variables {
    enable_control_plane = false
  }

  assert {
    condition     = length(scaling_control_plane_tier.this) == 0 && output.tier == null
    error_message = "enable_control_plane = false manages no tier"
  }
}

run "rejects_bad_timeout" {
  command = plan
  variables {
    control_plane = { update_timeout = "half an hour" }
  }
  expect_failures = [var.control_plane]
}

run "rejects_fractional_seats" {
  command = plan
  variables {
    control_plane = { api_request_concurrency = 2.5 }
  }
  expect_failures = [var.control_plane]
}

run "rejects_fractional_burst" {
  command = plan
  variables {
    burst_pods = 2.5
  }
  expect_failures = [var.burst_pods]
}

run "rejects_zero_burst_seconds" {
  command = plan
  variables {
    burst_seconds = 0
  }
  expect_failures = [var.burst_seconds]
}

run "advanced_control_plane_settings" {
  command = plan

  variables {
    control_plane = {
      tier                           = "tier-xl"
      kube_controller_manager_config = { horizontal_pod_autoscaler_sync_period = "10s", terminated_pod_gc_threshold = 1000 }
      kube_scheduler_config          = { scoring_strategy = "MostAllocated", resource_weights = { cpu = 1, memory = 1 } }
      kube_api_server_config         = { event_ttl = "30m" }
    }
  }

  assert {
    condition     = scaling_control_plane_tier.this[0].kube_controller_manager_config.horizontal_pod_autoscaler_sync_period == "10s" && scaling_control_plane_tier.this[0].kube_scheduler_config.scoring_strategy == "MostAllocated" && scaling_control_plane_tier.this[0].kube_api_server_config.event_ttl == "30m"
    error_message = "the advanced settings should reach the tier resource"
  }
}

run "rejects_hpa_sync_period_out_of_range" {
  command = plan
  variables {
    control_plane = { tier = "tier-xl", kube_controller_manager_config = { horizontal_pod_autoscaler_sync_period = "5s" } }
  }
  expect_failures = [var.control_plane]
}

run "rejects_bad_scoring_strategy" {
  command = plan
  variables {
    control_plane = { kube_scheduler_config = { scoring_strategy = "Balanced" } }
  }
  expect_failures = [var.control_plane]
}

run "rejects_bad_event_ttl" {
  command = plan
  variables {
    control_plane = { kube_api_server_config = { event_ttl = "2h" } }
  }
  expect_failures = [var.control_plane]
}

run "rejects_bad_node_port_range" {
  command = plan
  variables {
    control_plane = { kube_api_server_config = { service_node_port_range = { min_port = 30000, max_port = 40000 } } }
  }
  expect_failures = [var.control_plane]
}
