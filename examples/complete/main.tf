# The fast-scaling stack for one cluster: a control-plane tier sized for
# the burst, ECR pull-through caches, a metric stream for the scaler,
# Karpenter capacity (a spot-first pair and a GPU pool), a warm pool pinned
# to the spot pool, and an HPA. The switches that are off by default
# (readiness rules, image pre-pull, Kueue, circuit breaker, alerts) stay
# off: examples/mission-critical turns them on. Plan shows cost and latency
# before anything runs.
#
# Everything it needs from the platform comes from local.platform, which
# eks.tf fills from terraform-aws-modules/eks and its karpenter submodule
# (existing-cluster/eks.tf instead, for a cluster that exists already).

module "stack" {
  source = "../../modules/fast-scaling-stack"

  cluster_name = local.platform.cluster_name

  workload = {
    name              = "checkout"
    namespace         = var.namespace
    cpu               = "500m"
    memory            = "512Mi"
    baseline_replicas = 20
    peak_replicas     = 120
    image_size_mb     = 300
    image_public      = true
  }
  create_namespace = true

  # The objects are server-side applied at apply time through the scaling
  # provider's kubernetes block (in eks.tf), after what they need.
  kubernetes_apply   = { depends_on = local.platform.kubernetes_ready }
  burst_seconds      = 1
  target_p95_seconds = 90
  monthly_budget_usd = 2500

  enable_metric_stream = true
  metric_stream = {
    firehose_arn = var.firehose_arn
    role_arn     = var.metric_stream_role_arn
  }

  node_pools = {
    node_class = {
      role = local.platform.node_iam_role_name
      # A larger, faster root volume pulls images sooner; the cached images
      # are pulled while the node boots.
      block_device_mappings = [{ device_name = "/dev/xvda", volume_size = "100Gi", volume_type = "gp3", throughput = 250 }]
      user_data             = { max_parallel_image_pulls = 10, pre_pull_images = ["public.ecr.aws/docker/library/nginx:1.27"] }
    }
    spot_share   = 0.8
    expire_after = "720h"
    disruption = {
      consolidation_policy = "WhenEmptyOrUnderutilized"
      # No voluntary disruption in business hours, 10% of nodes at a time otherwise.
      budgets = [
        { nodes = "0", schedule = "0 8 * * mon-fri", duration = "10h" },
        { nodes = "10%" },
      ]
    }
    extra_node_classes = {
      gpu = { block_device_mappings = [{ device_name = "/dev/xvda", volume_size = "200Gi", volume_type = "gp3" }] }
    }
    extra_node_pools = {
      gpu = {
        node_class_name   = "gpu"
        instance_families = ["g6", "g5"]
        capacity_types    = ["on-demand"]
        taints            = [{ key = "nvidia.com/gpu", effect = "NoSchedule" }]
        limits            = { "nvidia.com/gpu" = "8" }
        weight            = 50
      }
    }
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
    behavior = {
      scale_down = { policies = [{ type = "Percent", value = 10, period_seconds = 60 }], stabilization_window_seconds = 300 }
    }
  }
}
