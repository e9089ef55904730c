# The stack's alerts part (no part module: its thresholds come from the
# stack's own target, estimates, warm pool and pools; on its own,
# scaling_alert_rules is the part). It reads var.workload, var.autoscaling,
# var.warm_pool, var.target_p95_seconds and the estimates (estimates.tf).

variable "alerts" {
  description = <<-EOT
    Scale-out alerts (`scaling_alert_rules`): a Prometheus Operator `PrometheusRule` (`monitoring.coreos.com/v1`; the
    operator's CRDs must be installed) among the applied objects, and CloudWatch alarm definitions (Container Insights
    and `AWS/EKS` metrics) in the `cloudwatch_alarms` output, ready for `aws_cloudwatch_metric_alarm` with `for_each`;
    the cost estimate counts those alarms (`cloudwatch_alarms = false`: none rendered, none counted). Thresholds come
    from the stack: `target_p95_seconds` (else the stack's own burst p95 estimate, so the rule fires when scale-outs run
    slower than planned) less the detection time the latency estimate gives (`detection_seconds` overrides), the warm
    pool's size (mode `pause_pods`; `warm_pool_low_share`), its price per pod-hour (`price_per_pod_hour` overrides)
    and the stack's NodePools. `name` (default `<workload.name>-scale-out`, also part of the alarm names), `namespace`
    (default the workload's), `labels` (what your Prometheus' ruleSelector matches, e.g. `{ release =
    "kube-prometheus-stack" }`), `pending_seconds`, `window`, `spot_interruption_ratio`, `provisioning_errors`,
    `cost_tolerance`, `extra_rule`. Null attributes take the data source's default.
  EOT
  type = object({
    name                    = optional(string)
    namespace               = optional(string)
    labels                  = optional(map(string))
    cloudwatch_alarms       = optional(bool, true)
    detection_seconds       = optional(number)
    pending_seconds         = optional(number)
    window                  = optional(string)
    warm_pool_low_share     = optional(number)
    spot_interruption_ratio = optional(number)
    provisioning_errors     = optional(number)
    price_per_pod_hour      = optional(number)
    cost_tolerance          = optional(number)
    extra_rule = optional(list(object({
      alert    = string
      expr     = string
      for      = optional(string)
      severity = optional(string)
      summary  = optional(string)
    })))
  })
  default  = {}
  nullable = false

  validation {
    condition = (var.alerts.name == null ? true : can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.alerts.name))) && (
    var.alerts.namespace == null ? true : can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.alerts.namespace)))
    error_message = "alerts.name (default <workload.name>-scale-out) and alerts.namespace (default the workload's) are lowercase DNS labels of at most 63 characters."
  }
  validation {
    condition = (var.alerts.detection_seconds == null ? true : var.alerts.detection_seconds >= 0 && var.alerts.detection_seconds < coalesce(var.target_p95_seconds, 3600)) && (
      var.alerts.pending_seconds == null ? true : var.alerts.pending_seconds >= 1 && var.alerts.pending_seconds <= 3600 && floor(var.alerts.pending_seconds) == var.alerts.pending_seconds) && (
    var.alerts.window == null ? true : can(regex("^[1-9][0-9]*[smh]$", var.alerts.window)))
    error_message = "alerts.detection_seconds is 0 or more and below target_p95_seconds (the part of the target spent before a pod exists); pending_seconds a whole number 1-3600 (e.g. 15); window one whole unit of s, m or h between 1m and 24h (e.g. \"15m\")."
  }
  validation {
    condition = alltrue([for v in [var.alerts.warm_pool_low_share, var.alerts.spot_interruption_ratio] : v == null ? true : v >= 0 && v <= 1]) && (
      var.alerts.provisioning_errors == null ? true : var.alerts.provisioning_errors >= 1 && var.alerts.provisioning_errors <= 10000 && floor(var.alerts.provisioning_errors) == var.alerts.provisioning_errors) && (
      var.alerts.price_per_pod_hour == null ? true : var.alerts.price_per_pod_hour >= 0 && var.alerts.price_per_pod_hour <= 100) && (
    var.alerts.cost_tolerance == null ? true : var.alerts.cost_tolerance >= 1 && var.alerts.cost_tolerance <= 100)
    error_message = "alerts: warm_pool_low_share and spot_interruption_ratio are shares from 0 to 1 (e.g. 0.5, 0.05); provisioning_errors a whole number 1-10000 (failed launches in 10 minutes); price_per_pod_hour 0-100 USD; cost_tolerance 1-100 (the cost rule fires above price x tolerance)."
  }
  validation {
    condition     = alltrue([for r in coalesce(var.alerts.extra_rule, []) : can(regex("^[A-Za-z_][A-Za-z0-9_]*$", r.alert)) && length(r.expr) > 0])
    error_message = "alerts.extra_rule: each alert name is letters, digits and '_' (e.g. \"KarpenterQueueDeep\") with a PromQL expr."
  }
}

