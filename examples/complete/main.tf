# One cluster, every part of the fast-scaling stack: a control-plane tier
# sized for the burst, ECR pull-through caches, a metric stream for the
# scaler, a spot-first Karpenter NodePool pair, a warm pool pinned to it, and
# an HPA for the workload. Plan shows cost and latency before anything runs.

provider "scaling" {
  region               = var.region
  endpoint_url         = var.endpoint_url
  use_test_credentials = var.use_test_credentials
}

provider "kubernetes" {
  config_path    = var.kubeconfig_path
  config_context = var.kubeconfig_context
}

# The workload's namespace; the stack puts the warm pool and the HPA in it.
resource "kubernetes_namespace_v1" "shop" {
  metadata {
    name = var.namespace
  }
}

module "stack" {
  source = "../../modules/fast-scaling-stack"

  cluster_name = var.cluster_name

  workload = {
    name              = "checkout"
    namespace         = kubernetes_namespace_v1.shop.metadata[0].name
    cpu               = "500m"
    memory            = "512Mi"
    baseline_replicas = 20
    peak_replicas     = 120
    image_size_mb     = 300
    image_public      = true
  }
  burst_seconds      = 1
  target_p95_seconds = 90
  monthly_budget_usd = 2000

  enable_metric_stream = true
  metric_stream = {
    firehose_arn = var.firehose_arn
    role_arn     = var.metric_stream_role_arn
  }

  node_pools = {
    node_role  = var.node_role
    spot_share = 0.8
  }

  # 15 warm pods around the clock, 30 in business hours (a KEDA ScaledObject
  # with a cron trigger resizes the pause Deployment).
  warm_pool = {
    price_per_pod_hour = 0.05
    schedule = [{
      name      = "business-hours"
      start     = "0 8 * * 1-5"
      end       = "0 18 * * 1-5"
      replicas  = 30
      time_zone = "UTC"
    }]
  }

  autoscaling = {
    autoscaler      = "hpa"
    cpu_utilization = 60
  }
}
