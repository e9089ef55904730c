variable "enable_warm_pool" {
  description = "Render the warm pool (false: this module does nothing)."
  type        = bool
  default     = true
  nullable    = false
}
