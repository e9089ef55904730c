variable "enable_metric_stream" {
  description = "Create the stream (false: this module does nothing)."
  type        = bool
  default     = true
  nullable    = false
}
