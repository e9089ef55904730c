# Mission-critical checkout on the fast-scaling stack, every newer switch
# on: new nodes stay tainted until the VPC CNI and the EBS CSI driver report
# ready (the taint is put on the pools for you), the checkout image is pulled
# onto them while they wait, warm pause pods keep room for the burst, an
# Istio DestinationRule keeps the burst off the running pods until new ones
# are ready, the scale-out KPIs alert (their CloudWatch alarms are priced)
# and batch jobs queue in Kueue for the same pools. Nothing here calls AWS
# or a cluster: the objects are only rendered (apply_kubernetes_objects =
# false); set it to true with the provider's kubernetes block to apply them
# in the same run.

provider "scaling" {
  region = "us-east-1"
}

module "stack" {
  source = "../../modules/fast-scaling-stack"

  cluster_name             = var.cluster_name
  enable_control_plane     = false
  enable_image_cache       = false
  apply_kubernetes_objects = false

  workload = {
    name              = "checkout"
    namespace         = "shop"
    cpu               = "500m"
    memory            = "512Mi"
    baseline_replicas = 20
    peak_replicas     = 120
    image             = var.checkout_image
    image_size_mb     = 300
  }
  target_p95_seconds = 120

  # Self-managed Karpenter, or EKS Auto Mode with its own NodeClass (Auto
  # Mode has no AMI or user data: its nodes run Bottlerocket).
  node_pools = {
    mode = var.auto_mode ? "eks_auto_mode" : "karpenter"
    node_class = {
      role      = var.auto_mode ? null : "KarpenterNodeRole-${var.cluster_name}"
      ami_alias = var.auto_mode ? null : "bottlerocket@latest"
    }
    auto_node_class = {
      role              = var.auto_mode ? "AmazonEKSAutoNodeRole" : null
      ephemeral_storage = var.auto_mode ? { size = "160Gi", throughput = 500 } : null
    }
    spot_share = 0.7
  }
  warm_pool   = { price_per_pod_hour = 0.05 }
  autoscaling = { cpu_utilization = 60 }

  # Readiness gate on both pools; its taint becomes their startup taint.
  enable_node_readiness = true
  node_readiness        = { presets = ["vpc_cni", "ebs_csi"] }

  # The workload's image on every node of the pools (no user data needed).
  enable_image_prepull = true

  # Queue and protect while capacity arrives.
  enable_circuit_breaker = true
  circuit_breaker        = { requests_per_second_per_pod = 50, service_seconds = 0.2 }

  # The scale-out KPIs, against the 120 s target.
  enable_alerts = true
  alerts        = { labels = { release = "kube-prometheus-stack" } }

  # Batch mode: jobs labelled kueue.x-k8s.io/queue-name=batch in shop.
  enable_kueue = true
}
