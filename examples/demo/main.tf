# What `make demo` applies: the fast-scaling stack for one cluster (the
# switches that are off by default stay off: examples/mission-critical
# turns them on), against the AWS emulator that ships in the provider
# binary, and its Kubernetes objects applied to a cluster when one is given.
#
# AWS side (applied): the control-plane tier sized for the burst, ECR
# pull-through cache rules for public registries, a CloudWatch metric stream.
# Kubernetes side (rendered at plan time; applied with
# scaling_kubernetes_objects when kubeconfig_path is set): a Karpenter
# EC2NodeClass, a spot-first/on-demand NodePool pair, a warm pool pinned to
# the spot pool and resized by time of day, and a KEDA ScaledObject for the
# workload. `terraform plan` shows the cost and latency before anything runs.

provider "scaling" {
  region               = var.region
  endpoint_url         = var.endpoint_url
  use_test_credentials = var.use_test_credentials

  # Read at apply time, and only by scaling_kubernetes_objects.
  kubernetes {
    config_path = var.kubeconfig_path
  }
}

module "stack" {
  source = "../../modules/fast-scaling-stack"

  cluster_name = var.cluster_name

  # With a cluster, the stack applies its objects there with
  # scaling_kubernetes_objects (after the CRDs); without, it renders them.
  apply_kubernetes_objects = var.kubeconfig_path != null
  kubernetes_apply         = { depends_on = scaling_kubernetes_objects.crds }

  workload = {
    name              = "checkout"
    namespace         = "shop"
    cpu               = "500m"
    memory            = "512Mi"
    baseline_replicas = 20
    peak_replicas     = 120
    image_size_mb     = 300
    image_public      = true
  }
  create_namespace = true
  # 100 pods bound within a second: the stack recommends the tier that can.
  burst_seconds      = 1
  target_p95_seconds = 150
  monthly_budget_usd = 2000

  control_plane = {
    tier = var.tier
  }

  enable_metric_stream = true
  metric_stream = {
    firehose_arn = var.firehose_arn
    role_arn     = var.metric_stream_role_arn
  }

  node_pools = {
    node_class = {
      role      = var.node_role
      user_data = { max_parallel_image_pulls = 10 }
    }
    spot_share          = 0.8
    instance_categories = ["c", "m"]
    disruption = {
      # No voluntary disruption in business hours, 10% of nodes at a time otherwise.
      budgets = [
        { nodes = "0", schedule = "0 8 * * mon-fri", duration = "10h" },
        { nodes = "10%" },
      ]
    }
  }

  # 15 warm pods around the clock, 30 in business hours.
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

  # KEDA: request rate from Prometheus (scraped every 15s, a 1-minute rate
  # window), and a business-hours floor.
  estimates = { metric_window_seconds = 60 }
  autoscaling = {
    autoscaler              = "keda"
    scrape_interval_seconds = 15
    trigger = [
      {
        type       = "prometheus"
        name       = "requests"
        prometheus = { server_address = "http://prometheus.monitoring:9090", query = "sum(rate(http_requests_total{app=\"checkout\"}[1m]))", threshold = "50" }
      },
      {
        type = "cron"
        name = "business-hours"
        cron = { start = "0 8 * * 1-5", end = "0 18 * * 1-5", time_zone = "UTC", desired_replicas = 40 }
      },
    ]
  }
}

# Karpenter's and KEDA's CRDs, when the cluster lacks them (`make demo`
# finds out): applied and Established in the same run, before the stack's
# objects, and deleted after them on destroy. In a platform repo the
# Karpenter and KEDA Helm releases take this place.
resource "scaling_kubernetes_objects" "crds" {
  count = length(var.crd_files) > 0 ? 1 : 0

  yaml = join("---\n", [for f in var.crd_files : file(f)])
}
