# The GitOps stack, for `make bench`: modules/fast-scaling-stack as a team
# that commits the rendered objects to a GitOps repository (Argo CD, Flux)
# uses it: one provider block with nothing in it (rendering and estimates
# call no AWS API), the objects leaving through outputs
# (apply_kubernetes_objects = false), and none of the stack's AWS parts,
# because bench/plain-hcl has none either. Per cluster it renders the same
# objects as bench/plain-hcl (bench/plan.sh checks it) and, unlike plain
# HCL, validates every setting, sizes the warm pool and estimates cost and
# latency for the pull-request comment.

terraform {
  required_providers {
    scaling = { source = "scalingkit/scaling" }
  }
}

variable "cluster_count" {
  description = "Clusters in the fleet, spread round-robin over the three regions."
  type        = number
  default     = 28
}

variable "regions" {
  description = "The fleet's three regions with the share of NodePool vCPUs allowed on spot."
  type = list(object({
    name       = string
    spot_share = number
  }))
  default = [
    { name = "us-east-1", spot_share = 0.8 },
    { name = "eu-west-1", spot_share = 0.6 },
    { name = "ap-southeast-1", spot_share = 0.4 },
  ]
}

# Only offline data sources: no region or credentials needed.
provider "scaling" {}

locals {
  clusters = { for i in range(var.cluster_count) :
    format("shop-%s-%02d", var.regions[i % 3].name, floor(i / 3) + 1) => { spot_share = var.regions[i % 3].spot_share }
  }
}

module "cluster" {
  source   = "../../modules/fast-scaling-stack"
  for_each = local.clusters

  cluster_name = each.key
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

  apply_kubernetes_objects = false
  enable_control_plane     = false
  enable_image_cache       = false
  estimates                = { pull_through_cache = true }

  monthly_budget_usd = 1500
  node_pools         = { node_class = { role = "KarpenterNodeRole-${each.key}" }, spot_share = each.value.spot_share }
  warm_pool          = { price_per_pod_hour = 0.05 }
  autoscaling        = { autoscaler = "hpa", cpu_utilization = 60 }
}

output "gitops_manifests" {
  description = "Per cluster, the Kubernetes objects (multi-document YAML) to commit to its GitOps repository."
  value       = { for k, s in module.cluster : k => s.yaml }
}

output "pr_summary_markdown" {
  description = "Per cluster, the cost and latency summary for the pull-request comment."
  value       = { for k, s in module.cluster : k => s.pr_summary_markdown }
}
