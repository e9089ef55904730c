# The stack's own settings. Each part's settings are in its part_*.tf file.

# --- per-part switches -------------------------------------------------------

variable "enable_control_plane" {
  description = "Manage the EKS control-plane tier (`control_plane`)."
  type        = bool
  default     = true
  nullable    = false
}

variable "enable_image_cache" {
  description = "Create ECR pull-through cache rules for public registries (`image_cache`)."
  type        = bool
  default     = true
  nullable    = false
}

variable "enable_metric_stream" {
  description = "Create a CloudWatch metric stream feeding the scaler (`metric_stream`; needs a Firehose delivery stream and a role)."
  type        = bool
  default     = false
  nullable    = false
}

variable "enable_node_pools" {
  description = "Render the capacity: a node class and a spot-first/on-demand NodePool pair, plus `node_pools.extra_*`, for self-managed Karpenter (EC2NodeClass; Karpenter must be installed to apply them) or EKS Auto Mode (`node_pools.mode = \"eks_auto_mode\"`)."
  type        = bool
  default     = true
  nullable    = false
}

variable "enable_node_readiness" {
  description = "Render Node Readiness Controller rules for the stack's NodePools (`node_readiness`) and put their taints on the pools as startup taints (the controller must be installed)."
  type        = bool
  default     = false
  nullable    = false
}

variable "enable_image_prepull" {
  description = "Render a DaemonSet that pre-pulls `image_prepull.images` (default `workload.image`) onto the nodes of the stack's NodePools, tolerating their taints; the latency estimates then count the workload's image as pre-pulled (`image_prepulled`) when it is among the images and the pre-pull covers the pools the workload lands on."
  type        = bool
  default     = false
  nullable    = false
}

variable "enable_warm_pool" {
  description = "Render warm capacity for the workload (`warm_pool`)."
  type        = bool
  default     = true
  nullable    = false
}

variable "enable_workload_autoscaling" {
  description = "Render an HPA or a KEDA ScaledObject for the workload (`autoscaling`)."
  type        = bool
  default     = true
  nullable    = false
}

variable "enable_kueue" {
  description = "Batch mode: render Kueue admission (`kueue`): a ResourceFlavor per NodePool of the stack, a ClusterQueue with quotas from the pools' limits, and a LocalQueue in the workload's namespace (Kueue must be installed)."
  type        = bool
  default     = false
  nullable    = false
}

variable "enable_circuit_breaker" {
  description = "Render an Istio DestinationRule for the workload's service (`circuit_breaker`), its limits derived from the stack's own latency estimate (Istio must be installed)."
  type        = bool
  default     = false
  nullable    = false
}

variable "enable_alerts" {
  description = "Render the scale-out alerts (`alerts`): a PrometheusRule among the applied objects (the Prometheus Operator's CRDs must be installed) and CloudWatch alarm definitions in the `cloudwatch_alarms` output, which the cost estimate counts."
  type        = bool
  default     = false
  nullable    = false
}

# --- what the plan reports -----------------------------------------------------

variable "target_p95_seconds" {
  description = "Scale-out SLO: p95 seconds from load rising to new pods ready. Sets `latency_summary.meets_slo`."
  type        = number
  default     = null

  validation {
    condition     = var.target_p95_seconds == null || try(var.target_p95_seconds > 0 && var.target_p95_seconds <= 3600, false)
    error_message = "target_p95_seconds must be more than 0 and at most 3600 seconds, e.g. 90, or null for no SLO."
  }
}

variable "monthly_budget_usd" {
  description = "Budget for the stack's extra cost per cluster and month; sets `cost_summary.within_budget`."
  type        = number
  default     = null

  validation {
    condition     = var.monthly_budget_usd == null || try(var.monthly_budget_usd >= 0 && var.monthly_budget_usd <= 10000000, false)
    error_message = "monthly_budget_usd must be between 0 and 10000000 USD, or null for no budget."
  }
}

