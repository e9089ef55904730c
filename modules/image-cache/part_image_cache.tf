# Shared part file: the same file is in modules/image-cache
# (TestSharedPartFiles keeps the copies equal). It reads
# var.enable_image_cache, which each module defines.

variable "image_cache" {
  description = <<-EOT
    ECR pull-through cache rules (`scaling_ecr_pull_through_cache_rule`): `upstreams` by short name (`ecr-public`,
    `k8s`, `quay`, `docker-hub`, `github-container-registry`, `gitlab-container-registry`, `chainguard`; default the
    first three, which need no credentials), `credential_arns` (Secrets Manager ARN per upstream that needs one; the
    secret's name starts with `ecr-pullthroughcache/`), `prefix` (prepended to each ECR repository prefix),
    `extra_rules` keyed by ECR repository prefix (`upstream_registry_url`, `credential_arn`, `custom_role_arn` for
    ECR-to-ECR, `upstream_repository_prefix`), `validate_after_apply` (default true) and `validation_severity`
    (`error`, the resource's default, or `warning`).
  EOT
  type = object({
    upstreams       = optional(list(string), ["ecr-public", "k8s", "quay"])
    credential_arns = optional(map(string), {})
    prefix          = optional(string, "")
    extra_rules = optional(map(object({
      upstream_registry_url      = string
      credential_arn             = optional(string)
      custom_role_arn            = optional(string)
      upstream_repository_prefix = optional(string)
    })), {})
    validate_after_apply = optional(bool, true)
    validation_severity  = optional(string)
  })
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for u in var.image_cache.upstreams : contains(["ecr-public", "k8s", "quay", "docker-hub", "github-container-registry", "gitlab-container-registry", "chainguard"], u)]) && length(distinct(var.image_cache.upstreams)) == length(var.image_cache.upstreams)
    error_message = "image_cache.upstreams may only hold ecr-public, k8s, quay, docker-hub, github-container-registry, gitlab-container-registry, chainguard, each once; for another registry (ECR, Azure) use image_cache.extra_rules."
  }
  validation {
    condition     = alltrue([for k, v in var.image_cache.credential_arns : can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:ecr-pullthroughcache/.+$", v))])
    error_message = "each image_cache.credential_arns value must be a Secrets Manager secret ARN whose name starts with ecr-pullthroughcache/ (e.g. arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/docker-hub-AbCdEf)."
  }
  validation {
    condition = alltrue([for u in var.image_cache.upstreams :
    contains(keys(var.image_cache.credential_arns), u) if contains(["docker-hub", "github-container-registry", "gitlab-container-registry"], u)])
    error_message = "docker-hub, github-container-registry and gitlab-container-registry need credentials: add their secret ARNs to image_cache.credential_arns (key = the upstream name), or drop them from image_cache.upstreams."
  }
  validation {
    condition     = can(regex("^[a-z0-9._/-]{0,20}$", var.image_cache.prefix))
    error_message = "image_cache.prefix must be at most 20 lowercase letters, digits, '.', '_', '-' or '/' (ECR prefixes are 2-30 characters in all)."
  }
  validation {
    condition     = alltrue([for k, v in var.image_cache.extra_rules : (k == "ROOT" || can(regex("^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$", k)) && length(k) >= 2 && length(k) <= 30) && can(regex("^[a-z0-9.-]+(:[0-9]+)?$", v.upstream_registry_url))])
    error_message = "each image_cache.extra_rules key is an ECR repository prefix (2-30 lowercase characters in path form, e.g. \"my-ecr\", or ROOT) and its upstream_registry_url a host name without scheme, e.g. \"123456789012.dkr.ecr.eu-west-1.amazonaws.com\"."
  }
  validation {
    condition = alltrue([for k, v in var.image_cache.extra_rules :
      (v.credential_arn == null || can(regex("^arn:aws[a-z-]*:secretsmanager:", coalesce(v.credential_arn, "x")))) &&
      (v.custom_role_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/", coalesce(v.custom_role_arn, "x"))))
    ])
    error_message = "image_cache.extra_rules: credential_arn must be a Secrets Manager secret ARN and custom_role_arn an IAM role ARN (arn:aws:iam::123456789012:role/...)."
  }
  validation {
    condition     = var.image_cache.validation_severity == null || contains(["error", "warning"], coalesce(var.image_cache.validation_severity, "error"))
    error_message = "image_cache.validation_severity must be error or warning (how a failed ValidatePullThroughCacheRule is reported)."
  }
}

locals {
  image_cache_upstream_urls = {
    "ecr-public"                = "public.ecr.aws"
    "k8s"                       = "registry.k8s.io"
    "quay"                      = "quay.io"
    "docker-hub"                = "registry-1.docker.io"
    "github-container-registry" = "ghcr.io"
    "gitlab-container-registry" = "registry.gitlab.com"
    "chainguard"                = "cgr.dev"
  }

  # Keyed by ECR repository prefix: one rule per prefix.
  image_cache_rules = !var.enable_image_cache ? {} : merge(
    { for u in var.image_cache.upstreams : "${var.image_cache.prefix}${u}" => {
      upstream                   = u
      upstream_registry_url      = local.image_cache_upstream_urls[u]
      credential_arn             = lookup(var.image_cache.credential_arns, u, null)
      custom_role_arn            = null
      upstream_repository_prefix = null
    } },
    { for k, r in var.image_cache.extra_rules : k => merge(r, { upstream = k }) },
  )
}

resource "scaling_ecr_pull_through_cache_rule" "this" {
  for_each = local.image_cache_rules

  ecr_repository_prefix      = each.key
  upstream_registry_url      = each.value.upstream_registry_url
  credential_arn             = each.value.credential_arn
  custom_role_arn            = each.value.custom_role_arn
  upstream_repository_prefix = each.value.upstream_repository_prefix
  validate_after_apply       = var.image_cache.validate_after_apply
  validation_severity        = var.image_cache.validation_severity
}

locals {
  # One policy for the node role: the token statement once, the pull-through
  # actions on every rule's repositories.
  image_cache_pull_statements = flatten([for r in scaling_ecr_pull_through_cache_rule.this : [
    for s in jsondecode(r.node_iam_policy_json).Statement : s if s.Sid == "PullThroughCache"
  ]])
  image_cache_node_iam_policy_json = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [{ Sid = "EcrAuthorizationToken", Effect = "Allow", Action = "ecr:GetAuthorizationToken", Resource = "*" }],
      length(local.image_cache_pull_statements) == 0 ? [] : [{
        Sid      = "PullThroughCache"
        Effect   = "Allow"
        Action   = local.image_cache_pull_statements[0].Action
        Resource = sort(distinct(flatten([for s in local.image_cache_pull_statements : s.Resource])))
      }],
    )
  })
}
