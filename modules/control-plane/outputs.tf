output "tier" {
  description = "The tier in effect (null when disabled)."
  value       = one(scaling_control_plane_tier.this[*].tier)
}

output "previous_tier" {
  description = "The tier before this module's last change."
  value       = one(scaling_control_plane_tier.this[*].previous_tier)
}

output "recommended_tier" {
  description = "Smallest tier whose scheduling rate and API seats reach `burst_pods / burst_seconds` and `control_plane.api_request_concurrency` (null without `burst_pods`)."
  value       = local.control_plane_recommended_tier
}

output "capabilities" {
  description = "What the tier gives, as EKS reports it for the cluster's Kubernetes version (known after apply; null when disabled)."
  value = var.enable_control_plane ? {
    kubernetes_version             = scaling_control_plane_tier.this[0].kubernetes_version
    api_request_concurrency        = scaling_control_plane_tier.this[0].api_request_concurrency
    pod_scheduling_rate_per_second = scaling_control_plane_tier.this[0].pod_scheduling_rate_per_second
    cluster_database_size_gb       = scaling_control_plane_tier.this[0].cluster_database_size_gb
  } : null
}

output "cost" {
  description = "Monthly control-plane cost of the tier (730 h month), and the extra over `standard`. Known at plan time."
  value = {
    tier              = local.control_plane_tier
    monthly_usd       = data.scaling_cost_estimate.tier.control_plane_monthly_usd
    extra_monthly_usd = data.scaling_cost_estimate.tier.control_plane_extra_monthly_usd
  }
}

output "last_update_id" {
  description = "ID of the EKS update that set the tier (empty when nothing changed)."
  value       = one(scaling_control_plane_tier.this[*].last_update_id)
}
