variable "enable_image_cache" {
  description = "Create the rules (false: this module does nothing)."
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
