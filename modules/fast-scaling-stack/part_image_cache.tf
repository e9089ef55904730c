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
    ECR-to-ECR, `upstream_repository_prefix`), `validate_after_apply` (default true), `validation_severity`
    (`error`, the resource's default, or `warning`) and the rules' `timeouts`. `repository_template` sets up the
    repositories ECR creates for cached images (`scaling_ecr_repository_creation_template`, one per rule; `create = false`
    for none): a lifecycle policy that expires untagged images after `untagged_expire_days` (default 7) and keeps the
    newest `keep_images` (default 100) of each repository so the cache does not grow without limit (or your own
    `lifecycle_policy` JSON), and the template's `custom_role_arn` (ECR needs it to tag), `resource_tags`,
    `image_tag_mutability` with `image_tag_mutability_exclusion_filter`, `encryption_configuration`,
    `repository_policy`, `description`, `timeouts`.
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
    timeouts             = optional(object({ create = optional(string), update = optional(string), delete = optional(string) }), {})
    repository_template = optional(object({
      create                                = optional(bool, true)
      untagged_expire_days                  = optional(number, 7)
      keep_images                           = optional(number, 100)
      lifecycle_policy                      = optional(string)
      description                           = optional(string)
      custom_role_arn                       = optional(string)
      resource_tags                         = optional(map(string))
      image_tag_mutability                  = optional(string)
      image_tag_mutability_exclusion_filter = optional(list(object({ filter = string, filter_type = optional(string) })), [])
      encryption_configuration              = optional(list(object({ encryption_type = optional(string), kms_key = optional(string) })), [])
      repository_policy                     = optional(string)
      timeouts                              = optional(object({ create = optional(string), update = optional(string), delete = optional(string) }), {})
    }), {})
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
    condition     = alltrue([for t in [var.image_cache.timeouts, var.image_cache.repository_template.timeouts] : alltrue([for d in [t.create, t.update, t.delete] : d == null ? true : can(regex("^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$", d))])])
    error_message = "image_cache.timeouts and image_cache.repository_template.timeouts: create, update and delete are durations such as \"30s\" or \"10m\" (at most 24h)."
  }
  validation {
    condition = (
      var.image_cache.repository_template.untagged_expire_days >= 1 && var.image_cache.repository_template.untagged_expire_days <= 3650 && floor(var.image_cache.repository_template.untagged_expire_days) == var.image_cache.repository_template.untagged_expire_days &&
      var.image_cache.repository_template.keep_images >= 1 && var.image_cache.repository_template.keep_images <= 10000 && floor(var.image_cache.repository_template.keep_images) == var.image_cache.repository_template.keep_images
    )
    error_message = "image_cache.repository_template.untagged_expire_days must be a whole number of days from 1 to 3650 and keep_images a whole number from 1 to 10000."
  }
  validation {
    condition = (
      (var.image_cache.repository_template.lifecycle_policy == null ? true : can(jsondecode(var.image_cache.repository_template.lifecycle_policy))) &&
      (var.image_cache.repository_template.repository_policy == null ? true : can(jsondecode(var.image_cache.repository_template.repository_policy))) &&
      (var.image_cache.repository_template.custom_role_arn == null ? true : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/", var.image_cache.repository_template.custom_role_arn))) &&
      contains(["MUTABLE", "IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION", "MUTABLE_WITH_EXCLUSION"], coalesce(var.image_cache.repository_template.image_tag_mutability, "MUTABLE")) &&
      alltrue([for e in var.image_cache.repository_template.encryption_configuration : contains(["AES256", "KMS", "KMS_DSSE"], coalesce(e.encryption_type, "AES256"))]) &&
      length(var.image_cache.repository_template.encryption_configuration) <= 1
    )
    error_message = "image_cache.repository_template: lifecycle_policy and repository_policy are JSON documents (jsonencode them), custom_role_arn an IAM role ARN, image_tag_mutability MUTABLE, IMMUTABLE, IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION, at most one encryption_configuration with encryption_type AES256, KMS or KMS_DSSE."
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

  timeouts {
    create = var.image_cache.timeouts.create
    update = var.image_cache.timeouts.update
    delete = var.image_cache.timeouts.delete
  }
}

# The repositories ECR creates for cached images get their settings from a
# repository creation template with the rule's prefix; without one they
# keep every image forever.
resource "scaling_ecr_repository_creation_template" "this" {
  for_each = var.image_cache.repository_template.create ? local.image_cache_rules : {}

  prefix      = each.key
  applied_for = ["PULL_THROUGH_CACHE"]
  description = coalesce(var.image_cache.repository_template.description, "Images cached from ${each.value.upstream_registry_url} (image-cache)")
  lifecycle_policy = coalesce(var.image_cache.repository_template.lifecycle_policy, jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Drop untagged images"
        selection    = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = var.image_cache.repository_template.untagged_expire_days }
        action       = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "Keep the newest images of each repository"
        selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = var.image_cache.repository_template.keep_images }
        action       = { type = "expire" }
      },
    ]
  }))
  custom_role_arn      = var.image_cache.repository_template.custom_role_arn
  resource_tags        = var.image_cache.repository_template.resource_tags
  image_tag_mutability = var.image_cache.repository_template.image_tag_mutability
  repository_policy    = var.image_cache.repository_template.repository_policy

  dynamic "image_tag_mutability_exclusion_filter" {
    for_each = var.image_cache.repository_template.image_tag_mutability_exclusion_filter
    content {
      filter      = image_tag_mutability_exclusion_filter.value.filter
      filter_type = image_tag_mutability_exclusion_filter.value.filter_type
    }
  }

  dynamic "encryption_configuration" {
    for_each = var.image_cache.repository_template.encryption_configuration
    content {
      encryption_type = encryption_configuration.value.encryption_type
      kms_key         = encryption_configuration.value.kms_key
    }
  }

  timeouts {
    create = var.image_cache.repository_template.timeouts.create
    update = var.image_cache.repository_template.timeouts.update
    delete = var.image_cache.repository_template.timeouts.delete
  }
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
