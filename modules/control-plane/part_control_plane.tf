# Shared part file: the same file is in modules/control-plane
# (TestSharedPartFiles keeps the copies equal). It reads var.cluster_name,
# var.enable_control_plane and local.burst_pods, which each module defines.

variable "control_plane" {
  description = <<-EOT
    Control-plane tier (`scaling_control_plane_tier`): `tier` (`standard`, `tier-xl`, `tier-2xl`, `tier-4xl`, `tier-8xl`;
    null: the smallest tier that binds the burst in `burst_seconds` and serves `api_request_concurrency` seats, or
    `tier-xl` without a burst), `tier_hourly_usd` (your price; required for `tier-8xl`), `revert_on_destroy` (back to
    `standard` on destroy, default true), `update_timeout` (create/update/delete timeout, default `30m`),
    `api_request_concurrency` (seats the cluster needs, for the recommendation; default 0), and the advanced
    control-plane settings: `kube_controller_manager_config` (`horizontal_pod_autoscaler_sync_period`, e.g. `10s`, which
    also feeds the latency estimate; `terminated_pod_gc_threshold`), `kube_scheduler_config` (`scoring_strategy`
    `LeastAllocated` or `MostAllocated`, `resource_weights`), `kube_api_server_config` (`event_ttl`,
    `service_node_port_range`). A setting left null is not managed.
  EOT
  type = object({
    tier                    = optional(string)
    tier_hourly_usd         = optional(number)
    revert_on_destroy       = optional(bool, true)
    update_timeout          = optional(string, "30m")
    api_request_concurrency = optional(number, 0)
    kube_controller_manager_config = optional(object({
      horizontal_pod_autoscaler_sync_period = optional(string)
      terminated_pod_gc_threshold           = optional(number)
    }))
    kube_scheduler_config = optional(object({
      scoring_strategy = optional(string)
      resource_weights = optional(map(number))
    }))
    kube_api_server_config = optional(object({
      event_ttl               = optional(string)
      service_node_port_range = optional(object({ min_port = number, max_port = number }))
    }))
  })
  default  = {}
  nullable = false

  validation {
    condition     = var.control_plane.tier == null || contains(["standard", "tier-xl", "tier-2xl", "tier-4xl", "tier-8xl"], coalesce(var.control_plane.tier, "standard"))
    error_message = "control_plane.tier must be one of standard, tier-xl, tier-2xl, tier-4xl, tier-8xl (the EKS API's names; there is no \"XL\" or \"provisioned\" value), or null for the recommendation."
  }
  validation {
    condition     = var.control_plane.tier_hourly_usd == null || try(var.control_plane.tier_hourly_usd >= 0 && var.control_plane.tier_hourly_usd <= 1000, false)
    error_message = "control_plane.tier_hourly_usd must be between 0 and 1000 USD per hour, or null for the published price."
  }
  validation {
    condition     = var.control_plane.tier != "tier-8xl" || var.control_plane.tier_hourly_usd != null
    error_message = "tier-8xl has no published price: set control_plane.tier_hourly_usd to your price per hour (ask AWS), or choose tier-4xl or below."
  }
  validation {
    condition     = can(regex("^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$", var.control_plane.update_timeout))
    error_message = "control_plane.update_timeout must be a Go duration such as \"30m\" or \"1h\" (tier changes take minutes)."
  }
  validation {
    condition = var.control_plane.kube_controller_manager_config == null ? true : (
      (var.control_plane.kube_controller_manager_config.horizontal_pod_autoscaler_sync_period == null ? true : can(regex("^(10|11|12|13|14|15)s$", var.control_plane.kube_controller_manager_config.horizontal_pod_autoscaler_sync_period))) &&
      (var.control_plane.kube_controller_manager_config.terminated_pod_gc_threshold == null ? true : var.control_plane.kube_controller_manager_config.terminated_pod_gc_threshold >= 1 && var.control_plane.kube_controller_manager_config.terminated_pod_gc_threshold <= 1000000 && floor(var.control_plane.kube_controller_manager_config.terminated_pod_gc_threshold) == var.control_plane.kube_controller_manager_config.terminated_pod_gc_threshold)
    )
    error_message = "control_plane.kube_controller_manager_config: horizontal_pod_autoscaler_sync_period is 10s to 15s (what EKS allows, e.g. \"10s\"), terminated_pod_gc_threshold a whole number of pods from 1 to 1000000."
  }
  validation {
    condition = var.control_plane.kube_scheduler_config == null ? true : (
      contains(["LeastAllocated", "MostAllocated"], coalesce(var.control_plane.kube_scheduler_config.scoring_strategy, "LeastAllocated")) &&
      alltrue([for k, w in coalesce(var.control_plane.kube_scheduler_config.resource_weights, {}) : w >= 1 && w <= 100 && floor(w) == w])
    )
    error_message = "control_plane.kube_scheduler_config: scoring_strategy LeastAllocated (spread) or MostAllocated (pack, so consolidation frees nodes), resource_weights whole numbers 1-100, e.g. { cpu = 1, memory = 1 }."
  }
  validation {
    condition = var.control_plane.kube_api_server_config == null ? true : (
      (var.control_plane.kube_api_server_config.event_ttl == null ? true : can(regex("^[0-9]+m$", var.control_plane.kube_api_server_config.event_ttl)) && try(tonumber(trimsuffix(var.control_plane.kube_api_server_config.event_ttl, "m")) >= 10 && tonumber(trimsuffix(var.control_plane.kube_api_server_config.event_ttl, "m")) <= 60, false)) &&
      (var.control_plane.kube_api_server_config.service_node_port_range == null ? true : var.control_plane.kube_api_server_config.service_node_port_range.min_port >= 10260 && var.control_plane.kube_api_server_config.service_node_port_range.max_port <= 32767 && var.control_plane.kube_api_server_config.service_node_port_range.min_port <= var.control_plane.kube_api_server_config.service_node_port_range.max_port)
    )
    error_message = "control_plane.kube_api_server_config: event_ttl in minutes from 10m to 60m (e.g. \"30m\"), service_node_port_range with 10260 <= min_port <= max_port <= 32767."
  }
  validation {
    condition     = var.control_plane.api_request_concurrency >= 0 && var.control_plane.api_request_concurrency <= 100000 && floor(var.control_plane.api_request_concurrency) == var.control_plane.api_request_concurrency
    error_message = "control_plane.api_request_concurrency must be a whole number of seats from 0 to 100000 (0: only the scheduling rate matters)."
  }
}

