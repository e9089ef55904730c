output "tier" {
  description = "The tier now in effect, and the one before it."
  value = {
    cluster        = scaling_control_plane_tier.this.cluster_name
    tier           = scaling_control_plane_tier.this.tier
    previous_tier  = scaling_control_plane_tier.this.previous_tier
    last_update_id = scaling_control_plane_tier.this.last_update_id
  }
}

output "capabilities" {
  description = "What the tier gives, as DescribeClusterVersions reports it."
  value = {
    kubernetes_version             = scaling_control_plane_tier.this.kubernetes_version
    api_request_concurrency        = scaling_control_plane_tier.this.api_request_concurrency
    pod_scheduling_rate_per_second = scaling_control_plane_tier.this.pod_scheduling_rate_per_second
    cluster_database_size_gb       = scaling_control_plane_tier.this.cluster_database_size_gb
  }
}

output "cost" {
  description = "The cluster's price on this tier (documented defaults; override with the data source's prices)."
  value = {
    hourly_usd   = local.chosen.hourly_price_usd
    monthly_usd  = local.chosen.monthly_price_usd
    price_source = local.chosen.price_source
  }
}

output "all_tiers" {
  description = "Every tier for comparison: name, pods/s, monthly USD."
  value = [for t in data.scaling_control_plane_tiers.available.tiers :
  format("%-9s %5d seats %4d pods/s %3d GB  %s", t.name, t.api_request_concurrency, t.pod_scheduling_rate_per_second, t.cluster_database_size_gb, t.monthly_price_usd == null ? "price: ${t.note}" : format("$%.2f/month", t.monthly_price_usd))]
}
