# Shared part file: the same file is in modules/warm-pool and
# modules/workload-autoscaling (TestSharedPartFiles keeps the copies equal).

variable "workload" {
  description = <<-EOT
    The workload to scale out fast: `name`, `namespace` (default `default`), `kind` (`Deployment`, `StatefulSet` or
    `ReplicaSet`) and `api_version` (default `apps/v1`) of the object the autoscaler scales, per-pod `cpu` and `memory`
    requests (the warm pool needs one of them) and `extended_resources` (e.g. `{ "nvidia.com/gpu" = "1" }`: warm pods request what a real pod does),
    `baseline_replicas` and `peak_replicas` (the burst is peak - baseline), `image` (the workload's image reference: what
    the stack's image pre-pull pulls by default, and how the latency estimate knows it is pre-pulled), and for the latency
    estimate `image_size_mb`, `image_public` (pulled from a public registry: through the cache when enabled) and
    `app_start_seconds`.
  EOT
  type = object({
    name               = string
    namespace          = optional(string, "default")
    kind               = optional(string, "Deployment")
    api_version        = optional(string, "apps/v1")
    cpu                = optional(string)
    memory             = optional(string)
    extended_resources = optional(map(string))
    baseline_replicas  = number
    peak_replicas      = number
    image              = optional(string)
    image_size_mb      = optional(number, 500)
    image_public       = optional(bool, false)
    app_start_seconds  = optional(number)
  })

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", var.workload.name)) && can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.workload.namespace))
    error_message = "workload.name must be a Kubernetes object name (lowercase letters, digits, '-' and '.') and workload.namespace a lowercase DNS label of at most 63 characters, e.g. { name = \"checkout\", namespace = \"shop\" }."
  }
  validation {
    condition     = contains(["Deployment", "StatefulSet", "ReplicaSet"], var.workload.kind) || var.workload.api_version != "apps/v1"
    error_message = "workload.kind must be Deployment, StatefulSet or ReplicaSet for api_version apps/v1 (set workload.api_version for another scalable kind, e.g. argoproj.io/v1alpha1 Rollout)."
  }
  validation {
    condition     = can(regex("^([a-z0-9.-]+/)?v[0-9]+((alpha|beta)[0-9]+)?$", var.workload.api_version))
    error_message = "workload.api_version must be an apiVersion such as \"apps/v1\" or \"argoproj.io/v1alpha1\"."
  }
  validation {
    condition     = var.workload.baseline_replicas >= 0 && var.workload.peak_replicas >= var.workload.baseline_replicas && var.workload.peak_replicas <= 1000000 && floor(var.workload.baseline_replicas) == var.workload.baseline_replicas && floor(var.workload.peak_replicas) == var.workload.peak_replicas
    error_message = "workload.baseline_replicas and workload.peak_replicas must be whole numbers with 0 <= baseline <= peak <= 1000000: the burst is peak - baseline."
  }
  validation {
    condition     = (var.workload.cpu == null || can(regex("^[0-9]+(\\.[0-9]+)?m?$", var.workload.cpu))) && (var.workload.memory == null || can(regex("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$", var.workload.memory)))
    error_message = "workload.cpu and workload.memory must be Kubernetes quantities such as \"500m\" and \"512Mi\" (one pod's requests)."
  }
  validation {
    condition     = alltrue([for k, v in coalesce(var.workload.extended_resources, {}) : can(regex("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$", v)) && !can(regex("^0+(\\.0+)?[A-Za-z]*$", v)) && !contains(["cpu", "memory"], k)])
    error_message = "workload.extended_resources maps a resource name (e.g. \"nvidia.com/gpu\", \"hugepages-2Mi\") to a quantity above 0, e.g. { \"nvidia.com/gpu\" = \"1\" }; cpu and memory go in workload.cpu and workload.memory."
  }
  validation {
    condition     = var.workload.image == null ? true : length(var.workload.image) <= 1024 && can(regex("^[a-z0-9][^\\s]*$", var.workload.image))
    error_message = "workload.image is an image reference without spaces, e.g. \"123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:v1.4.2@sha256:...\" (lowercase registry and path)."
  }
  validation {
    condition     = var.workload.image_size_mb > 0 && var.workload.image_size_mb <= 100000 && (var.workload.app_start_seconds == null || try(var.workload.app_start_seconds >= 0 && var.workload.app_start_seconds <= 3600, false))
    error_message = "workload.image_size_mb must be in (0, 100000] (compressed MB, e.g. 300) and workload.app_start_seconds in [0, 3600]."
  }
}

variable "create_namespace" {
  description = "Render the workload's namespace too (a `Namespace` object applied first), for a cluster where it does not exist yet."
  type        = bool
  default     = false
  nullable    = false
}

locals {
  # Pods a scale-out burst creates at once.
  burst_pods = var.workload.peak_replicas - var.workload.baseline_replicas

  workload_namespace_manifests = var.create_namespace ? [{ apiVersion = "v1", kind = "Namespace", metadata = { name = var.workload.namespace } }] : []
  workload_namespace_yaml      = [for m in local.workload_namespace_manifests : "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${m.metadata.name}\n"]
}
