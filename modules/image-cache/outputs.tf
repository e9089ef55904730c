output "rules" {
  description = "Rules by ECR repository prefix: upstream registry URL, registry (account) ID and upstream short name."
  value = { for k, r in scaling_ecr_pull_through_cache_rule.this : k => {
    upstream              = local.image_cache_rules[k].upstream
    upstream_registry_url = r.upstream_registry_url
    registry_id           = r.registry_id
  } }
}

output "ecr_repository_prefixes" {
  description = "Upstream short name (or extra rule key) to ECR repository prefix: an image `quay.io/org/app` is pulled as `<account>.dkr.ecr.<region>.amazonaws.com/<prefix>/org/app`."
  value       = { for k, r in local.image_cache_rules : r.upstream => k }
}

output "node_iam_policy_json" {
  description = "IAM policy for the node role: `ecr:GetAuthorizationToken` plus the pull actions, `ecr:BatchImportUpstreamImage` and `ecr:CreateRepository` on the cached repositories only. Attach it to the node role (e.g. `aws_iam_role_policy` with `role = module.karpenter.node_iam_role_name`, see the README), or the first pull through the cache fails."
  value       = local.image_cache_node_iam_policy_json
}

output "repository_template_prefixes" {
  description = "Prefixes of the repository creation templates the module made (one per rule; empty with `image_cache.repository_template.create = false`)."
  value       = sort(keys(scaling_ecr_repository_creation_template.this))
}
