variable "cluster_name" {
  description = "EKS cluster the stack is for. It must exist; the stack changes its control-plane tier and adds objects to it."
  type        = string

  validation {
    condition     = can(regex("^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$", var.cluster_name))
    error_message = "cluster_name must be an EKS cluster name: 1-100 letters, digits, '-' or '_', starting with a letter or digit."
  }
}

# --- per-part switches -------------------------------------------------------

variable "enable_control_plane" {
  description = "Manage the EKS control-plane tier (module control-plane)."
  type        = bool
  default     = true
  nullable    = false
}

variable "enable_image_cache" {
  description = "Create ECR pull-through cache rules for public registries (module image-cache)."
  type        = bool
  default     = true
  nullable    = false
}

variable "enable_metric_stream" {
  description = "Create a CloudWatch metric stream feeding the scaler (module metric-stream; needs `metric_stream.firehose_arn` and `.role_arn`)."
  type        = bool
  default     = false
  nullable    = false
}

variable "enable_node_pools" {
  description = "Apply an EC2NodeClass and a spot-first/on-demand NodePool pair (module karpenter-node-pools; Karpenter must be installed)."
  type        = bool
  default     = true
  nullable    = false
}

variable "enable_warm_pool" {
  description = "Keep warm capacity for the workload (module warm-pool)."
  type        = bool
  default     = true
  nullable    = false
}

variable "enable_workload_autoscaling" {
  description = "Apply an HPA or KEDA ScaledObject for the workload (module workload-autoscaling)."
  type        = bool
  default     = true
  nullable    = false
}

variable "apply_kubernetes_objects" {
  description = "Apply the Kubernetes objects with `kubernetes_manifest` (needs the cluster at plan time). False only renders them into the outputs."
  type        = bool
  default     = true
  nullable    = false
}

# --- the workload the stack scales -------------------------------------------

variable "workload" {
  description = <<-EOT
    The workload to scale out fast: `name`, `namespace`, `kind` (Deployment), per-pod `cpu` and `memory` requests,
    `baseline_replicas` and `peak_replicas` (the burst is peak - baseline), `image_size_mb`, `image_public` (pulled
    from a public registry: through the cache when enabled), `app_start_seconds`.
  EOT
  type = object({
    name              = string
    namespace         = optional(string, "default")
    kind              = optional(string, "Deployment")
    cpu               = string
    memory            = string
    baseline_replicas = number
    peak_replicas     = number
    image_size_mb     = optional(number, 500)
    image_public      = optional(bool, false)
    app_start_seconds = optional(number)
  })

  validation {
    condition     = var.workload.peak_replicas >= var.workload.baseline_replicas && var.workload.baseline_replicas >= 0
    error_message = "workload.peak_replicas must be at least workload.baseline_replicas (and baseline 0 or more): the burst is peak - baseline."
  }
  validation {
    condition     = can(regex("^[0-9]+(\\.[0-9]+)?m?$", var.workload.cpu)) && can(regex("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$", var.workload.memory))
    error_message = "workload.cpu and workload.memory must be Kubernetes quantities such as \"500m\" and \"512Mi\" (one pod's requests)."
  }
}

variable "burst_seconds" {
  description = "Seconds in which a full burst (peak - baseline pods) must be bound; sets the recommended control-plane tier."
  type        = number
  default     = 10
  nullable    = false

  validation {
    condition     = var.burst_seconds > 0
    error_message = "burst_seconds must be more than 0."
  }
}

variable "target_p95_seconds" {
  description = "Scale-out SLO: p95 seconds from load rising to new pods ready. Sets `latency_summary.meets_slo`."
  type        = number
  default     = null
}

variable "monthly_budget_usd" {
  description = "Budget for the stack's extra cost per month; sets `cost_summary.within_budget`."
  type        = number
  default     = null
}

# --- part settings ------------------------------------------------------------

