variable "cluster_name" {
  description = "Name used in the summary (no cluster is contacted)."
  type        = string
  default     = "prod-use1"
}

variable "baseline_replicas" {
  description = "Replicas at usual load."
  type        = number
  default     = 20
}

variable "peak_replicas" {
  description = "Replicas at peak."
  type        = number
  default     = 120
}

variable "target_p95_seconds" {
  description = "Scale-out SLO (p95 seconds to ready)."
  type        = number
  default     = 60
}

variable "monthly_budget_usd" {
  description = "Budget per cluster and month for the stack's extra cost."
  type        = number
  default     = 1500
}

variable "clusters" {
  description = "Clusters in the fleet, for the fleet cost."
  type        = number
  default     = 28
}

variable "regions" {
  description = "Regions of the fleet."
  type        = number
  default     = 3
}
