# The hooks the part files read (fast-scaling-stack fills them from its
# latency estimate; this module has none).

locals {
  # How long new pods take to be ready: circuit_breaker.seconds_until_ready
  # (required here). The headroom ejections may take: the HPA's CPU target.
  circuit_breaker_seconds_until_ready = null
  circuit_breaker_target_utilization  = var.enable_workload_autoscaling && !local.autoscaling_keda ? try(one([for m in local.autoscaling_metrics : m.utilization / 100 if m.type == "resource" && m.name == "cpu" && m.utilization != null]), null) : null
}
