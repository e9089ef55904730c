# Scale the control plane up before a known peak; set tier back to
# "standard" (or destroy the resource) afterwards.
resource "scaling_control_plane_tier" "peak" {
  cluster_name = "prod"
  tier         = "tier-2xl"

  # Destroy moves the cluster back to standard (the default).
  revert_on_destroy = true

  timeouts {
    create = "45m"
    update = "45m"
    delete = "45m"
  }
}

output "peak_capabilities" {
  value = {
    api_request_concurrency        = scaling_control_plane_tier.peak.api_request_concurrency
    pod_scheduling_rate_per_second = scaling_control_plane_tier.peak.pod_scheduling_rate_per_second
  }
}
