variable "name" {
  description = "Name of the rendered objects (a DNS label of at most 40 characters)."
  type        = string
  default     = "warm-pool"
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$", var.name))
    error_message = "name must be a lowercase DNS label of at most 40 characters, e.g. \"checkout-warm\"."
  }
}

variable "namespace" {
  description = "Namespace of the namespaced objects (pause Deployment, CronJobs, ScaledObject, CapacityBuffer)."
  type        = string
  default     = "default"
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a lowercase DNS label of at most 63 characters."
  }
}

variable "create_namespace" {
  description = "Create the namespace too (false: it must exist)."
  type        = bool
  default     = false
  nullable    = false
}

variable "mode" {
  description = "`pause_pods` (low-priority pause pods that real pods preempt), `capacity_buffer` (Karpenter CapacityBuffer, feature gate CapacityBuffer) or `static_node_pool` (a NodePool with spec.replicas, feature gate StaticCapacity)."
  type        = string
  default     = "pause_pods"
  nullable    = false

  validation {
    condition     = contains(["pause_pods", "capacity_buffer", "static_node_pool"], var.mode)
    error_message = "mode must be pause_pods, capacity_buffer or static_node_pool."
  }
}

variable "replicas" {
  description = "Warm pods outside every schedule window. Null: sized as `ceil(basis x safety_factor)` from `peak_replicas` and `baseline_replicas`."
  type        = number
  default     = null

  validation {
    condition     = var.replicas != null || var.peak_replicas != null
    error_message = "size the pool: set replicas, or peak_replicas (with baseline_replicas and safety_factor) to size it as ceil((peak - baseline) x safety_factor)."
  }
  validation {
    condition     = var.replicas == null || var.peak_replicas == null
    error_message = "set replicas or peak_replicas, not both: replicas fixes the size, peak_replicas sizes it from the burst."
  }
}

variable "peak_replicas" {
  description = "Replicas the workload runs at its peak (sizing input)."
  type        = number
  default     = null
}

variable "baseline_replicas" {
  description = "Replicas the workload runs at its usual load (sizing input)."
  type        = number
  default     = 0
  nullable    = false

  validation {
    condition     = var.baseline_replicas >= 0 && (var.peak_replicas == null || var.baseline_replicas <= coalesce(var.peak_replicas, 0))
    error_message = "baseline_replicas must be 0 or more and not above peak_replicas."
  }
}

variable "safety_factor" {
  description = "Share of the basis kept warm, in (0, 1], e.g. 0.15 (the guide's figure)."
  type        = number
  default     = 0.15
  nullable    = false

  validation {
    condition     = var.safety_factor > 0 && var.safety_factor <= 1
    error_message = "safety_factor must be in (0, 1], e.g. 0.15 keeps 15% of the burst warm."
  }
}

variable "basis" {
  description = "What `safety_factor` multiplies: `peak_delta` (peak - baseline, the guide's formula) or `peak`."
  type        = string
  default     = "peak_delta"
  nullable    = false

  validation {
    condition     = contains(["peak_delta", "peak"], var.basis)
    error_message = "basis must be peak_delta or peak."
  }
}

variable "cpu" {
  description = "CPU one warm pod requests: what one real workload pod requests, e.g. `500m`."
  type        = string

  validation {
    condition     = can(regex("^[0-9]+(\\.[0-9]+)?m?$", var.cpu))
    error_message = "cpu must be a Kubernetes CPU quantity such as \"500m\" or \"2\" (the request of one real workload pod)."
  }
}

variable "memory" {
  description = "Memory one warm pod requests, e.g. `512Mi`."
  type        = string

  validation {
    condition     = can(regex("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$", var.memory))
    error_message = "memory must be a Kubernetes memory quantity such as \"512Mi\" or \"2Gi\"."
  }
}

variable "node_pool" {
  description = "Karpenter NodePool the warm pods are pinned to, so the capacity they hold is the capacity real pods land on."
  type        = string
  default     = null
}

variable "tolerations" {
  description = "Tolerations for a tainted NodePool."
  type = list(object({
    key      = optional(string)
    operator = optional(string)
    value    = optional(string)
    effect   = optional(string)
  }))
  default = null
}

variable "schedule" {
  description = "Time-of-day windows (mode `pause_pods`): `name`, `start` and `end` (five-field crons), `replicas` while active, `time_zone` (IANA)."
  type = list(object({
    name      = string
    start     = string
    end       = string
    replicas  = number
    time_zone = optional(string, "UTC")
  }))
  default  = []
  nullable = false

  validation {
    condition     = length(var.schedule) == 0 || var.mode == "pause_pods"
    error_message = "schedule windows resize the pause Deployment: use them with mode = \"pause_pods\" only."
  }
  validation {
    condition     = alltrue([for w in var.schedule : length(split(" ", w.start)) == 5 && length(split(" ", w.end)) == 5])
    error_message = "schedule start and end must be five-field crons such as \"0 8 * * 1-5\"."
  }
}

variable "scaler" {
  description = "What applies the schedule: `cronjob` (kubectl CronJobs with RBAC) or `keda` (a ScaledObject with cron triggers; KEDA must be installed)."
  type        = string
  default     = "keda"
  nullable    = false

  validation {
    condition     = contains(["cronjob", "keda"], var.scaler)
    error_message = "scaler must be cronjob or keda."
  }
}

variable "price_per_pod_hour" {
  description = "Price of one warm pod per hour in USD (or use `instance_hourly_price` with `pods_per_instance`). Null: no cost output."
  type        = number
  default     = null
}

variable "instance_hourly_price" {
  description = "Hourly price of the instance the warm pods run on (with `pods_per_instance`)."
  type        = number
  default     = null
}

variable "pods_per_instance" {
  description = "Warm pods one instance holds."
  type        = number
  default     = null
}

variable "capacity_buffer_percentage" {
  description = "Mode `capacity_buffer`: buffer as a percentage of `capacity_buffer_target`'s replicas."
  type        = number
  default     = null
}

variable "capacity_buffer_target" {
  description = "Mode `capacity_buffer`: workload whose pod shape the buffer copies (`kind`, `name`, optional `api_group`). Null: a PodTemplate of the pod shape is rendered."
  type = object({
    kind      = string
    name      = string
    api_group = optional(string)
  })
  default = null
}

variable "static_node_pool" {
  description = "Mode `static_node_pool`: `node_class_name`, `pods_per_node`, `instance_types`, `capacity_type`."
  type = object({
    node_class_name = optional(string)
    pods_per_node   = optional(number)
    instance_types  = optional(list(string))
    capacity_type   = optional(string)
  })
  default = null
}

variable "apply" {
  description = "Apply the objects with `kubernetes_manifest` (needs a reachable cluster at plan time). False only renders them."
  type        = bool
  default     = true
  nullable    = false
}
