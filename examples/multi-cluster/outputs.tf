output "clusters_per_region" {
  description = "How many clusters each region holds, and its spot share."
  value = { for i, r in var.regions : r.name => {
    clusters   = length([for c in local.clusters : c if c.region_index == i])
    spot_share = r.spot_share
  } }
}

output "fleet_monthly_usd" {
  description = "The stack's monthly cost over the fleet (sum of every cluster's cost_summary)."
  value       = sum(concat([0], [for s in local.stacks : s.cost_summary.per_cluster_monthly_usd]))
}

output "tiers" {
  description = "Control-plane tier per cluster."
  value       = { for k, s in local.stacks : k => s.cost_summary.control_plane_tier }
}

output "worst_p95_seconds" {
  description = "Slowest burst p95 over the fleet (regions with less spot are not slower in the model; image and metric settings are)."
  value       = max(concat([0], [for s in local.stacks : s.latency_summary.burst_p95_seconds])...)
}

output "over_budget" {
  description = "Clusters whose stack cost exceeds `monthly_budget_usd`."
  value       = [for k, s in local.stacks : k if !s.cost_summary.within_budget]
}

output "node_iam_policy_json" {
  description = "Node IAM policy per region for pulling through that region's cache."
  value = merge(
    { for m in module.image_cache_r0 : var.regions[0].name => m.node_iam_policy_json },
    { for m in module.image_cache_r1 : var.regions[1].name => m.node_iam_policy_json },
    { for m in module.image_cache_r2 : var.regions[2].name => m.node_iam_policy_json },
  )
}

output "gitops_manifests" {
  description = "Per cluster, the Kubernetes objects (multi-document YAML) to commit to its GitOps repository."
  value       = { for k, s in local.stacks : k => s.yaml }
}
