locals {
  discovery = { "karpenter.sh/discovery" = var.cluster_name }
}

data "scaling_karpenter_ec2_node_class" "this" {
  name                          = var.name
  role                          = var.node_role
  instance_profile              = var.instance_profile
  ami_alias                     = var.ami_alias
  subnet_selector_terms         = [{ tags = coalesce(var.subnet_tags, local.discovery) }]
  security_group_selector_terms = [{ tags = coalesce(var.security_group_tags, local.discovery) }]
  tags                          = var.tags

  user_data = var.max_parallel_image_pulls == null && var.pre_pull_images == null ? null : {
    max_parallel_image_pulls = var.max_parallel_image_pulls
    pre_pull_images          = var.pre_pull_images
  }
}

data "scaling_karpenter_fallback_node_pools" "this" {
  name                    = var.name
  node_class_name         = data.scaling_karpenter_ec2_node_class.this.name
  instance_categories     = var.instance_categories
  min_instance_generation = var.min_instance_generation
  architectures           = var.architectures
  zones                   = var.zones
  limits                  = { cpu = tostring(var.cpu_limit) }
  spot_limits             = { cpu = tostring(local.spot_cpu_limit) }
  spot_weight             = var.spot_weight
  on_demand_weight        = var.on_demand_weight
  expire_after            = var.expire_after
  labels                  = var.labels
  taints                  = var.taints

  disruption = var.consolidation_policy == null && var.consolidate_after == null && var.disruption_budgets == null ? null : {
    consolidation_policy = var.consolidation_policy
    consolidate_after    = var.consolidate_after
    budgets              = var.disruption_budgets
  }
}

locals {
  # The on-demand pool (the fallback) may use the whole limit, spot its share.
  spot_cpu_limit = ceil(var.cpu_limit * var.spot_share)

  spot_manifest      = data.scaling_karpenter_fallback_node_pools.this.spot_manifest
  on_demand_manifest = data.scaling_karpenter_fallback_node_pools.this.on_demand_manifest

  with_spot = var.spot_share > 0
  manifests = concat(
    [data.scaling_karpenter_ec2_node_class.this.manifest],
    local.with_spot ? [local.spot_manifest] : [],
    [local.on_demand_manifest],
  )
}

resource "kubernetes_manifest" "node_class" {
  count    = var.apply ? 1 : 0
  manifest = data.scaling_karpenter_ec2_node_class.this.manifest
}

resource "kubernetes_manifest" "spot" {
  count    = var.apply && local.with_spot ? 1 : 0
  manifest = local.spot_manifest

  depends_on = [kubernetes_manifest.node_class]
}

resource "kubernetes_manifest" "on_demand" {
  count    = var.apply ? 1 : 0
  manifest = local.on_demand_manifest

  depends_on = [kubernetes_manifest.node_class]
}
