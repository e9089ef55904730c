# Shared part file: the same file is in modules/metric-stream
# (TestSharedPartFiles keeps the copies equal). It reads var.cluster_name and
# var.enable_metric_stream, which each module defines.

variable "metric_stream" {
  description = <<-EOT
    CloudWatch metric stream feeding the scaler (`scaling_cloudwatch_metric_stream`): `firehose_arn` and `role_arn`
    (required), `name` (default `<cluster_name>-scaling`) or `name_prefix`, `output_format` (default
    `opentelemetry1.0`), `include_namespaces` (namespace to metric names, empty list = all of the namespace; default: SQS
    queue depth, ALB requests per target and Container Insights pod CPU/memory) or `exclude_namespaces` (not both),
    `percentiles` (e.g. `["p90", "p99"]`, streamed for every included metric), `statistics_configurations` (any
    statistics for chosen metrics: `additional_statistics`, `include_metric` list of `namespace`/`metric_name`),
    `running` (default true), `include_linked_accounts_metrics`, `tags`, `timeouts`.
  EOT
  type = object({
    firehose_arn  = string
    role_arn      = string
    name          = optional(string)
    name_prefix   = optional(string)
    output_format = optional(string, "opentelemetry1.0")
    include_namespaces = optional(map(list(string)), {
      "AWS/SQS"            = ["ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage"]
      "AWS/ApplicationELB" = ["RequestCountPerTarget", "TargetResponseTime"]
      "ContainerInsights"  = ["pod_cpu_utilization", "pod_memory_utilization"]
    })
    exclude_namespaces = optional(map(list(string)), {})
    percentiles        = optional(list(string), [])
    statistics_configurations = optional(list(object({
      additional_statistics = list(string)
      include_metric = list(object({
        namespace   = string
        metric_name = string
      }))
    })), [])
    running                         = optional(bool, true)
    include_linked_accounts_metrics = optional(bool)
    tags                            = optional(map(string), {})
    timeouts                        = optional(object({ create = optional(string), update = optional(string), delete = optional(string) }), {})
  })
  default = null

  validation {
    condition     = !var.enable_metric_stream || var.metric_stream != null
    error_message = "enable_metric_stream = true needs metric_stream = { firehose_arn = \"arn:aws:firehose:...\", role_arn = \"arn:aws:iam::...:role/...\" }."
  }
  validation {
    condition     = var.metric_stream == null || (can(regex("^arn:aws[a-z-]*:firehose:[a-z0-9-]+:[0-9]{12}:deliverystream/.+$", var.metric_stream.firehose_arn)) && can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", var.metric_stream.role_arn)))
    error_message = "metric_stream.firehose_arn must be a Firehose delivery stream ARN (arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics) and metric_stream.role_arn an IAM role ARN (arn:aws:iam::123456789012:role/metric-stream)."
  }
  validation {
    condition     = var.metric_stream == null || (try(var.metric_stream.name == null || can(regex("^[A-Za-z0-9_-]{1,255}$", var.metric_stream.name)), false) && try(var.metric_stream.name_prefix == null || can(regex("^[A-Za-z0-9_-]{1,229}$", var.metric_stream.name_prefix)), false) && try(var.metric_stream.name == null || var.metric_stream.name_prefix == null, false))
    error_message = "metric_stream.name must be 1-255 letters, digits, '-' or '_' (name_prefix 1-229), and not both: set one, or neither for <cluster_name>-scaling."
  }
  validation {
    condition     = var.metric_stream == null ? true : alltrue([for d in [var.metric_stream.timeouts.create, var.metric_stream.timeouts.update, var.metric_stream.timeouts.delete] : d == null ? true : can(regex("^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$", d))])
    error_message = "metric_stream.timeouts: create, update and delete are durations such as \"30s\" or \"10m\" (at most 24h)."
  }
  validation {
    condition     = var.metric_stream == null || try(contains(["json", "opentelemetry0.7", "opentelemetry1.0"], var.metric_stream.output_format), false)
    error_message = "metric_stream.output_format must be json, opentelemetry0.7 or opentelemetry1.0."
  }
  validation {
    condition     = var.metric_stream == null || try(length(var.metric_stream.exclude_namespaces) == 0 || length(var.metric_stream.include_namespaces) == 0, false)
    error_message = "set either metric_stream.include_namespaces or metric_stream.exclude_namespaces, not both (CloudWatch rejects the combination): set include_namespaces = {} to use exclusions."
  }
  validation {
    condition     = var.metric_stream == null || try(length(var.metric_stream.percentiles) <= 20 && alltrue([for p in var.metric_stream.percentiles : can(regex("^p[0-9]{1,2}(\\.[0-9]+)?$", p))]), false)
    error_message = "metric_stream.percentiles must be at most 20 values like \"p90\" or \"p99.9\"."
  }
  validation {
    condition = var.metric_stream == null || try(length(var.metric_stream.statistics_configurations) <= 100 && alltrue([for c in var.metric_stream.statistics_configurations :
      length(c.additional_statistics) >= 1 && length(c.additional_statistics) <= 20 && length(c.include_metric) >= 1 && length(c.include_metric) <= 100 &&
      (startswith(var.metric_stream.output_format, "json") || alltrue([for s in c.additional_statistics : can(regex("^p[0-9]{1,2}(\\.[0-9]+)?$", s))]))
    ]), false)
    error_message = "metric_stream.statistics_configurations: at most 100, each with 1-20 additional_statistics and 1-100 include_metric entries; OpenTelemetry formats take only percentiles (p90, p99.9), json also tm99, wm99, IQM..."
  }
}

locals {
  metric_stream_included = flatten([for ns, names in try(var.metric_stream.include_namespaces, {}) : [for n in names : { namespace = ns, metric_name = n }]])

  # Metric names the stream lists by name (for the cost estimate; namespaces
  # streamed whole are not counted).
  metric_stream_metric_names_count = length(local.metric_stream_included)

  metric_stream_statistics = concat(
    length(try(var.metric_stream.percentiles, [])) > 0 && length(local.metric_stream_included) > 0 ? [{
      additional_statistics = var.metric_stream.percentiles
      include_metric        = local.metric_stream_included
    }] : [],
    try(var.metric_stream.statistics_configurations, []),
  )
}

resource "scaling_cloudwatch_metric_stream" "this" {
  count = var.enable_metric_stream ? 1 : 0

  name                            = var.metric_stream.name_prefix == null ? coalesce(var.metric_stream.name, "${var.cluster_name}-scaling") : null
  name_prefix                     = var.metric_stream.name_prefix
  firehose_arn                    = var.metric_stream.firehose_arn
  role_arn                        = var.metric_stream.role_arn
  output_format                   = var.metric_stream.output_format
  state                           = var.metric_stream.running ? "running" : "stopped"
  include_linked_accounts_metrics = var.metric_stream.include_linked_accounts_metrics
  tags                            = var.metric_stream.tags

  timeouts {
    create = var.metric_stream.timeouts.create
    update = var.metric_stream.timeouts.update
    delete = var.metric_stream.timeouts.delete
  }

  dynamic "include_filter" {
    for_each = var.metric_stream.include_namespaces
    content {
      namespace    = include_filter.key
      metric_names = length(include_filter.value) == 0 ? null : include_filter.value
    }
  }

  dynamic "exclude_filter" {
    for_each = var.metric_stream.exclude_namespaces
    content {
      namespace    = exclude_filter.key
      metric_names = length(exclude_filter.value) == 0 ? null : exclude_filter.value
    }
  }

  dynamic "statistics_configuration" {
    for_each = local.metric_stream_statistics
    content {
      additional_statistics = statistics_configuration.value.additional_statistics
      dynamic "include_metric" {
        for_each = statistics_configuration.value.include_metric
        content {
          namespace   = include_metric.value.namespace
          metric_name = include_metric.value.metric_name
        }
      }
    }
  }
}
