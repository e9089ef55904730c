# The plain-HCL alternative to examples/multi-cluster, for `make bench`:
# the same Kubernetes objects per cluster (EC2NodeClass, spot/on-demand
# NodePools, warm-pool PriorityClass + pause Deployment, HPA), written by
# hand as HCL objects and serialised with yamlencode, with no provider.
# bench/plan.sh checks that each cluster's objects equal the example's
# gitops_manifests output. What it lacks is the point of the provider:
# validation with plan-time diagnostics, sizing (15 warm pods is typed in
# here, computed there), the control-plane tiers, image caches and the
# cost and latency estimates.

variable "cluster_count" {
  description = "Clusters in the fleet, spread round-robin over the three regions."
  type        = number
  default     = 28
}

variable "name_prefix" {
  description = "Cluster names are `<name_prefix>-<region>-<nn>`."
  type        = string
  default     = "shop"
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

locals {
  clusters = { for i in range(var.cluster_count) :
    format("%s-%s-%02d", var.name_prefix, var.regions[i % 3].name, floor(i / 3) + 1) => {
      spot_share = var.regions[i % 3].spot_share
    }
  }

  cpu_limit   = 1000
  warm_labels = { "app.kubernetes.io/component" = "warm-pool", "app.kubernetes.io/name" = "checkout-warm" }
  managed     = { "app.kubernetes.io/managed-by" = "terraform-provider-scaling" }

  user_data = <<-EOT
    MIME-Version: 1.0
    Content-Type: multipart/mixed; boundary="BOUNDARY"

    --BOUNDARY
    Content-Type: application/node.eks.aws

    apiVersion: node.eks.aws/v1alpha1
    kind: NodeConfig
    spec:
      kubelet:
        config:
          maxParallelImagePulls: 5
          serializeImagePulls: false

    --BOUNDARY--
  EOT

  requirements = [
    { key = "karpenter.k8s.aws/instance-category", operator = "In", values = ["c", "m", "r"] },
    { key = "karpenter.k8s.aws/instance-generation", operator = "Gt", values = ["4"] },
  ]

  node_pool = { for capacity, weight in { spot = 100, on-demand = 10 } : capacity => {
    apiVersion = "karpenter.sh/v1"
    kind       = "NodePool"
    metadata   = { name = "general-${capacity}" }
    spec = {
      disruption = { consolidateAfter = "1m", consolidationPolicy = "WhenEmptyOrUnderutilized" }
      template = {
        spec = {
          expireAfter  = "720h"
          nodeClassRef = { group = "karpenter.k8s.aws", kind = "EC2NodeClass", name = "general" }
          requirements = concat(local.requirements, [
            { key = "karpenter.sh/capacity-type", operator = "In", values = [capacity] },
            { key = "kubernetes.io/arch", operator = "In", values = ["amd64"] },
          ])
        }
      }
      weight = weight
    }
  } }

  priority_class = {
    apiVersion       = "scheduling.k8s.io/v1"
    description      = "Warm capacity for shop/checkout-warm: pods of this class are preempted by any default-priority pod."
    kind             = "PriorityClass"
    metadata         = { labels = merge(local.warm_labels, local.managed), name = "shop-checkout-warm" }
    preemptionPolicy = "Never"
    value            = -1
  }

  deployment = {
    apiVersion = "apps/v1"
    kind       = "Deployment"
    metadata   = { labels = merge(local.warm_labels, local.managed), name = "checkout-warm", namespace = "shop" }
    spec = {
      replicas = 15 # ceil((120 - 20) x 0.15), worked out by hand
      selector = { matchLabels = local.warm_labels }
      strategy = { type = "Recreate" }
      template = {
        metadata = { labels = merge(local.warm_labels, local.managed) }
        spec = {
          automountServiceAccountToken = false
          containers = [{
            image     = "registry.k8s.io/pause:3.10"
            name      = "pause"
            resources = { requests = { cpu = "500m", memory = "512Mi" } }
          }]
          nodeSelector                  = { "karpenter.sh/nodepool" = "general-spot" }
          priorityClassName             = "shop-checkout-warm"
          terminationGracePeriodSeconds = 0
        }
      }
    }
  }

  scale_policy = { periodSeconds = 15, type = "Percent", value = 100 }
  hpa = {
    apiVersion = "autoscaling/v2"
    kind       = "HorizontalPodAutoscaler"
    metadata   = { labels = merge(local.managed, { "app.kubernetes.io/name" = "checkout" }), name = "checkout", namespace = "shop" }
    spec = {
      behavior = {
        scaleDown = { policies = [local.scale_policy], selectPolicy = "Max", stabilizationWindowSeconds = 300 }
        scaleUp = {
          policies                   = [local.scale_policy, { periodSeconds = 15, type = "Pods", value = 4 }]
          selectPolicy               = "Max"
          stabilizationWindowSeconds = 0
        }
      }
      maxReplicas    = 120
      metrics        = [{ resource = { name = "cpu", target = { averageUtilization = 60, type = "Utilization" } }, type = "Resource" }]
      minReplicas    = 20
      scaleTargetRef = { apiVersion = "apps/v1", kind = "Deployment", name = "checkout" }
    }
  }

  manifests = { for name, c in local.clusters : name => [
    {
      apiVersion = "karpenter.k8s.aws/v1"
      kind       = "EC2NodeClass"
      metadata   = { name = "general" }
      spec = {
        amiSelectorTerms           = [{ alias = "al2023@latest" }]
        metadataOptions            = { httpEndpoint = "enabled", httpProtocolIPv6 = "disabled", httpPutResponseHopLimit = 1, httpTokens = "required" }
        role                       = "KarpenterNodeRole-${name}"
        securityGroupSelectorTerms = [{ tags = { "karpenter.sh/discovery" = name } }]
        subnetSelectorTerms        = [{ tags = { "karpenter.sh/discovery" = name } }]
        userData                   = local.user_data
      }
    },
    merge(local.node_pool.spot, { spec = merge(local.node_pool.spot.spec, { limits = { cpu = tostring(ceil(local.cpu_limit * c.spot_share)) } }) }),
    merge(local.node_pool.on-demand, { spec = merge(local.node_pool.on-demand.spec, { limits = { cpu = tostring(local.cpu_limit) } }) }),
    local.priority_class,
    local.deployment,
    local.hpa,
  ] }
}

output "gitops_manifests" {
  description = "Per cluster, the Kubernetes objects (multi-document YAML)."
  value       = { for k, objs in local.manifests : k => join("---\n", [for o in objs : yamlencode(o)]) }
}
