output "replicas" {
  description = "Warm pods outside every schedule window."
  value       = one(data.scaling_warm_pool.this[*].replicas)
}

output "max_replicas" {
  description = "Largest size the schedule reaches."
  value       = one(data.scaling_warm_pool.this[*].max_replicas)
}

output "sizing_basis" {
  description = "How `replicas` was found: `replicas` (given), `peak_delta`, `peak` or `observed_bursts`."
  value       = one(data.scaling_warm_pool.this[*].sizing_basis)
}

output "burst_coverage" {
  description = "The share of `warm_pool.observed_bursts` the pool (its size outside schedule windows) absorbs completely; null without them."
  value       = one(data.scaling_warm_pool.this[*].burst_coverage)
}

output "warm_pods_for_coverage" {
  description = "The smallest pool that absorbs `warm_pool.target_coverage` (default 0.9) of `warm_pool.observed_bursts` completely; null without them."
  value       = one(data.scaling_warm_pool.this[*].warm_pods_for_coverage)
}

output "weekly_pod_hours" {
  description = "Warm pod-hours per week."
  value       = one(data.scaling_warm_pool.this[*].weekly_pod_hours)
}

output "monthly_cost" {
  description = "Monthly cost in USD (720-hour month), null without a price input."
  value       = one(data.scaling_warm_pool.this[*].monthly_cost)
}

output "pod_hour_price" {
  description = "Resolved price per warm pod-hour, null without a price input."
  value       = one(data.scaling_warm_pool.this[*].pod_hour_price)
}

output "feature_gate" {
  description = "Karpenter feature gate the mode needs (`CapacityBuffer`, `StaticCapacity`), null for pause pods."
  value       = one(data.scaling_warm_pool.this[*].feature_gate)
}

output "objects" {
  description = "Keys (`kind/namespace/name`) of the rendered objects."
  value       = [for m in local.kubernetes_manifests : "${m.kind}/${try(m.metadata.namespace, "")}/${m.metadata.name}"]
}

output "manifests" {
  description = "The rendered objects."
  value       = local.kubernetes_manifests
}

output "yaml" {
  description = "The rendered objects as multi-document YAML."
  value       = join("---\n", local.kubernetes_yaml)
}
