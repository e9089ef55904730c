output "arn" {
  description = "ARN of the metric stream."
  value       = scaling_cloudwatch_metric_stream.this.arn
}

output "name" {
  description = "Name of the metric stream."
  value       = scaling_cloudwatch_metric_stream.this.name
}

output "state" {
  description = "`running` or `stopped`."
  value       = scaling_cloudwatch_metric_stream.this.state
}

output "namespaces" {
  description = "Namespaces streamed (include filters), or excluded when only exclusions are set."
  value       = length(var.include_namespaces) > 0 ? keys(var.include_namespaces) : keys(var.exclude_namespaces)
}

output "metric_names_count" {
  description = "Metric names listed in the include filters (for the cost estimate; namespaces streamed whole are not counted)."
  value       = length(local.included_metrics)
}
