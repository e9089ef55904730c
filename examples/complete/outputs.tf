output "cost_summary" {
  description = "Plan-time monthly cost of the stack for this cluster."
  value       = module.stack.cost_summary
}

output "latency_summary" {
  description = "Plan-time scale-out latency for the burst."
  value       = module.stack.latency_summary
}

output "pr_summary_markdown" {
  description = "Markdown for a pull-request comment."
  value       = module.stack.pr_summary_markdown
}

output "control_plane" {
  description = "Tier, capabilities and cost."
  value       = module.stack.control_plane
}

output "image_cache" {
  description = "ECR prefixes and the node IAM policy to attach to the node role."
  value       = module.stack.image_cache
}

output "metric_stream_arn" {
  description = "ARN of the metric stream."
  value       = module.stack.metric_stream_arn
}

output "node_pool_names" {
  description = "Karpenter NodePools, spot first."
  value       = module.stack.node_pool_names
}

output "kubernetes_objects" {
  description = "Kubernetes objects the stack applied, in apply order."
  value       = module.stack.kubernetes_objects
}
