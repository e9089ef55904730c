variable "enable_node_pools" {
  description = "Render the objects (false: this module does nothing)."
  type        = bool
  default     = true
  nullable    = false
}
