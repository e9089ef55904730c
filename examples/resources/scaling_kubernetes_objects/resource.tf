# The fast-scaling objects, server-side applied by the provider in the same
# run that creates the cluster and the Karpenter node role: nothing here has
# to exist, or be known, at plan time. The provider's kubernetes block says
# how to reach the cluster (see the provider's documentation).
locals {
  cluster_name = "prod-use1"                   # e.g. aws_eks_cluster.this.name
  node_role    = "KarpenterNodeRole-prod-use1" # e.g. module.karpenter.node_iam_role_name
  discovery    = [{ tags = { "karpenter.sh/discovery" = local.cluster_name } }]
}

data "scaling_karpenter_ec2_node_class" "default" {
  name                          = "default"
  ami_alias                     = "al2023@v20251117"
  role                          = local.node_role
  subnet_selector_terms         = local.discovery
  security_group_selector_terms = local.discovery
}

data "scaling_karpenter_fallback_node_pools" "general" {
  name                = "general"
  node_class_name     = data.scaling_karpenter_ec2_node_class.default.name
  instance_categories = ["c", "m", "r"]
  limits              = { cpu = "1000" }
}

data "scaling_warm_pool" "checkout" {
  name              = "checkout-warm"
  namespace         = "shop"
  baseline_replicas = 20
  peak_replicas     = 120
  safety_factor     = 0.15
  cpu               = "500m"
  memory            = "512Mi"
  node_pool         = data.scaling_karpenter_fallback_node_pools.general.spot_name
}

data "scaling_keda_scaled_object" "checkout" {
  namespace        = "shop"
  scale_target_ref = { name = "checkout" }
  min_replicas     = 2
  max_replicas     = 120
  trigger = [{
    type = "cron"
    name = "business-hours"
    cron = { time_zone = "Europe/Berlin", start = "0 8 * * 1-5", end = "0 18 * * 1-5", desired_replicas = 20 }
  }]
}

resource "scaling_kubernetes_objects" "stack" {
  yaml = join("---\n", concat(
    # Karpenter's and KEDA's CRDs, if this configuration installs them
    # (crds/*.yaml next to it); leave the folder out when their Helm charts
    # do. CRDs are applied first and waited for until Established.
    [for f in sort(fileset(path.module, "crds/*.yaml")) : file("${path.module}/${f}")],
    [
      yamlencode({ apiVersion = "v1", kind = "Namespace", metadata = { name = "shop" } }),
      data.scaling_karpenter_ec2_node_class.default.yaml,
      data.scaling_karpenter_fallback_node_pools.general.yaml,
      data.scaling_warm_pool.checkout.yaml,
      data.scaling_keda_scaled_object.checkout.yaml,
    ],
  ))

  timeouts {
    create = "10m" # CRDs Established, then every object applied
    delete = "15m" # waits until the Namespace is emptied and gone
  }
}

output "applied_objects" {
  value = keys(scaling_kubernetes_objects.stack.objects)
}
