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

# The repositories ECR creates for cached images get their settings from a
# repository creation template with the rule's prefix; without one they
# keep every image forever.
resource "scaling_ecr_repository_creation_template" "this" {
  for_each = var.repository_template == null ? {} : local.rules

  prefix      = each.key
  applied_for = ["PULL_THROUGH_CACHE"]
  description = "Images cached from ${each.value.upstream_registry_url} (image-cache module)"
  lifecycle_policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Drop untagged images"
        selection    = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = var.repository_template.untagged_expire_days }
        action       = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "Keep the newest images of each repository"
        selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = var.repository_template.keep_images }
        action       = { type = "expire" }
      },
    ]
  })
  custom_role_arn = var.repository_template.custom_role_arn
  resource_tags   = length(var.repository_template.resource_tags) == 0 ? null : var.repository_template.resource_tags
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
