output "autoscaler" {
  description = "`hpa` or `keda`."
  value       = var.autoscaler
}

output "objects" {
  description = "Keys (`kind/namespace/name`) of the rendered objects."
  value       = keys(local.objects)
}

output "metric_source" {
  description = "The autoscaler's metric source as `scaling_latency_estimate` names it (`metrics_server_cpu`, `keda_prometheus`, `keda_sqs`), null for cron-only KEDA."
  value       = local.metric_source
}

output "polling_interval_seconds" {
  description = "KEDA polling interval in seconds (null for HPA or the default)."
  value       = var.polling_interval
}

output "manifests" {
  description = "The rendered objects."
  value       = local.manifests
}

output "yaml" {
  description = "The rendered objects as multi-document YAML."
  value       = local.yaml
}
