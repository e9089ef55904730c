variable "cluster_name" {
  description = "EKS cluster name. Subnets and security groups are found by the tag `karpenter.sh/discovery = <cluster_name>` unless you set the selector tags."
  type        = string

  validation {
    condition     = can(regex("^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$", var.cluster_name))
    error_message = "cluster_name must be an EKS cluster name: 1-100 letters, digits, '-' or '_', starting with a letter or digit."
  }
}

variable "name" {
  description = "Name of the EC2NodeClass and base name of the NodePools (`<name>-spot`, `<name>-on-demand`)."
  type        = string
  default     = "general"
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$", var.name))
    error_message = "name must be a lowercase DNS label of at most 42 characters (room for the -on-demand suffix), e.g. \"general\"."
  }
}

variable "node_role" {
  description = "IAM role name of the nodes (EC2NodeClass `role`). Set this or `instance_profile`."
  type        = string
  default     = null
}

variable "instance_profile" {
  description = "Existing instance profile for the nodes (EC2NodeClass `instanceProfile`), instead of `node_role`."
  type        = string
  default     = null

  validation {
    condition     = (var.node_role == null) != (var.instance_profile == null)
    error_message = "set exactly one of node_role (an IAM role name, e.g. \"KarpenterNodeRole-prod\") and instance_profile: the EC2NodeClass takes one or the other."
  }
}

variable "ami_alias" {
  description = "AMI alias: `al2023@latest`, `bottlerocket@latest`, or a pinned version such as `al2023@v20250505`."
  type        = string
  default     = "al2023@latest"
  nullable    = false

  validation {
    condition     = can(regex("^(al2023|al2|bottlerocket|windows2019|windows2022)@(latest|v[0-9.]+)$", var.ami_alias))
    error_message = "ami_alias must be <family>@<version>, family al2023, al2, bottlerocket, windows2019 or windows2022, version latest or vYYYYMMDD (e.g. \"al2023@latest\")."
  }
}

variable "subnet_tags" {
  description = "Tags that select the node subnets. Null: `karpenter.sh/discovery = <cluster_name>`."
  type        = map(string)
  default     = null
}

variable "security_group_tags" {
  description = "Tags that select the node security groups. Null: `karpenter.sh/discovery = <cluster_name>`."
  type        = map(string)
  default     = null
}

variable "instance_categories" {
  description = "EC2 instance categories to allow (`karpenter.k8s.aws/instance-category`)."
  type        = list(string)
  default     = ["c", "m", "r"]
  nullable    = false

  validation {
    condition     = length(var.instance_categories) > 0
    error_message = "instance_categories needs at least one category, e.g. [\"c\", \"m\", \"r\"]: a wide choice keeps spot available."
  }
}

variable "min_instance_generation" {
  description = "Lowest instance generation allowed (null: the renderer's default)."
  type        = number
  default     = null
}

variable "architectures" {
  description = "CPU architectures: `amd64`, `arm64`."
  type        = list(string)
  default     = ["amd64"]
  nullable    = false

  validation {
    condition     = length(var.architectures) > 0 && alltrue([for a in var.architectures : contains(["amd64", "arm64"], a)])
    error_message = "architectures must list amd64 and/or arm64."
  }
}

variable "zones" {
  description = "Availability zones to launch in (null: every zone of the selected subnets)."
  type        = list(string)
  default     = null
}

variable "cpu_limit" {
  description = "Most vCPUs the pair may run in total (NodePool `limits.cpu`). The on-demand pool may use all of it; the spot pool `spot_share` of it."
  type        = number
  default     = 1000
  nullable    = false

  validation {
    condition     = var.cpu_limit >= 1 && floor(var.cpu_limit) == var.cpu_limit
    error_message = "cpu_limit must be a whole number of vCPUs, 1 or more."
  }
}

variable "spot_share" {
  description = "Share of `cpu_limit` the spot pool may take, 0 to 1. Karpenter tries the spot pool first (higher weight) and falls back to on-demand. 0 leaves the spot pool out."
  type        = number
  default     = 1
  nullable    = false

  validation {
    condition     = var.spot_share >= 0 && var.spot_share <= 1
    error_message = "spot_share must be between 0 and 1 (e.g. 0.7 lets spot hold 70% of cpu_limit)."
  }
}

variable "spot_weight" {
  description = "Weight of the spot pool (1-100; higher is tried first)."
  type        = number
  default     = null
}

variable "on_demand_weight" {
  description = "Weight of the on-demand pool (1-100; must be below the spot weight)."
  type        = number
  default     = null
}

variable "consolidation_policy" {
  description = "`WhenEmptyOrUnderutilized` or `WhenEmpty` (null: the renderer's default)."
  type        = string
  default     = null

  validation {
    condition     = var.consolidation_policy == null || contains(["WhenEmpty", "WhenEmptyOrUnderutilized"], coalesce(var.consolidation_policy, "WhenEmpty"))
    error_message = "consolidation_policy must be WhenEmpty or WhenEmptyOrUnderutilized."
  }
}

variable "consolidate_after" {
  description = "How long a node must be consolidatable before Karpenter acts: a duration such as `1m`, or `Never`."
  type        = string
  default     = null
}

variable "disruption_budgets" {
  description = "Disruption budgets: `nodes` (`10%` or `5`), optional `schedule` (cron, needs `duration`), `reasons` from `Underutilized`, `Empty`, `Drifted`."
  type = list(object({
    nodes    = string
    schedule = optional(string)
    duration = optional(string)
    reasons  = optional(list(string))
  }))
  default = null

  validation {
    condition     = var.disruption_budgets == null || alltrue([for b in coalesce(var.disruption_budgets, []) : (b.schedule == null) == (b.duration == null)])
    error_message = "a disruption budget with a schedule needs a duration (and the other way round), e.g. { nodes = \"0\", schedule = \"0 9 * * mon-fri\", duration = \"8h\" }."
  }
}

variable "expire_after" {
  description = "Node lifetime before replacement, e.g. `720h`, or `Never`."
  type        = string
  default     = null
}

variable "labels" {
  description = "Labels on every node."
  type        = map(string)
  default     = null
}

variable "taints" {
  description = "Taints on every node."
  type = list(object({
    key    = string
    value  = optional(string)
    effect = string
  }))
  default = null
}

variable "max_parallel_image_pulls" {
  description = "Kubelet `maxParallelImagePulls` (parallel pulls make pod start faster on a new node), AL2023 only. Null: the renderer's default."
  type        = number
  default     = null

  validation {
    condition     = var.max_parallel_image_pulls == null || startswith(var.ami_alias, "al2023@")
    error_message = "max_parallel_image_pulls is an AL2023 (nodeadm) setting: leave it null with Bottlerocket or other AMI families."
  }
}

variable "pre_pull_images" {
  description = "Images to pull while the node boots, before pods land on it."
  type        = list(string)
  default     = null
}

variable "tags" {
  description = "Tags on the EC2 instances, volumes and launch templates Karpenter creates."
  type        = map(string)
  default     = null
}

variable "apply" {
  description = "Apply the objects with `kubernetes_manifest` (needs a reachable cluster with the Karpenter CRDs at plan time). False only renders them (outputs `manifests` and `yaml`)."
  type        = bool
  default     = true
  nullable    = false
}
