# Shared part file: the same file is in modules/workload-autoscaling
# (TestSharedPartFiles keeps the copies equal). It reads var.workload,
# var.enable_circuit_breaker, part_autoscaling.tf (the HPA's CPU target) and
# the hook local.circuit_breaker_seconds_until_ready (the stack's estimate of
# how long new pods take; null where there is none), which each module
# defines.

variable "circuit_breaker" {
  description = <<-EOT
    Circuit breaking while capacity arrives (`scaling_circuit_breaker`, an Istio `networking.istio.io/v1` DestinationRule
    for the workload's service; Istio must be installed): connection-pool limits and outlier detection derived from what
    one pod serves and how long new pods take, so a burst queues and sheds at the proxies instead of piling onto the pods
    already running. `requests_per_second_per_pod` (required) and `service_seconds` or `concurrency_per_pod`;
    `seconds_until_ready` (the stack: its own burst p95, `latency_summary.burst_p95_seconds`, since load rises when
    detection starts; required elsewhere); `host` (default `<workload.name>.<workload.namespace>.svc.cluster.local`),
    `name`, `client_proxies`, `target_utilization` (default the HPA's CPU target), `max_queue_wait_seconds`,
    `retry_share`, `consecutive_5xx_errors`, `warmup_seconds` and `traffic_policy` (YAML or JSON of more
    `spec.trafficPolicy` fields). The namespace is the workload's, the pods serving while new ones start its
    `baseline_replicas`. Null attributes take the data source's default.
  EOT
  type = object({
    name                        = optional(string)
    host                        = optional(string)
    requests_per_second_per_pod = optional(number)
    concurrency_per_pod         = optional(number)
    service_seconds             = optional(number)
    client_proxies              = optional(number)
    seconds_until_ready         = optional(number)
    target_utilization          = optional(number)
    max_queue_wait_seconds      = optional(number)
    retry_share                 = optional(number)
    consecutive_5xx_errors      = optional(number)
    warmup_seconds              = optional(number)
    traffic_policy              = optional(string)
  })
  default  = {}
  nullable = false

  validation {
    condition = !var.enable_circuit_breaker || try(
      var.circuit_breaker.requests_per_second_per_pod > 0 && var.circuit_breaker.requests_per_second_per_pod <= 1000000 &&
    (var.circuit_breaker.service_seconds != null || var.circuit_breaker.concurrency_per_pod != null), false)
    error_message = "circuit_breaker needs what one pod serves: requests_per_second_per_pod (more than 0, at most 1000000, e.g. 50) and service_seconds (one request's typical latency, e.g. 0.2) or concurrency_per_pod (requests one pod holds in flight)."
  }
  validation {
    condition     = !var.enable_circuit_breaker || var.circuit_breaker.seconds_until_ready != null || local.circuit_breaker_seconds_until_ready != null
    error_message = "circuit_breaker.seconds_until_ready is required here (no latency estimate to take it from): how long a new pod takes to be ready, in seconds, e.g. 45 (fast-scaling-stack takes its own estimate)."
  }
  validation {
    condition = alltrue([for v in [
      [var.circuit_breaker.service_seconds, 0, 600], [var.circuit_breaker.seconds_until_ready, 0, 3600], [var.circuit_breaker.target_utilization, 0, 1],
      [var.circuit_breaker.max_queue_wait_seconds, 0, 60], [var.circuit_breaker.retry_share, 0, 1], [var.circuit_breaker.warmup_seconds, 0, 3600],
      ] : v[0] == null ? true : v[0] > v[1] && v[0] <= v[2]]) && alltrue([for v in [
      [var.circuit_breaker.concurrency_per_pod, 1, 1000000], [var.circuit_breaker.client_proxies, 1, 100000], [var.circuit_breaker.consecutive_5xx_errors, 0, 4294967295],
    ] : v[0] == null ? true : v[0] >= v[1] && v[0] <= v[2] && floor(v[0]) == v[0]])
    error_message = "circuit_breaker: service_seconds in (0, 600], seconds_until_ready in (0, 3600], target_utilization, retry_share in (0, 1], max_queue_wait_seconds in (0, 60], warmup_seconds in (0, 3600]; concurrency_per_pod 1-1000000, client_proxies 1-100000 and consecutive_5xx_errors (0 turns ejection off) whole numbers."
  }
  validation {
    condition = (var.circuit_breaker.name == null ? true : can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", var.circuit_breaker.name))) && (
    var.circuit_breaker.host == null ? true : can(regex("^(\\*\\.)?[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", var.circuit_breaker.host)))
    error_message = "circuit_breaker.name is a DNS subdomain (default: the host's first label) and circuit_breaker.host a service host, e.g. \"checkout\", \"checkout.shop.svc.cluster.local\" or \"*.example.com\"."
  }
}

data "scaling_circuit_breaker" "this" {
  count = var.enable_circuit_breaker ? 1 : 0

  name                        = var.circuit_breaker.name
  namespace                   = var.workload.namespace
  host                        = coalesce(var.circuit_breaker.host, "${var.workload.name}.${var.workload.namespace}.svc.cluster.local")
  requests_per_second_per_pod = var.circuit_breaker.requests_per_second_per_pod
  concurrency_per_pod         = var.circuit_breaker.concurrency_per_pod
  service_seconds             = var.circuit_breaker.service_seconds
  ready_replicas              = max(1, var.workload.baseline_replicas)
  client_proxies              = var.circuit_breaker.client_proxies
  seconds_until_ready         = var.circuit_breaker.seconds_until_ready != null ? var.circuit_breaker.seconds_until_ready : local.circuit_breaker_seconds_until_ready
  # The headroom ejections may take: the HPA's CPU target, if it has one
  # (derived here, not in a local: a data source's arguments are evaluated
  # only when it is on, a local in every module instance).
  target_utilization = var.circuit_breaker.target_utilization != null ? var.circuit_breaker.target_utilization : (
    var.enable_workload_autoscaling && !local.autoscaling_keda ? try(one([for m in local.autoscaling_metrics : m.utilization / 100 if m.type == "resource" && m.name == "cpu" && m.utilization != null]), null) : null
  )
  max_queue_wait_seconds = var.circuit_breaker.max_queue_wait_seconds
  retry_share            = var.circuit_breaker.retry_share
  consecutive_5xx_errors = var.circuit_breaker.consecutive_5xx_errors
  warmup_seconds         = var.circuit_breaker.warmup_seconds
  traffic_policy         = var.circuit_breaker.traffic_policy
}

locals {
  circuit_breaker           = try(data.scaling_circuit_breaker.this[0], null)
  circuit_breaker_yaml      = [for d in data.scaling_circuit_breaker.this : d.yaml]
  circuit_breaker_manifests = flatten([for d in data.scaling_circuit_breaker.this : d.manifests])
}
