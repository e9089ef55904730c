# Shared part file: the same file is in modules/karpenter-node-pools
# (TestSharedPartFiles keeps the copies equal). It reads var.enable_kueue and
# the hooks local.kueue_pools (the module's NodePool names, in order of
# preference), local.kueue_pool_settings (pool name to its capacity types,
# taints and limits) and local.kueue_default_local_queues, which each module
# defines.

variable "kueue" {
  description = <<-EOT
    Batch mode with Kueue (`scaling_kueue_queues`, `kueue.x-k8s.io/v1beta2`, Kueue v0.17; Kueue must be installed): jobs
    labelled `kueue.x-k8s.io/queue-name: <local queue>` wait in a queue and are admitted within quotas that match the
    module's NodePools, and Karpenter (or Auto Mode) provisions for the admitted pods. A ResourceFlavor per pool of
    `node_pools` (default the spot pool, then the on-demand pool: Kueue tries them in order), with the pool's capacity
    type, taints (as tolerations) and limits (the nominal quota of each resource `quotas` does not set); `quotas` by pool
    name and resource (`nominal`, `borrowing_limit`, `lending_limit`); `flavor`: more flavors of your own, after the
    module's (the data source's attributes). `cluster_queue` (default `batch`), `cohort`, `queueing_strategy`,
    `preemption`, `when_can_borrow`, `when_can_preempt`, `local_queue` (default one in the stack's workload namespace)
    and `provisioning_check` (an AdmissionCheck for cluster-autoscaler's ProvisioningRequest; Karpenter does not serve
    it). Null attributes take the data source's default.
  EOT
  type = object({
    cluster_queue     = optional(string)
    cohort            = optional(string)
    queueing_strategy = optional(string)
    preemption = optional(object({
      reclaim_within_cohort         = optional(string)
      within_cluster_queue          = optional(string)
      borrow_within_cohort          = optional(string)
      borrow_max_priority_threshold = optional(number)
    }))
    when_can_borrow  = optional(string)
    when_can_preempt = optional(string)
    node_pools       = optional(list(string))
    quotas           = optional(map(map(object({ nominal = string, borrowing_limit = optional(string), lending_limit = optional(string) }))), {})
    flavor = optional(list(object({
      name                     = optional(string)
      node_pool                = string
      capacity_type            = optional(string)
      node_pool_capacity_types = optional(list(string))
      node_labels              = optional(map(string))
      taint                    = optional(list(object({ key = string, value = optional(string), effect = string })))
      quota                    = optional(map(object({ nominal = string, borrowing_limit = optional(string), lending_limit = optional(string) })))
      node_pool_limits         = optional(map(string))
    })), [])
    local_queue = optional(list(object({ namespace = string, name = optional(string) })))
    provisioning_check = optional(object({
      name                    = optional(string)
      config_name             = optional(string)
      controller_name         = optional(string)
      api_group               = optional(string)
      provisioning_class_name = optional(string)
      managed_resources       = optional(list(string))
      parameters              = optional(map(string))
      backoff_limit_count     = optional(number)
      backoff_base_seconds    = optional(number)
      backoff_max_seconds     = optional(number)
      on_flavors              = optional(list(string))
    }))
  })
  default  = {}
  nullable = false

  validation {
    condition = alltrue([for n in [var.kueue.cluster_queue, var.kueue.cohort] : n == null ? true : can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", n))]) && (
      contains(["BestEffortFIFO", "StrictFIFO"], coalesce(var.kueue.queueing_strategy, "BestEffortFIFO"))) && (
      contains(["MayStopSearch", "TryNextFlavor"], coalesce(var.kueue.when_can_borrow, "MayStopSearch"))) && (
    contains(["MayStopSearch", "TryNextFlavor"], coalesce(var.kueue.when_can_preempt, "TryNextFlavor")))
    error_message = "kueue.cluster_queue (default batch) and kueue.cohort are lowercase DNS labels; queueing_strategy BestEffortFIFO or StrictFIFO; when_can_borrow and when_can_preempt MayStopSearch or TryNextFlavor."
  }
  validation {
    condition = var.kueue.preemption == null ? true : (
      contains(["Never", "LowerPriority", "Any"], coalesce(var.kueue.preemption.reclaim_within_cohort, "Never")) &&
      contains(["Never", "LowerPriority", "LowerOrNewerEqualPriority"], coalesce(var.kueue.preemption.within_cluster_queue, "Never")) &&
      contains(["Never", "LowerPriority"], coalesce(var.kueue.preemption.borrow_within_cohort, "Never"))
    )
    error_message = "kueue.preemption: reclaim_within_cohort Never, LowerPriority or Any; within_cluster_queue Never, LowerPriority or LowerOrNewerEqualPriority; borrow_within_cohort Never or LowerPriority."
  }
  validation {
    condition = !var.enable_kueue || (
      length(coalesce(var.kueue.node_pools, local.kueue_pools)) + length(var.kueue.flavor) >= 1 &&
      alltrue([for p in coalesce(var.kueue.node_pools, []) : contains(local.kueue_pools, p)]) &&
      length(distinct(coalesce(var.kueue.node_pools, []))) == length(coalesce(var.kueue.node_pools, [])) &&
      alltrue([for p in keys(var.kueue.quotas) : contains(coalesce(var.kueue.node_pools, local.kueue_pools), p)]) &&
      alltrue([for p in coalesce(var.kueue.node_pools, local.kueue_pools) : length(coalesce(try(local.kueue_pool_settings[p].limits, null), {})) > 0 || length(try(var.kueue.quotas[p], {})) > 0])
    )
    error_message = "kueue.node_pools must name pools of this module, once each (default: the spot pool, then the on-demand pool), or kueue.flavor give flavors of your own; kueue.quotas is keyed by those pools, and a pool without limits (an extra_node_pools entry) needs its quotas, e.g. quotas = { gpu = { \"nvidia.com/gpu\" = { nominal = \"8\" } } }."
  }
  validation {
    condition = alltrue(flatten([for q in concat(values(var.kueue.quotas), [for f in var.kueue.flavor : coalesce(f.quota, {})]) : [for r, v in q :
      alltrue([for x in [v.nominal, v.borrowing_limit, v.lending_limit] : x == null ? true : can(regex("^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$", x))])
    ]]))
    error_message = "kueue.quotas (and kueue.flavor[*].quota) map a resource to Kubernetes quantities, e.g. { cpu = { nominal = \"400\", lending_limit = \"100\" }, memory = { nominal = \"1600Gi\" } }."
  }
  validation {
    condition = alltrue([for f in var.kueue.flavor :
      can(regex("^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$", f.node_pool)) && (f.name == null ? true : can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", f.name))) &&
      contains(["spot", "on-demand", "reserved"], coalesce(f.capacity_type, "spot")) &&
      alltrue([for c in coalesce(f.node_pool_capacity_types, []) : contains(["spot", "on-demand", "reserved"], c)]) &&
      alltrue([for t in coalesce(f.taint, []) : contains(["NoSchedule", "PreferNoSchedule", "NoExecute"], t.effect)])
    ])
    error_message = "kueue.flavor: node_pool a NodePool name, name a DNS subdomain, capacity_type and node_pool_capacity_types from spot, on-demand, reserved, taint effects NoSchedule, PreferNoSchedule or NoExecute."
  }
  validation {
    condition = alltrue([for q in coalesce(var.kueue.local_queue, []) :
      can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", q.namespace)) && (q.name == null ? true : can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", q.name)))
    ])
    error_message = "kueue.local_queue: a namespace (lowercase DNS label) and optionally a name (default the ClusterQueue's) per LocalQueue, e.g. [{ namespace = \"ml\" }]."
  }
  validation {
    condition = var.kueue.provisioning_check == null ? true : (
      !strcontains(coalesce(var.kueue.provisioning_check.api_group, "kueue.x-k8s.io"), "/") &&
    coalesce(var.kueue.provisioning_check.controller_name, "kueue.x-k8s.io/provisioning-request") == "kueue.x-k8s.io/provisioning-request")
    error_message = "kueue.provisioning_check: api_group is a group without a version (kueue.x-k8s.io, not kueue.x-k8s.io/v1beta2) and controller_name kueue.x-k8s.io/provisioning-request (both defaults: leave them unset)."
  }
}

