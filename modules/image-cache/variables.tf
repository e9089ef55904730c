variable "enable_image_cache" {
  description = "Create the rules (false: this module does nothing)."
  type        = bool
  default     = true
  nullable    = false
}
