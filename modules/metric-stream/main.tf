locals {
  included_metrics = flatten([for ns, names in var.include_namespaces : [for n in names : { namespace = ns, metric_name = n }]])
}

resource "scaling_cloudwatch_metric_stream" "this" {
  name          = var.name
  firehose_arn  = var.firehose_arn
  role_arn      = var.role_arn
  output_format = var.output_format
  state         = var.running ? "running" : "stopped"
  tags          = var.tags

  dynamic "include_filter" {
    for_each = var.include_namespaces
    content {
      namespace    = include_filter.key
      metric_names = length(include_filter.value) == 0 ? null : include_filter.value
    }
  }

  dynamic "exclude_filter" {
    for_each = var.exclude_namespaces
    content {
      namespace    = exclude_filter.key
      metric_names = length(exclude_filter.value) == 0 ? null : exclude_filter.value
    }
  }

  dynamic "statistics_configuration" {
    for_each = length(var.percentiles) > 0 && length(local.included_metrics) > 0 ? [1] : []
    content {
      additional_statistics = var.percentiles
      dynamic "include_metric" {
        for_each = local.included_metrics
        content {
          namespace   = include_metric.value.namespace
          metric_name = include_metric.value.metric_name
        }
      }
    }
  }
}
