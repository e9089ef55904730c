variable "upstreams" {
  description = "Upstream registries to cache, by short name: `ecr-public` (public.ecr.aws), `k8s` (registry.k8s.io), `quay` (quay.io), `docker-hub` (registry-1.docker.io), `github-container-registry` (ghcr.io), `gitlab-container-registry` (registry.gitlab.com), `chainguard` (cgr.dev). The first three need no credentials."
  type        = list(string)
  default     = ["ecr-public", "k8s", "quay"]
  nullable    = false

  validation {
    condition     = alltrue([for u in var.upstreams : contains(["ecr-public", "k8s", "quay", "docker-hub", "github-container-registry", "gitlab-container-registry", "chainguard"], u)])
    error_message = "upstreams may only hold ecr-public, k8s, quay, docker-hub, github-container-registry, gitlab-container-registry, chainguard; for another registry (ECR, Azure) use extra_rules."
  }
  validation {
    condition     = length(distinct(var.upstreams)) == length(var.upstreams)
    error_message = "upstreams lists a registry twice: keep each name once."
  }
}

variable "credential_arns" {
  description = "Secrets Manager secret ARN per upstream that needs credentials (`docker-hub`, `github-container-registry`, `gitlab-container-registry`). The secret's name must start with `ecr-pullthroughcache/`."
  type        = map(string)
  default     = {}
  nullable    = false

  validation {
    condition     = alltrue([for k, v in var.credential_arns : can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:ecr-pullthroughcache/.+$", v))])
    error_message = "each credential_arns value must be a Secrets Manager secret ARN whose name starts with ecr-pullthroughcache/ (e.g. arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/docker-hub-AbCdEf)."
  }
  validation {
    condition = alltrue([for u in var.upstreams :
    contains(keys(var.credential_arns), u) if contains(["docker-hub", "github-container-registry", "gitlab-container-registry"], u)])
    error_message = "docker-hub, github-container-registry and gitlab-container-registry need credentials: add their secret ARNs to credential_arns (key = the upstream name), or drop them from upstreams."
  }
}

variable "prefix" {
  description = "Prepended to every ECR repository prefix, e.g. `cache-` gives `cache-quay`. Empty keeps the upstream's short name (`quay`, `k8s`, ...)."
  type        = string
  default     = ""
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9._/-]{0,20}$", var.prefix))
    error_message = "prefix must be at most 20 lowercase letters, digits, '.', '_', '-' or '/' (ECR prefixes are 2-30 characters in all)."
  }
}

variable "extra_rules" {
  description = "More rules, keyed by ECR repository prefix: `upstream_registry_url` (required), `credential_arn`, `custom_role_arn` (ECR-to-ECR needs it), `upstream_repository_prefix`."
  type = map(object({
    upstream_registry_url      = string
    credential_arn             = optional(string)
    custom_role_arn            = optional(string)
    upstream_repository_prefix = optional(string)
  }))
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for k, v in var.extra_rules : k == "ROOT" || can(regex("^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$", k)) && length(k) >= 2 && length(k) <= 30])
    error_message = "each extra_rules key is an ECR repository prefix: 2-30 lowercase characters in path form (e.g. \"my-ecr\"), or ROOT."
  }
}

variable "validate_after_apply" {
  description = "Test every rule with ValidatePullThroughCacheRule after apply (reports a bad credential before a node pulls)."
  type        = bool
  default     = true
  nullable    = false
}

variable "repository_template" {
  description = "Settings of the repositories ECR creates for cached images, through one `scaling_ecr_repository_creation_template` per rule: a lifecycle policy that expires untagged images after `untagged_expire_days` and keeps the newest `keep_images` of each repository, so the cache does not grow without limit; `custom_role_arn` and `resource_tags` as on the resource (ECR needs the role to tag). null creates no templates."
  type = object({
    untagged_expire_days = optional(number, 7)
    keep_images          = optional(number, 100)
    custom_role_arn      = optional(string)
    resource_tags        = optional(map(string), {})
  })
  default = {}

  validation {
    condition     = var.repository_template == null || try(floor(var.repository_template.untagged_expire_days) == var.repository_template.untagged_expire_days && var.repository_template.untagged_expire_days >= 1 && var.repository_template.untagged_expire_days <= 3650, false)
    error_message = "repository_template.untagged_expire_days must be a whole number of days between 1 and 3650."
  }
  validation {
    condition     = var.repository_template == null || try(floor(var.repository_template.keep_images) == var.repository_template.keep_images && var.repository_template.keep_images >= 1 && var.repository_template.keep_images <= 10000, false)
    error_message = "repository_template.keep_images must be a whole number between 1 and 10000."
  }
}
