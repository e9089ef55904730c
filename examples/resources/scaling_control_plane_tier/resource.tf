# Scale the control plane up before a known peak; set tier back to
# "standard" (or destroy the resource) afterwards.
resource "scaling_control_plane_tier" "peak" {
  cluster_name = "prod"
  tier         = "tier-2xl"

  # Destroy sets the settings below back to their defaults, then the
  # cluster back to standard (the default).
  revert_on_destroy = true

  # Decide sooner: the HPA controller evaluates every 10 s instead of 15 s.
  # This needs a provisioned tier, so it is applied after the upgrade, and
  # set back to 15s before any return to standard.
  kube_controller_manager_config = {
    horizontal_pod_autoscaler_sync_period = "10s"
  }

  # Pack pods onto fewer nodes, so Karpenter consolidation can remove the
  # emptied ones once the peak is over.
  kube_scheduler_config = {
    scoring_strategy = "MostAllocated"
    resource_weights = { cpu = 1, memory = 1 }
  }

  # Shorter event retention limits etcd growth under heavy pod churn.
  kube_api_server_config = {
    event_ttl = "30m"
  }

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
