variable "enable_workload_autoscaling" {
  description = "Render the autoscaler (false: no HPA or ScaledObject)."
  type        = bool
  default     = true
  nullable    = false
}

variable "enable_circuit_breaker" {
  description = "Render an Istio DestinationRule for the workload's service (`circuit_breaker`; Istio must be installed)."
  type        = bool
  default     = false
  nullable    = false
}