variable "burst_seconds" {
  description = "Seconds in which a full burst must be bound to nodes; with the burst it gives the pod scheduling rate the recommended tier must reach."
  type        = number
  default     = 10
  nullable    = false

  validation {
    condition     = var.burst_seconds > 0 && var.burst_seconds <= 3600
    error_message = "burst_seconds must be more than 0 and at most 3600, e.g. 10."
  }
}

locals {
  # Pods per second the scheduler must bind for the burst; null without one.
  control_plane_rate = local.burst_pods == null || local.burst_pods == 0 ? null : local.burst_pods / var.burst_seconds

  # provider::scaling::tier_for's table (test/modules checks it against the
  # provider's), looked up here: terraform runs a provider function in a
  # provider process of its own, one more per plan (about 10 % of a 1-cluster
  # GitOps plan's CPU).
  control_plane_tier_capabilities = [
    { name = "standard", pods_per_second = 50, seats = 600 },
    { name = "tier-xl", pods_per_second = 167, seats = 1700 },
    { name = "tier-2xl", pods_per_second = 283, seats = 3400 },
    { name = "tier-4xl", pods_per_second = 400, seats = 6800 },
  ]
  control_plane_tiers_fitting = local.control_plane_rate == null ? [] : [
    for t in local.control_plane_tier_capabilities : t.name
    if local.control_plane_rate >= 0 && t.pods_per_second >= local.control_plane_rate && t.seats >= var.control_plane.api_request_concurrency
  ]

  # Needs the table cannot meet go to tier_for for its error. Only a for
  # expression skips the call: HCL evaluates both results of a conditional.
  control_plane_tier_beyond_table = local.control_plane_rate != null && length(local.control_plane_tiers_fitting) == 0
  control_plane_recommended_tier = one(concat(
    slice(local.control_plane_tiers_fitting, 0, min(1, length(local.control_plane_tiers_fitting))),
    [for rate in local.control_plane_tier_beyond_table ? [local.control_plane_rate] : [] :
    provider::scaling::tier_for(rate, var.control_plane.api_request_concurrency)],
  ))

  control_plane_tier = coalesce(var.control_plane.tier, local.control_plane_recommended_tier, "tier-xl")

  # Tiers smallest first, to compare the chosen one with the recommendation.
  control_plane_tier_rank = { standard = 0, "tier-xl" = 1, "tier-2xl" = 2, "tier-4xl" = 3, "tier-8xl" = 4 }
}

resource "scaling_control_plane_tier" "this" {
  count = var.enable_control_plane ? 1 : 0

  cluster_name      = var.cluster_name
  tier              = local.control_plane_tier
  revert_on_destroy = var.control_plane.revert_on_destroy

  kube_controller_manager_config = var.control_plane.kube_controller_manager_config
  kube_scheduler_config          = var.control_plane.kube_scheduler_config
  kube_api_server_config         = var.control_plane.kube_api_server_config

  timeouts {
    create = var.control_plane.update_timeout
    update = var.control_plane.update_timeout
    delete = var.control_plane.update_timeout
  }
}

check "tier_reaches_burst" {
  assert {
    condition     = !var.enable_control_plane || local.control_plane_tier_rank[local.control_plane_tier] >= local.control_plane_tier_rank[coalesce(local.control_plane_recommended_tier, "standard")]
    error_message = "tier ${local.control_plane_tier} schedules fewer pods per second than a burst of ${coalesce(local.burst_pods, 0)} pods in ${var.burst_seconds}s needs: use ${coalesce(local.control_plane_recommended_tier, "a larger tier")} or larger."
  }
}