data "scaling_kueue_queues" "this" {
  count = var.enable_kueue ? 1 : 0

  cluster_queue     = var.kueue.cluster_queue
  cohort            = var.kueue.cohort
  queueing_strategy = var.kueue.queueing_strategy
  preemption        = var.kueue.preemption
  when_can_borrow   = var.kueue.when_can_borrow
  when_can_preempt  = var.kueue.when_can_preempt
  # A flavor per pool: its capacity type (when it launches one), its taints
  # as tolerations, its limits as the nominal quota of what quotas leaves out.
  # Computed here, not in locals: a data source's arguments are evaluated
  # only when it is on, a local in every module instance.
  flavor = concat(
    [for p in coalesce(var.kueue.node_pools, local.kueue_pools) : {
      name                     = p
      node_pool                = p
      capacity_type            = length(coalesce(local.kueue_pool_settings[p].capacity_types, [])) == 1 ? local.kueue_pool_settings[p].capacity_types[0] : null
      node_pool_capacity_types = local.kueue_pool_settings[p].capacity_types
      node_labels              = null
      taint                    = local.kueue_pool_settings[p].taints == null ? null : [for t in local.kueue_pool_settings[p].taints : { key = t.key, value = t.value, effect = t.effect }]
      quota                    = lookup(var.kueue.quotas, p, null)
      node_pool_limits         = local.kueue_pool_settings[p].limits
    }],
    var.kueue.flavor,
  )
  local_queue        = length(coalesce(var.kueue.local_queue, local.kueue_default_local_queues)) == 0 ? null : coalesce(var.kueue.local_queue, local.kueue_default_local_queues)
  provisioning_check = var.kueue.provisioning_check
}

locals {
  kueue_cluster_queue = one(flatten([for d in data.scaling_kueue_queues.this : [for m in d.manifests : m.metadata.name if m.kind == "ClusterQueue"]]))
  kueue_yaml          = [for d in data.scaling_kueue_queues.this : d.yaml]
  kueue_manifests     = flatten([for d in data.scaling_kueue_queues.this : d.manifests])
}
