# The hook the part files read (fast-scaling-stack fills it from its
# latency estimate; this module has none).

locals {
  # How long new pods take to be ready: circuit_breaker.seconds_until_ready
  # (required here).
  circuit_breaker_seconds_until_ready = null
}
