output "arn" {
  description = "ARN of the metric stream (null when disabled)."
  value       = one(scaling_cloudwatch_metric_stream.this[*].arn)
}

output "name" {
  description = "Name of the metric stream."
  value       = one(scaling_cloudwatch_metric_stream.this[*].name)
}

output "state" {
  description = "`running` or `stopped`."
  value       = one(scaling_cloudwatch_metric_stream.this[*].state)
}

output "namespaces" {
  description = "Namespaces streamed (include filters), or excluded when only exclusions are set."
  value       = var.metric_stream == null ? [] : (length(var.metric_stream.include_namespaces) > 0 ? keys(var.metric_stream.include_namespaces) : keys(var.metric_stream.exclude_namespaces))
}

output "metric_names_count" {
  description = "Metric names listed in the include filters (for the cost estimate; namespaces streamed whole are not counted)."
  value       = local.metric_stream_metric_names_count
}
