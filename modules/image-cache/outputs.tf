output "rules" {
  description = "Rules by ECR repository prefix: upstream registry URL, registry (account) ID and upstream short name."
  value = { for k, r in scaling_ecr_pull_through_cache_rule.this : k => {
    upstream              = local.rules[k].upstream
    upstream_registry_url = r.upstream_registry_url
    registry_id           = r.registry_id
  } }
}

output "ecr_repository_prefixes" {
  description = "Upstream short name (or extra rule key) to ECR repository prefix: an image `quay.io/org/app` is pulled as `<account>.dkr.ecr.<region>.amazonaws.com/<prefix>/org/app`."
  value       = { for k, r in local.rules : r.upstream => k }
}

output "node_iam_policy_json" {
  description = "IAM policy for the node role: `ecr:GetAuthorizationToken` plus the pull actions, `ecr:BatchImportUpstreamImage` and `ecr:CreateRepository` on the cached repositories only. Attach it, or the first pull through the cache fails."
  value       = jsonencode(local.node_iam_policy)
}

output "repository_template_prefixes" {
  description = "Prefixes of the repository creation templates the module made (one per rule; empty with `repository_template = null`)."
  value       = sort(keys(scaling_ecr_repository_creation_template.this))
}
