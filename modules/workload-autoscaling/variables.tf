variable "workload_name" {
  description = "Name of the workload to scale."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", var.workload_name))
    error_message = "workload_name must be a Kubernetes object name (lowercase letters, digits, '-' and '.')."
  }
}

variable "workload_kind" {
  description = "Kind of the workload: `Deployment`, `StatefulSet` or `ReplicaSet` (group apps/v1)."
  type        = string
  default     = "Deployment"
  nullable    = false

  validation {
    condition     = contains(["Deployment", "StatefulSet", "ReplicaSet"], var.workload_kind)
    error_message = "workload_kind must be Deployment, StatefulSet or ReplicaSet."
  }
}

variable "namespace" {
  description = "Namespace of the workload and its autoscaler."
  type        = string
  default     = "default"
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a lowercase DNS label of at most 63 characters."
  }
}

variable "autoscaler" {
  description = "`hpa` (autoscaling/v2 HorizontalPodAutoscaler on CPU/memory) or `keda` (a KEDA ScaledObject on Prometheus, SQS or cron triggers)."
  type        = string
  default     = "hpa"
  nullable    = false

  validation {
    condition     = contains(["hpa", "keda"], var.autoscaler)
    error_message = "autoscaler must be hpa or keda."
  }
}

variable "min_replicas" {
  description = "Fewest replicas (KEDA: 0 allows scale to zero)."
  type        = number
  default     = 2
  nullable    = false

  validation {
    condition     = var.min_replicas >= 0 && var.min_replicas <= var.max_replicas
    error_message = "min_replicas must be 0 or more and not above max_replicas."
  }
}

variable "max_replicas" {
  description = "Most replicas."
  type        = number

  validation {
    condition     = var.max_replicas >= 1
    error_message = "max_replicas must be 1 or more."
  }
}

variable "scale_up_pods" {
  description = "Pods added per 15 s step when scaling up (the fast-up policy); null: the renderer's default."
  type        = number
  default     = null
}

variable "cpu_utilization" {
  description = "HPA: target average CPU utilization in percent of requests."
  type        = number
  default     = 70

  validation {
    condition     = var.cpu_utilization == null || try(var.cpu_utilization > 0 && var.cpu_utilization <= 100, false)
    error_message = "cpu_utilization must be a percentage in (0, 100], e.g. 70."
  }
}

variable "memory_utilization" {
  description = "HPA: target average memory utilization in percent (null: not used)."
  type        = number
  default     = null
}

variable "prometheus" {
  description = "KEDA: Prometheus trigger (`server_address`, `query`, `threshold`, optional `activation_threshold`)."
  type = object({
    server_address       = string
    query                = string
    threshold            = string
    activation_threshold = optional(string)
  })
  default = null
}

variable "sqs" {
  description = "KEDA: SQS queue trigger (`queue_url`, `region`, `queue_length` per pod, optional `role_arn` for pod identity)."
  type = object({
    queue_url    = string
    region       = string
    queue_length = optional(number, 5)
    role_arn     = optional(string)
  })
  default = null
}

variable "cron" {
  description = "KEDA: cron triggers (`start`, `end`, `time_zone`, `desired_replicas`): predictive scaling ahead of known peaks."
  type = list(object({
    start            = string
    end              = string
    time_zone        = string
    desired_replicas = number
  }))
  default  = []
  nullable = false

  validation {
    condition     = var.autoscaler == "hpa" ? (var.prometheus == null && var.sqs == null && length(var.cron) == 0) : (var.prometheus != null || var.sqs != null || length(var.cron) > 0)
    error_message = "prometheus, sqs and cron are KEDA triggers: with autoscaler = \"keda\" set at least one of them; with autoscaler = \"hpa\" set none (switch to keda to use them)."
  }
}

variable "polling_interval" {
  description = "KEDA: seconds between trigger checks (null: the renderer's default)."
  type        = number
  default     = null
}

variable "cooldown_period" {
  description = "KEDA: seconds after the last active trigger before scaling to min (null: the renderer's default)."
  type        = number
  default     = null
}

variable "apply" {
  description = "Apply the objects with `kubernetes_manifest` (needs a reachable cluster at plan time; KEDA's CRDs for `keda`). False only renders them."
  type        = bool
  default     = true
  nullable    = false

}
