variable "enable_control_plane" {
  description = "Manage the tier (false: this module does nothing, e.g. in environments without a provisioned control plane)."
  type        = bool
  default     = true
  nullable    = false
}

variable "burst_pods" {
  description = "Pods a scale-out burst creates at once. With `burst_seconds` it gives the pod scheduling rate the tier must reach (`burst_pods / burst_seconds`), from which `recommended_tier` is chosen."
  type        = number
  default     = null

  validation {
    condition     = var.burst_pods == null || try(var.burst_pods >= 1 && var.burst_pods <= 1000000 && floor(var.burst_pods) == var.burst_pods, false)
    error_message = "burst_pods must be a whole number of pods from 1 to 1000000 (or null to skip the recommendation)."
  }
}
