locals {
  # The hook part_control_plane.tf reads (the stack takes it from its workload).
  burst_pods = var.burst_pods
}

# Cost is a plan-time estimate (no API call), so it is known before apply.
data "scaling_cost_estimate" "tier" {
  control_plane_tier = local.control_plane_tier
  tier_hourly_usd    = var.control_plane.tier_hourly_usd
}