data "scaling_alert_rules" "this" {
  count = var.enable_alerts ? 1 : 0

  name         = coalesce(var.alerts.name, "${var.workload.name}-scale-out")
  namespace    = coalesce(var.alerts.namespace, var.workload.namespace)
  labels       = var.alerts.labels
  cluster_name = var.alerts.cloudwatch_alarms ? var.cluster_name : null
  # The scale-out target: the SLO, else what the stack estimates (the rule
  # then fires when scale-outs run slower than planned). Derived here, not
  # in locals: a data source's arguments are evaluated only when it is on,
  # locals in every module instance.
  target_p95_seconds = coalesce(var.target_p95_seconds, min(3600, ceil(local.effective.total.p95_seconds)))
  # Metric detection and the autoscaler's decision: spent before a pod
  # exists, so the pod creation-to-Ready p95 is held to the target less it
  # (the estimate, whole seconds, kept below the target).
  detection_seconds = var.alerts.detection_seconds != null ? var.alerts.detection_seconds : min(
    floor(sum(concat([0], [for s in local.effective.stages : s.typical_seconds if s.phase == "detect"]))),
    max(0, ceil(coalesce(var.target_p95_seconds, min(3600, ceil(local.effective.total.p95_seconds)))) - 1),
  )
  pending_seconds = var.alerts.pending_seconds
  window          = var.alerts.window
  # The scale-out p95 rule finds the pods by the Deployment's pod names.
  workload = var.workload.kind == "Deployment" && var.workload.api_version == "apps/v1" ? {
    namespace     = var.workload.namespace
    name          = var.workload.name
    scaled_object = var.enable_workload_autoscaling && local.autoscaling_keda ? coalesce(var.autoscaling.name, var.workload.name) : null
  } : null
  warm_pool = var.enable_warm_pool && var.warm_pool.mode == "pause_pods" && local.warm_pods >= 1 ? {
    namespace  = var.workload.namespace
    deployment = local.warm_pool_name
    size       = local.warm_pods
    low_share  = var.alerts.warm_pool_low_share
  } : null
  spot_interruption_ratio = var.alerts.spot_interruption_ratio
  provisioning_errors     = var.alerts.provisioning_errors
  price_per_pod_hour      = var.alerts.price_per_pod_hour != null ? var.alerts.price_per_pod_hour : (local.warm_pool_priced ? local.warm_pool.pod_hour_price : null)
  cost_tolerance          = var.alerts.cost_tolerance
  node_pools              = length(local.node_pools_names) == 0 ? null : local.node_pools_names
  extra_rule              = var.alerts.extra_rule
}

locals {
  alerts = try(data.scaling_alert_rules.this[0], null)
  # The alarms rendered, as the cost estimate prices them.
  alerts_high_resolution_alarms = sum(concat([0], [for d in data.scaling_alert_rules.this : d.high_resolution_alarm_count]))
  alerts_standard_alarms        = sum(concat([0], [for d in data.scaling_alert_rules.this : d.alarm_count - d.high_resolution_alarm_count]))

  alerts_yaml      = [for d in data.scaling_alert_rules.this : d.yaml]
  alerts_manifests = flatten([for d in data.scaling_alert_rules.this : d.manifests])
}
