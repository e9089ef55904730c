output "pr_summary_markdown" {
  description = "The plan-time cost and latency summary, as a pull-request comment."
  value       = module.stack.pr_summary_markdown
}

output "rendered_objects" {
  description = "Every object of the rendered YAML, `Kind  namespace/name` (cluster-scoped: `Kind  name`), in apply order."
  value = [for m in [for k in module.stack.kubernetes_objects : regex("^([^/]+)/([^/]*)/(.+)$", k)] :
  format("%-18s %s", m[0], m[1] == "" ? m[2] : "${m[1]}/${m[2]}")]
}

output "yaml" {
  description = "The rendered objects as one multi-document YAML (what a GitOps repository would hold)."
  value       = module.stack.yaml
}

output "control_plane" {
  description = "The tier in effect, the stack's recommendation, and what the tier gives."
  value       = module.stack.control_plane
}

output "image_cache" {
  description = "ECR repository prefix per upstream registry."
  value       = module.stack.image_cache.ecr_repository_prefixes
}

output "metric_stream_arn" {
  description = "ARN of the metric stream feeding the scaler."
  value       = module.stack.metric_stream_arn
}
