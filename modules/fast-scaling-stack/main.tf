locals {
  burst_pods = var.workload.peak_replicas - var.workload.baseline_replicas
  spot       = var.node_pools.spot_share > 0
}

module "control_plane" {
  source = "../control-plane"
  count  = var.enable_control_plane ? 1 : 0

  cluster_name      = var.cluster_name
  tier              = var.control_plane.tier
  burst_pods        = local.burst_pods > 0 ? local.burst_pods : null
  burst_seconds     = var.burst_seconds
  tier_hourly_usd   = var.control_plane.tier_hourly_usd
  revert_on_destroy = var.control_plane.revert_on_destroy
  update_timeout    = var.control_plane.update_timeout
}

module "image_cache" {
  source = "../image-cache"
  count  = var.enable_image_cache ? 1 : 0

  upstreams       = var.image_cache.upstreams
  credential_arns = var.image_cache.credential_arns
  prefix          = var.image_cache.prefix
}

module "metric_stream" {
  source = "../metric-stream"
  count  = var.enable_metric_stream ? 1 : 0

  name               = coalesce(try(var.metric_stream.name, null), "${var.cluster_name}-scaling")
  firehose_arn       = var.metric_stream.firehose_arn
  role_arn           = var.metric_stream.role_arn
  output_format      = var.metric_stream.output_format
  include_namespaces = var.metric_stream.include_namespaces
  percentiles        = var.metric_stream.percentiles
}

module "node_pools" {
  source = "../karpenter-node-pools"
  count  = var.enable_node_pools ? 1 : 0

  cluster_name             = var.cluster_name
  name                     = var.node_pools.name
  node_role                = var.node_pools.node_role
  instance_profile         = var.node_pools.instance_profile
  ami_alias                = var.node_pools.ami_alias
  instance_categories      = var.node_pools.instance_categories
  architectures            = var.node_pools.architectures
  cpu_limit                = var.node_pools.cpu_limit
  spot_share               = var.node_pools.spot_share
  max_parallel_image_pulls = var.node_pools.max_parallel_image_pulls
  consolidate_after        = var.node_pools.consolidate_after
  apply                    = var.apply_kubernetes_objects
}

module "warm_pool" {
  source = "../warm-pool"
  count  = var.enable_warm_pool ? 1 : 0

  name      = "${var.workload.name}-warm"
  namespace = var.workload.namespace
  mode      = var.warm_pool.mode
  cpu       = var.workload.cpu
  memory    = var.workload.memory
  # Pinned to the pool real pods land on first, so the warm capacity is theirs.
  node_pool          = var.enable_node_pools ? coalesce(module.node_pools[0].spot_node_pool_name, module.node_pools[0].on_demand_node_pool_name) : null
  replicas           = var.warm_pool.replicas
  peak_replicas      = var.warm_pool.replicas == null ? var.workload.peak_replicas : null
  baseline_replicas  = var.workload.baseline_replicas
  safety_factor      = var.warm_pool.safety_factor
  basis              = var.warm_pool.basis
  schedule           = var.warm_pool.schedule
  scaler             = var.warm_pool.scaler
  price_per_pod_hour = var.warm_pool.price_per_pod_hour
  apply              = var.apply_kubernetes_objects
}

module "workload_autoscaling" {
  source = "../workload-autoscaling"
  count  = var.enable_workload_autoscaling ? 1 : 0

  workload_name    = var.workload.name
  workload_kind    = var.workload.kind
  namespace        = var.workload.namespace
  autoscaler       = var.autoscaling.autoscaler
  min_replicas     = coalesce(var.autoscaling.min_replicas, var.autoscaling.autoscaler == "hpa" ? max(1, var.workload.baseline_replicas) : var.workload.baseline_replicas)
  max_replicas     = coalesce(var.autoscaling.max_replicas, max(1, var.workload.peak_replicas))
  cpu_utilization  = var.autoscaling.autoscaler == "hpa" ? var.autoscaling.cpu_utilization : null
  prometheus       = var.autoscaling.prometheus
  sqs              = var.autoscaling.sqs
  cron             = var.autoscaling.cron
  polling_interval = var.autoscaling.polling_interval
  apply            = var.apply_kubernetes_objects
}
