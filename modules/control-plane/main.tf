locals {
  # Pods per second the scheduler must bind for the burst; null without one.
  required_rate = var.burst_pods == null ? null : var.burst_pods / var.burst_seconds

  recommended_tier = local.required_rate == null ? null : provider::scaling::tier_for(local.required_rate, var.api_request_concurrency)

  tier = coalesce(var.tier, local.recommended_tier, "tier-xl")

  # Tiers smallest first, to compare the chosen one with the recommendation.
  tier_rank = { standard = 0, "tier-xl" = 1, "tier-2xl" = 2, "tier-4xl" = 3, "tier-8xl" = 4 }
}

resource "scaling_control_plane_tier" "this" {
  cluster_name      = var.cluster_name
  tier              = local.tier
  revert_on_destroy = var.revert_on_destroy

  timeouts {
    create = var.update_timeout
    update = var.update_timeout
    delete = var.update_timeout
  }
}

# Cost is a plan-time estimate (no API call), so it is known before apply.
data "scaling_cost_estimate" "tier" {
  control_plane_tier = local.tier
  tier_hourly_usd    = var.tier_hourly_usd
}

check "tier_reaches_burst" {
  assert {
    condition     = local.tier_rank[local.tier] >= local.tier_rank[coalesce(local.recommended_tier, "standard")]
    error_message = "tier ${local.tier} schedules fewer pods per second than a burst of ${coalesce(var.burst_pods, 0)} pods in ${var.burst_seconds}s needs: use ${coalesce(local.recommended_tier, "a larger tier")} or larger."
  }
}
