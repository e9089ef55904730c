# Shared part file: the same file is in modules/warm-pool
# (TestSharedPartFiles keeps the copies equal). It reads var.workload,
# var.enable_warm_pool and the hooks local.warm_pool_default_node_pool,
# local.warm_pool_default_tolerations (the default pool's taints) and
# local.warm_pool_default_node_class (the node class a static NodePool
# uses: name, group, kind), which each module defines.

variable "warm_pool" {
  description = <<-EOT
    Warm capacity for the workload (`scaling_warm_pool`; the pod shape, namespace and sizing inputs come from
    `workload`): `name` (default `<workload.name>-warm`), `mode` (`pause_pods`, `capacity_buffer`, `static_node_pool`),
    `replicas` (fixed size) or `safety_factor` (default 0.15) and `basis` (`peak_delta` or `peak`), or
    `observed_bursts` (the bursts the workload really had, in pods above its baseline: sets `burst_coverage` and
    `warm_pods_for_coverage`, and without `replicas` sizes the pool to absorb `target_coverage` of them, default 0.9), placement
    (`node_pool`, default the stack's spot pool; `node_selector`; `tolerations`, default the stack pool's taints), time-of-day `schedule` windows and
    their `scaler` (default `keda`; `cronjob`), prices (`price_per_pod_hour`, or `instance_hourly_price` with
    `pods_per_instance` or `instance_cpu`/`instance_memory`), `capacity_buffer` and `static_node_pool` settings (its node
    class defaults to the stack's),
    `priority_class_name`/`priority_class_value`, `image` and `kubectl_image`. Null attributes take the data source's
    default.
  EOT
  type = object({
    name                  = optional(string)
    mode                  = optional(string, "pause_pods")
    replicas              = optional(number)
    safety_factor         = optional(number, 0.15)
    basis                 = optional(string)
    observed_bursts       = optional(list(number))
    target_coverage       = optional(number)
    node_pool             = optional(string)
    node_selector         = optional(map(string))
    tolerations           = optional(list(object({ key = optional(string), operator = optional(string), value = optional(string), effect = optional(string) })))
    schedule              = optional(list(object({ name = string, start = string, end = string, replicas = number, time_zone = optional(string, "UTC") })), [])
    scaler                = optional(string, "keda")
    price_per_pod_hour    = optional(number)
    instance_hourly_price = optional(number)
    pods_per_instance     = optional(number)
    instance_cpu          = optional(string)
    instance_memory       = optional(string)
    capacity_buffer = optional(object({
      percentage   = optional(number)
      limits       = optional(map(string))
      scalable_ref = optional(object({ kind = string, name = string, api_group = optional(string) }))
    }))
    static_node_pool = optional(object({
      node_class_name  = optional(string)
      node_class_group = optional(string)
      node_class_kind  = optional(string)
      pods_per_node    = optional(number)
      instance_types   = optional(list(string))
      capacity_type    = optional(string)
    }))
    priority_class_name  = optional(string)
    priority_class_value = optional(number)
    image                = optional(string)
    kubectl_image        = optional(string)
  })
  default  = {}
  nullable = false

  validation {
    condition     = !var.enable_warm_pool || var.workload.cpu != null || var.workload.memory != null || var.warm_pool.mode == "static_node_pool"
    error_message = "the warm pool needs the pod shape: set workload.cpu and/or workload.memory to what one real workload pod requests (e.g. cpu = \"500m\", memory = \"512Mi\"); a warm pod requesting nothing reserves nothing."
  }
  validation {
    condition     = contains(["pause_pods", "capacity_buffer", "static_node_pool"], var.warm_pool.mode) && (var.warm_pool.name == null || can(regex("^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$", coalesce(var.warm_pool.name, "x"))))
    error_message = "warm_pool.mode must be pause_pods, capacity_buffer or static_node_pool, and warm_pool.name (default <workload.name>-warm) a lowercase DNS label of at most 40 characters."
  }
  validation {
    condition     = (var.warm_pool.replicas == null || try(var.warm_pool.replicas >= 0 && var.warm_pool.replicas <= 1000000 && floor(var.warm_pool.replicas) == var.warm_pool.replicas, false)) && var.warm_pool.safety_factor > 0 && var.warm_pool.safety_factor <= 1 && (var.warm_pool.basis == null || contains(["peak_delta", "peak"], coalesce(var.warm_pool.basis, "peak")))
    error_message = "warm_pool.replicas must be a whole number from 0 to 1000000 (or null to size from the workload), warm_pool.safety_factor in (0, 1] (e.g. 0.15 keeps 15% of the burst warm) and warm_pool.basis peak_delta or peak."
  }
  validation {
    condition = (var.warm_pool.observed_bursts == null ? true : length(var.warm_pool.observed_bursts) <= 10000 && alltrue([for b in var.warm_pool.observed_bursts : try(b >= 0 && b <= 150000 && floor(b) == b, false)])) && (
    var.warm_pool.target_coverage == null ? true : var.warm_pool.observed_bursts != null && var.warm_pool.target_coverage > 0 && var.warm_pool.target_coverage <= 1)
    error_message = "warm_pool.observed_bursts are the bursts the workload really had, in pods above its baseline (e.g. the last 30 daily peaks minus each day's trough): whole numbers from 0 to 150000, at most 10000 of them; warm_pool.target_coverage (only with observed_bursts) is the share of them the pool absorbs completely, in (0, 1], e.g. 0.9."
  }
  validation {
    condition = length(var.warm_pool.schedule) == 0 || (var.warm_pool.mode == "pause_pods" && contains(["cronjob", "keda"], var.warm_pool.scaler) && length(distinct([for w in var.warm_pool.schedule : w.name])) == length(var.warm_pool.schedule) && alltrue([for w in var.warm_pool.schedule :
      can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", w.name)) && length(split(" ", w.start)) == 5 && length(split(" ", w.end)) == 5 && w.replicas >= 1 && w.replicas <= 1000000 && floor(w.replicas) == w.replicas && can(regex("^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$", w.time_zone))
    ]))
    error_message = "warm_pool.schedule windows resize the pause Deployment (mode pause_pods, scaler cronjob or keda): each a unique DNS-label name, start and end five-field crons such as \"0 8 * * 1-5\", replicas a whole number 1 or more, time_zone an IANA zone such as \"Europe/Berlin\"."
  }
  validation {
    condition = alltrue([for p in [var.warm_pool.price_per_pod_hour, var.warm_pool.instance_hourly_price] : p == null || try(p >= 0 && p <= 10000, false)]) && (var.warm_pool.pods_per_instance == null || try(var.warm_pool.pods_per_instance >= 1 && var.warm_pool.pods_per_instance <= 1000, false)) && (
    var.warm_pool.price_per_pod_hour == null || var.warm_pool.instance_hourly_price == null) && alltrue([for q in [var.warm_pool.instance_cpu, var.warm_pool.instance_memory] : q == null || can(regex("^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$", coalesce(q, "x")))])
    error_message = "warm_pool prices: price_per_pod_hour or instance_hourly_price (not both), each 0-10000 USD; pods_per_instance 1-1000; instance_cpu and instance_memory quantities such as \"8\" and \"32Gi\"."
  }
  validation {
    condition = (var.warm_pool.capacity_buffer == null || var.warm_pool.mode == "capacity_buffer") && (var.warm_pool.static_node_pool == null || var.warm_pool.mode == "static_node_pool") && (
      var.warm_pool.capacity_buffer == null ? true : (
        (var.warm_pool.capacity_buffer.percentage == null ? true : var.warm_pool.capacity_buffer.percentage >= 0 && var.warm_pool.capacity_buffer.percentage <= 10000 && var.warm_pool.capacity_buffer.scalable_ref != null) &&
        (var.warm_pool.capacity_buffer.scalable_ref == null ? true : contains(["Deployment", "StatefulSet", "ReplicaSet"], var.warm_pool.capacity_buffer.scalable_ref.kind))
      )) && (
      var.warm_pool.static_node_pool == null ? true : (
        contains(["on-demand", "spot", "reserved"], coalesce(var.warm_pool.static_node_pool.capacity_type, "on-demand")) &&
        (var.warm_pool.static_node_pool.pods_per_node == null ? true : var.warm_pool.static_node_pool.pods_per_node >= 1 && var.warm_pool.static_node_pool.pods_per_node <= 1000)
    ))
    error_message = "warm_pool.capacity_buffer is for mode capacity_buffer (percentage 0-10000 of a scalable_ref's replicas; scalable_ref kind Deployment, StatefulSet or ReplicaSet) and warm_pool.static_node_pool for mode static_node_pool (capacity_type on-demand, spot or reserved; pods_per_node 1-1000)."
  }
  validation {
    condition = alltrue([for t in coalesce(var.warm_pool.tolerations, []) : contains(["Equal", "Exists"], coalesce(t.operator, "Equal")) && (t.effect == null ? true : contains(["NoSchedule", "PreferNoSchedule", "NoExecute"], t.effect)) && (coalesce(t.operator, "Equal") == "Exists" ? t.value == null : t.key != null)]) && (
      var.warm_pool.priority_class_value == null || try(var.warm_pool.priority_class_value < 0 && var.warm_pool.priority_class_value >= -1000000000 && floor(var.warm_pool.priority_class_value) == var.warm_pool.priority_class_value, false)) && (
    var.warm_pool.priority_class_name == null || try(can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", var.warm_pool.priority_class_name)) && !startswith(var.warm_pool.priority_class_name, "system-"), false))
    error_message = "warm_pool.tolerations: operator Equal (with a key) or Exists (no value), effect NoSchedule, PreferNoSchedule or NoExecute (e.g. { key = \"nvidia.com/gpu\", operator = \"Exists\", effect = \"NoSchedule\" }); priority_class_value a negative whole number down to -1000000000 (e.g. -1: every default-priority pod preempts the warm pods); priority_class_name a DNS subdomain not starting with system-."
  }
}

locals {
  warm_pool_name = coalesce(var.warm_pool.name, "${var.workload.name}-warm")
  # Sizing inputs only when neither replicas nor observed_bursts sizes the
  # pool (the data source takes one of the three).
  warm_pool_sized = var.warm_pool.replicas == null && var.warm_pool.observed_bursts == null

  # On the default pool, warm pods tolerate its taints (startup taints are
  # not tolerated: warm pods wait for the node to be ready like real ones).
  warm_pool_on_default_pool = var.warm_pool.node_pool == null && var.warm_pool.node_selector == null
  warm_pool_tolerations = var.warm_pool.tolerations != null || !local.warm_pool_on_default_pool || length(coalesce(local.warm_pool_default_tolerations, [])) == 0 ? var.warm_pool.tolerations : [
    for t in local.warm_pool_default_tolerations : { key = t.key, operator = t.value == null ? "Exists" : "Equal", value = t.value, effect = t.effect }
  ]

  # A static NodePool uses the module's node class unless told otherwise.
  warm_pool_static_node_pool = var.warm_pool.mode != "static_node_pool" ? null : {
    node_class_name  = try(coalesce(try(var.warm_pool.static_node_pool.node_class_name, null), local.warm_pool_default_node_class.name), null)
    node_class_group = try(coalesce(try(var.warm_pool.static_node_pool.node_class_group, null), local.warm_pool_default_node_class.group), null)
    node_class_kind  = try(coalesce(try(var.warm_pool.static_node_pool.node_class_kind, null), local.warm_pool_default_node_class.kind), null)
    pods_per_node    = try(var.warm_pool.static_node_pool.pods_per_node, null)
    instance_types   = try(var.warm_pool.static_node_pool.instance_types, null)
    capacity_type    = try(var.warm_pool.static_node_pool.capacity_type, null)
  }
}

data "scaling_warm_pool" "this" {
  count = var.enable_warm_pool ? 1 : 0

  name      = local.warm_pool_name
  namespace = var.workload.namespace
  mode      = var.warm_pool.mode
  replicas  = var.warm_pool.replicas

  peak_replicas     = local.warm_pool_sized ? var.workload.peak_replicas : null
  baseline_replicas = local.warm_pool_sized ? var.workload.baseline_replicas : null
  safety_factor     = local.warm_pool_sized ? var.warm_pool.safety_factor : null
  basis             = local.warm_pool_sized ? var.warm_pool.basis : null
  observed_bursts   = var.warm_pool.observed_bursts
  target_coverage   = var.warm_pool.target_coverage

  cpu                = var.workload.cpu
  memory             = var.workload.memory
  extended_resources = var.workload.extended_resources
  node_pool          = var.warm_pool.node_pool != null || var.warm_pool.node_selector != null ? var.warm_pool.node_pool : local.warm_pool_default_node_pool
  node_selector      = var.warm_pool.node_selector
  tolerations        = local.warm_pool_tolerations
  schedule           = length(var.warm_pool.schedule) == 0 ? null : var.warm_pool.schedule
  scaler             = length(var.warm_pool.schedule) == 0 ? null : var.warm_pool.scaler

  price_per_pod_hour    = var.warm_pool.price_per_pod_hour
  instance_hourly_price = var.warm_pool.instance_hourly_price
  pods_per_instance     = var.warm_pool.pods_per_instance
  instance_cpu          = var.warm_pool.instance_cpu
  instance_memory       = var.warm_pool.instance_memory

  capacity_buffer  = var.warm_pool.mode != "capacity_buffer" ? null : var.warm_pool.capacity_buffer
  static_node_pool = local.warm_pool_static_node_pool

  priority_class_name  = var.warm_pool.priority_class_name
  priority_class_value = var.warm_pool.priority_class_value
  image                = var.warm_pool.image
  kubectl_image        = var.warm_pool.kubectl_image
}

locals {
  warm_pool = try(data.scaling_warm_pool.this[0], null)
  # For-expressions, not conditionals: a conditional would unify the
  # objects' types and turn them into maps.
  warm_pool_yaml      = [for d in data.scaling_warm_pool.this : d.yaml]
  warm_pool_manifests = flatten([for d in data.scaling_warm_pool.this : d.manifests])
}
