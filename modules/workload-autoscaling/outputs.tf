output "autoscaler" {
  description = "`hpa` or `keda`."
  value       = var.autoscaling.autoscaler
}

output "objects" {
  description = "Keys (`kind/namespace/name`) of the rendered objects."
  value       = [for m in local.kubernetes_manifests : "${m.kind}/${try(m.metadata.namespace, "")}/${m.metadata.name}"]
}

output "metric_source" {
  description = "The autoscaler's metric source as `scaling_latency_estimate` names it (`metrics_server_cpu`, `keda_prometheus`, `keda_sqs`), null for cron-only KEDA."
  value       = local.autoscaling_metric_source
}

output "min_replicas" {
  description = "Fewest replicas the autoscaler keeps (default: the workload's baseline, at least 1 for an HPA)."
  value       = local.autoscaling_min_replicas
}

output "max_replicas" {
  description = "Most replicas (default: the workload's peak)."
  value       = local.autoscaling_max_replicas
}

output "trigger_authentication_name" {
  description = "Name of the KEDA TriggerAuthentication rendered for SQS (null otherwise)."
  value       = one(data.scaling_keda_scaled_object.this[*].trigger_authentication_name)
}

output "manifests" {
  description = "The rendered objects."
  value       = local.kubernetes_manifests
}

output "yaml" {
  description = "The rendered objects as multi-document YAML."
  value       = join("---\n", local.kubernetes_yaml)
}

output "circuit_breaker" {
  description = "The DestinationRule's derivation (`enable_circuit_breaker`; null when disabled): each derived setting with its value, formula and why, as a list and as Markdown."
  value = var.enable_circuit_breaker ? {
    derivation          = local.circuit_breaker.derivation
    derivation_markdown = local.circuit_breaker.derivation_markdown
  } : null
}