variable "control_plane" {
  description = "Control-plane settings: `tier` (null: the smallest tier that binds the burst in `burst_seconds`), `tier_hourly_usd`, `revert_on_destroy`, `update_timeout`."
  type = object({
    tier              = optional(string)
    tier_hourly_usd   = optional(number)
    revert_on_destroy = optional(bool, true)
    update_timeout    = optional(string, "30m")
  })
  default  = {}
  nullable = false
}

variable "image_cache" {
  description = "Image cache settings: `upstreams`, `credential_arns`, `prefix` (see module image-cache)."
  type = object({
    upstreams       = optional(list(string), ["ecr-public", "k8s", "quay"])
    credential_arns = optional(map(string), {})
    prefix          = optional(string, "")
  })
  default  = {}
  nullable = false
}

variable "metric_stream" {
  description = "Metric stream settings: `firehose_arn`, `role_arn` (required when enabled), `name`, `output_format`, `include_namespaces`, `percentiles`."
  type = object({
    firehose_arn       = string
    role_arn           = string
    name               = optional(string)
    output_format      = optional(string, "opentelemetry1.0")
    include_namespaces = optional(map(list(string)))
    percentiles        = optional(list(string), [])
  })
  default = null

  validation {
    condition     = !var.enable_metric_stream || var.metric_stream != null
    error_message = "enable_metric_stream = true needs metric_stream = { firehose_arn = \"arn:aws:firehose:...\", role_arn = \"arn:aws:iam::...:role/...\" }."
  }
}

variable "node_pools" {
  description = "Node pool settings: `node_role` or `instance_profile` (one is required when enabled), `name`, `ami_alias`, `instance_categories`, `architectures`, `cpu_limit`, `spot_share`, `max_parallel_image_pulls`, `consolidate_after`."
  type = object({
    node_role                = optional(string)
    instance_profile         = optional(string)
    name                     = optional(string, "general")
    ami_alias                = optional(string, "al2023@latest")
    instance_categories      = optional(list(string), ["c", "m", "r"])
    architectures            = optional(list(string), ["amd64"])
    cpu_limit                = optional(number, 1000)
    spot_share               = optional(number, 1)
    max_parallel_image_pulls = optional(number)
    consolidate_after        = optional(string)
  })
  default  = {}
  nullable = false

  validation {
    condition     = !var.enable_node_pools || (var.node_pools.node_role == null) != (var.node_pools.instance_profile == null)
    error_message = "with enable_node_pools = true set exactly one of node_pools.node_role (an IAM role name) and node_pools.instance_profile."
  }
}

variable "warm_pool" {
  description = "Warm pool settings: `mode`, `safety_factor`, `basis`, `replicas` (fixed size instead), `schedule`, `scaler`, `price_per_pod_hour`."
  type = object({
    mode               = optional(string, "pause_pods")
    safety_factor      = optional(number, 0.15)
    basis              = optional(string, "peak_delta")
    replicas           = optional(number)
    price_per_pod_hour = optional(number)
    scaler             = optional(string, "keda")
    schedule = optional(list(object({
      name      = string
      start     = string
      end       = string
      replicas  = number
      time_zone = optional(string, "UTC")
    })), [])
  })
  default  = {}
  nullable = false
}

variable "autoscaling" {
  description = "Autoscaler settings: `autoscaler` (`hpa` or `keda`), `min_replicas` (default baseline), `max_replicas` (default peak), `cpu_utilization`, `prometheus`, `sqs`, `cron`, `polling_interval`, `scrape_interval_seconds` (how often the metric is sampled, for the latency estimate)."
  type = object({
    autoscaler      = optional(string, "hpa")
    min_replicas    = optional(number)
    max_replicas    = optional(number)
    cpu_utilization = optional(number, 70)
    prometheus = optional(object({
      server_address       = string
      query                = string
      threshold            = string
      activation_threshold = optional(string)
    }))
    sqs = optional(object({
      queue_url    = string
      region       = string
      queue_length = optional(number, 5)
      role_arn     = optional(string)
    }))
    cron = optional(list(object({
      start            = string
      end              = string
      time_zone        = string
      desired_replicas = number
    })), [])
    polling_interval        = optional(number)
    scrape_interval_seconds = optional(number)
  })
  default  = {}
  nullable = false
}
