# The stack's objects applied with hashicorp/kubernetes through
# modules/kubernetes-manifest (the option for teams that apply with
# kubernetes_manifest): TestKubernetesManifestModule. Only the renderers run;
# no AWS part is on. Names differ from examples/complete's, so the two tests
# can share one cluster.

terraform {
  required_providers {
    scaling = {
      source = "scalingkit/scaling"
    }
    kubernetes = {
      source = "hashicorp/kubernetes"
    }
  }
}

variable "kubeconfig_path" {
  type = string
}

provider "scaling" {
  region = "us-east-1"
}

provider "kubernetes" {
  config_path = var.kubeconfig_path
}

module "stack" {
  source = "../../modules/fast-scaling-stack"

  cluster_name = "e2e-manifest"
  workload = {
    name = "catalog", namespace = "catalog", cpu = "250m", memory = "256Mi"
    baseline_replicas = 2, peak_replicas = 22
  }
  create_namespace         = true
  apply_kubernetes_objects = false
  enable_control_plane     = false
  enable_image_cache       = false

  node_pools = { name = "catalog", node_class = { role = "KarpenterNodeRole-e2e" }, spot_share = 0.5 }
  warm_pool = {
    schedule = [{ name = "day", start = "0 8 * * *", end = "0 20 * * *", replicas = 6 }]
  }
  autoscaling = { autoscaler = "keda", cron = [{ start = "0 8 * * *", end = "0 20 * * *", time_zone = "UTC", desired_replicas = 10 }] }
}

module "objects" {
  source = "../../modules/kubernetes-manifest"

  manifests = module.stack.manifests
}

output "objects" {
  value = module.objects.objects
}
