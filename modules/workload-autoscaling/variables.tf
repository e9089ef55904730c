variable "enable_workload_autoscaling" {
  description = "Render the autoscaler (false: this module does nothing)."
  type        = bool
  default     = true
  nullable    = false
}