variable "estimates" {
  description = <<-EOT
    Inputs of the plan-time estimates that the parts' settings do not give (`scaling_latency_estimate`,
    `scaling_cost_estimate`): `metric_source` (overrides what the autoscaler settings imply, e.g.
    `cloudwatch_high_resolution` for an HPA on an external CloudWatch metric), `scale_up_policy` (`one_step` or
    `kubernetes_default`), `hpa_sync_period_seconds`, `metric_window_seconds`, `readiness_initial_delay_seconds`,
    `readiness_period_seconds`, `image_cached_on_node` (the image is on every node, new ones included: baked into the
    AMI or a snapshot), `image_prepulled` (a pre-pull DaemonSet keeps it on running nodes: warm pods skip the pull, a
    new node still pulls it once), `pull_through_cache` (a public image
    comes through a cache this stack does not manage, e.g. a region's shared `image-cache`; default false),
    `pod_scheduling_rate_per_second`
    (e.g. from `scaling_control_plane_tiers`; required for tier-8xl), and for the bill `custom_metrics`,
    `standard_alarms` and `high_resolution_alarms` (your own CloudWatch alarms: the ones `enable_alerts` renders are
    added), `metric_publish_interval_seconds`, `metric_read_interval_seconds`, `metrics_per_put_request`. Null
    attributes take the data source's default.
  EOT
  type = object({
    metric_source                   = optional(string)
    scale_up_policy                 = optional(string)
    hpa_sync_period_seconds         = optional(number)
    metric_window_seconds           = optional(number)
    readiness_initial_delay_seconds = optional(number)
    readiness_period_seconds        = optional(number)
    image_cached_on_node            = optional(bool)
    image_prepulled                 = optional(bool)
    pull_through_cache              = optional(bool, false)
    pod_scheduling_rate_per_second  = optional(number)
    custom_metrics                  = optional(number)
    high_resolution_alarms          = optional(number)
    standard_alarms                 = optional(number)
    metric_publish_interval_seconds = optional(number)
    metric_read_interval_seconds    = optional(number)
    metrics_per_put_request         = optional(number)
  })
  default  = {}
  nullable = false

  validation {
    condition     = (var.estimates.metric_source == null || contains(["metrics_server_cpu", "cloudwatch_high_resolution", "adot_prometheus", "keda_prometheus", "keda_sqs"], coalesce(var.estimates.metric_source, "x"))) && (var.estimates.scale_up_policy == null || contains(["one_step", "kubernetes_default"], coalesce(var.estimates.scale_up_policy, "x")))
    error_message = "estimates.metric_source must be metrics_server_cpu, cloudwatch_high_resolution, adot_prometheus, keda_prometheus or keda_sqs, and estimates.scale_up_policy one_step or kubernetes_default."
  }
  validation {
    condition = alltrue([for v in [var.estimates.hpa_sync_period_seconds, var.estimates.metric_window_seconds, var.estimates.readiness_initial_delay_seconds, var.estimates.readiness_period_seconds, var.estimates.metric_publish_interval_seconds, var.estimates.metric_read_interval_seconds] : v == null || try(v >= 0 && v <= 3600, false)]) && alltrue([for v in [var.estimates.custom_metrics, var.estimates.high_resolution_alarms, var.estimates.standard_alarms] : v == null || try(v >= 0 && v <= 1000000 && floor(v) == v, false)]) && (
      var.estimates.metrics_per_put_request == null || try(var.estimates.metrics_per_put_request >= 1 && var.estimates.metrics_per_put_request <= 1000, false)) && (
    var.estimates.pod_scheduling_rate_per_second == null || try(var.estimates.pod_scheduling_rate_per_second > 0 && var.estimates.pod_scheduling_rate_per_second <= 100000, false))
    error_message = "estimates: the *_seconds inputs are 0-3600 s, custom_metrics, standard_alarms and high_resolution_alarms whole numbers 0-1000000, metrics_per_put_request 1-1000, pod_scheduling_rate_per_second in (0, 100000]."
  }
}
