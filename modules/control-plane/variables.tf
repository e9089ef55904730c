variable "cluster_name" {
  description = "Name of the existing EKS cluster whose control-plane tier this module sets."
  type        = string

  validation {
    condition     = can(regex("^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$", var.cluster_name))
    error_message = "cluster_name must be an EKS cluster name: 1-100 letters, digits, '-' or '_', starting with a letter or digit (e.g. \"prod-use1\")."
  }
}

variable "tier" {
  description = "Control-plane tier: `standard`, `tier-xl`, `tier-2xl`, `tier-4xl` or `tier-8xl`. Leave null to use `recommended_tier` (from `burst_pods` / `burst_seconds`), or `tier-xl` when no burst is given."
  type        = string
  default     = null

  validation {
    condition     = var.tier == null || contains(["standard", "tier-xl", "tier-2xl", "tier-4xl", "tier-8xl"], coalesce(var.tier, "standard"))
    error_message = "tier must be one of standard, tier-xl, tier-2xl, tier-4xl, tier-8xl (the EKS API's names; there is no \"XL\" or \"provisioned\" value)."
  }
}

variable "burst_pods" {
  description = "Pods a scale-out burst creates at once. With `burst_seconds` it gives the pod scheduling rate the tier must reach (`burst_pods / burst_seconds`), from which `recommended_tier` is chosen."
  type        = number
  default     = null

  validation {
    condition     = var.burst_pods == null || try(var.burst_pods >= 1 && floor(var.burst_pods) == var.burst_pods, false)
    error_message = "burst_pods must be a whole number of pods, 1 or more (or null to skip the recommendation)."
  }
}

variable "burst_seconds" {
  description = "Seconds in which the burst of `burst_pods` must be bound to nodes."
  type        = number
  default     = 10
  nullable    = false

  validation {
    condition     = var.burst_seconds > 0
    error_message = "burst_seconds must be more than 0, e.g. 10."
  }
}

variable "api_request_concurrency" {
  description = "Concurrent API request seats the cluster needs (0 when only the scheduling rate matters). Used for `recommended_tier`."
  type        = number
  default     = 0
  nullable    = false

  validation {
    condition     = var.api_request_concurrency >= 0
    error_message = "api_request_concurrency must be 0 or more."
  }
}

variable "tier_hourly_usd" {
  description = "Your price per hour of the chosen tier, when it differs from the published launch price (required for `tier-8xl`, which has no published price)."
  type        = number
  default     = null

  validation {
    condition     = var.tier_hourly_usd == null || try(var.tier_hourly_usd >= 0, false)
    error_message = "tier_hourly_usd must be 0 or more (USD per hour), or null for the published price."
  }
  validation {
    condition     = var.tier != "tier-8xl" || var.tier_hourly_usd != null
    error_message = "tier-8xl has no published price: set tier_hourly_usd to your price per hour (ask AWS), or choose tier-4xl or below."
  }
}

variable "revert_on_destroy" {
  description = "Put the cluster back on `standard` when this module is destroyed (allowed while etcd holds under 8 GB)."
  type        = bool
  default     = true
  nullable    = false
}

variable "update_timeout" {
  description = "How long to wait for a tier change (they take minutes), as a Go duration, e.g. `30m`."
  type        = string
  default     = "30m"
  nullable    = false

  validation {
    condition     = can(regex("^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$", var.update_timeout))
    error_message = "update_timeout must be a Go duration such as \"30m\" or \"1h\"."
  }
}
