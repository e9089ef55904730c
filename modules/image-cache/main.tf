locals {
  upstream_urls = {
    "ecr-public"                = "public.ecr.aws"
    "k8s"                       = "registry.k8s.io"
    "quay"                      = "quay.io"
    "docker-hub"                = "registry-1.docker.io"
    "github-container-registry" = "ghcr.io"
    "gitlab-container-registry" = "registry.gitlab.com"
    "chainguard"                = "cgr.dev"
  }

  # Keyed by ECR repository prefix: one rule per prefix.
  rules = merge(
    { for u in var.upstreams : "${var.prefix}${u}" => {
      upstream                   = u
      upstream_registry_url      = local.upstream_urls[u]
      credential_arn             = lookup(var.credential_arns, u, null)
      custom_role_arn            = null
      upstream_repository_prefix = null
    } },
    { for k, r in var.extra_rules : k => merge(r, { upstream = k }) },
  )
}

resource "scaling_ecr_pull_through_cache_rule" "this" {
  for_each = local.rules

  ecr_repository_prefix      = each.key
  upstream_registry_url      = each.value.upstream_registry_url
  credential_arn             = each.value.credential_arn
  custom_role_arn            = each.value.custom_role_arn
  upstream_repository_prefix = each.value.upstream_repository_prefix
  validate_after_apply       = var.validate_after_apply
}

locals {
  # One policy for the node role: the token statement once, the pull-through
  # actions on every rule's repositories.
  rule_policies = [for r in scaling_ecr_pull_through_cache_rule.this : jsondecode(r.node_iam_policy_json)]
  pull_statements = flatten([for p in local.rule_policies : [
    for s in p.Statement : s if s.Sid == "PullThroughCache"
  ]])
  node_iam_policy = {
    Version = "2012-10-17"
    Statement = concat(
      [{ Sid = "EcrAuthorizationToken", Effect = "Allow", Action = "ecr:GetAuthorizationToken", Resource = "*" }],
      length(local.pull_statements) == 0 ? [] : [{
        Sid      = "PullThroughCache"
        Effect   = "Allow"
        Action   = local.pull_statements[0].Action
        Resource = sort(distinct(flatten([for s in local.pull_statements : s.Resource])))
      }],
    )
  }
}
