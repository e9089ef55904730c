output "kubernetes_objects" {
  description = "Every object the stack renders, in apply order."
  value       = module.stack.kubernetes_objects
}

output "pr_summary_markdown" {
  description = "Cost and latency as a pull-request comment, with every part's line."
  value       = module.stack.pr_summary_markdown
}

output "cost_summary" {
  description = "Monthly cost per cluster, the rendered alarms included."
  value       = module.stack.cost_summary
}

output "latency_summary" {
  description = "Scale-out latency of the burst."
  value       = module.stack.latency_summary
}

output "cloudwatch_alarms" {
  description = "CloudWatch alarm definitions, for aws_cloudwatch_metric_alarm with for_each."
  value       = module.stack.cloudwatch_alarms
}

output "circuit_breaker" {
  description = "How the DestinationRule's limits were derived."
  value       = module.stack.circuit_breaker
}

output "kueue" {
  description = "Kueue's ClusterQueue, flavors and LocalQueues."
  value       = module.stack.kueue
}

output "yaml" {
  description = "The objects as one YAML stream (for GitOps)."
  value       = module.stack.yaml
}
