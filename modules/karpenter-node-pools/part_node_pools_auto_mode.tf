# Shared part file: the same file is in modules/karpenter-node-pools
# (TestSharedPartFiles keeps the copies equal). The node pools part with
# node_pools.mode = "eks_auto_mode": the same spot-first/on-demand pair and
# extra pools as EKS Auto Mode NodePools (group eks.amazonaws.com, kind
# NodeClass, the eks.amazonaws.com/instance-* label keys), on the NodeClass
# of node_pools.auto_node_class, or on Auto Mode's built-in "default" one
# when it has no role. Its settings are in part_node_pools.tf.

locals {
  # Every Auto Mode NodeClass by name: the main one (only with a role: else
  # the pools use the built-in "default"), then the extras (whose role
  # defaults to the main one's).
  node_pools_auto_node_classes = !var.enable_node_pools || !local.node_pools_auto_mode ? {} : merge(
    var.node_pools.auto_node_class.role == null ? {} : { (var.node_pools.name) = var.node_pools.auto_node_class },
    { for k, c in var.node_pools.extra_auto_node_classes : k => merge(c, { role = coalesce(c.role, var.node_pools.auto_node_class.role) }) },
  )
  node_pools_auto_node_class_name = var.node_pools.auto_node_class.role == null ? "default" : var.node_pools.name

  # The pair as two pools of one shape, as scaling_karpenter_fallback_node_pools
  # renders it for Karpenter: capacity type, weight (spot higher: tried
  # first) and limits set per pool.
  node_pools_auto_pair = !var.enable_node_pools || !local.node_pools_auto_mode ? {} : merge(
    !local.node_pools_with_spot ? {} : { (local.node_pools_spot_name) = { capacity_type = "spot", weight = coalesce(var.node_pools.spot_weight, 100), limits = local.node_pools_spot_limits } },
    { (local.node_pools_on_demand_name) = { capacity_type = "on-demand", weight = coalesce(var.node_pools.on_demand_weight, 10), limits = local.node_pools_on_demand_limits } },
  )
}

data "scaling_eks_auto_node_class" "this" {
  for_each = local.node_pools_auto_node_classes

  name                                = each.key
  role                                = each.value.role
  subnet_selector_terms               = coalesce(each.value.subnet_selector_terms, local.node_pools_subnet_terms)
  security_group_selector_terms       = coalesce(each.value.security_group_selector_terms, local.node_pools_security_group_terms)
  pod_subnet_selector_terms           = each.value.pod_subnet_selector_terms
  pod_security_group_selector_terms   = each.value.pod_security_group_selector_terms
  capacity_reservation_selector_terms = each.value.capacity_reservation_selector_terms
  ephemeral_storage                   = each.value.ephemeral_storage
  network_policy                      = each.value.network_policy
  network_policy_event_logs           = each.value.network_policy_event_logs
  snat_policy                         = each.value.snat_policy
  advanced_networking                 = each.value.advanced_networking
  certificate_bundles                 = each.value.certificate_bundles
  tags                                = each.value.tags
}

data "scaling_eks_auto_node_pool" "pair" {
  for_each = local.node_pools_auto_pair

  name            = each.key
  node_class_name = local.node_pools_auto_node_class_name
  # The main NodeClass says whether it selects capacity reservations (the
  # built-in one selects none).
  node_class_selects_capacity_reservations = try(data.scaling_eks_auto_node_class.this[var.node_pools.name].selects_capacity_reservations, false)
  capacity_types                           = [each.value.capacity_type]
  weight                                   = each.value.weight
  limits                                   = each.value.limits
  annotations                              = var.node_pools.annotations
  architectures                            = var.node_pools.architectures
  instance_categories                      = var.node_pools.instance_categories
  instance_families                        = var.node_pools.instance_families
  instance_sizes                           = var.node_pools.instance_sizes
  instance_types                           = var.node_pools.instance_types
  min_instance_generation                  = var.node_pools.min_instance_generation
  zones                                    = var.node_pools.zones
  labels                                   = var.node_pools.labels
  taints                                   = var.node_pools.taints
  startup_taints                           = length(local.node_pools_pair_startup_taints) == 0 ? null : local.node_pools_pair_startup_taints
  requirements                             = var.node_pools.requirements
  expire_after                             = var.node_pools.expire_after
  termination_grace_period                 = var.node_pools.termination_grace_period
  disruption                               = var.node_pools.disruption
}

data "scaling_eks_auto_node_pool" "extra" {
  for_each = var.enable_node_pools && local.node_pools_auto_mode ? var.node_pools.extra_node_pools : {}

  name            = each.key
  node_class_name = coalesce(each.value.node_class_name, local.node_pools_auto_node_class_name)
  # The module's own NodeClasses say whether they select capacity reservations.
  node_class_selects_capacity_reservations = each.value.node_class_selects_capacity_reservations != null ? each.value.node_class_selects_capacity_reservations : try(data.scaling_eks_auto_node_class.this[coalesce(each.value.node_class_name, var.node_pools.name)].selects_capacity_reservations, null)
  weight                                   = each.value.weight
  capacity_types                           = each.value.capacity_types
  annotations                              = each.value.annotations
  architectures                            = each.value.architectures
  instance_categories                      = each.value.instance_categories
  instance_families                        = each.value.instance_families
  instance_sizes                           = each.value.instance_sizes
  instance_types                           = each.value.instance_types
  min_instance_generation                  = each.value.min_instance_generation
  zones                                    = each.value.zones
  labels                                   = each.value.labels
  taints                                   = each.value.taints
  startup_taints                           = length(local.node_pools_extra_startup_taints[each.key]) == 0 ? null : local.node_pools_extra_startup_taints[each.key]
  requirements                             = each.value.requirements
  expire_after                             = each.value.expire_after
  termination_grace_period                 = each.value.termination_grace_period
  disruption                               = each.value.disruption
  limits                                   = each.value.limits
}

locals {
  # NodeClasses before the pools, the pair spot first. For-expressions, not
  # conditionals, which would turn objects into maps.
  node_pools_auto_mode_yaml = concat(
    [for c in data.scaling_eks_auto_node_class.this : c.yaml],
    [for n in compact([local.node_pools_spot_name, local.node_pools_on_demand_name]) : data.scaling_eks_auto_node_pool.pair[n].yaml if local.node_pools_auto_mode],
    [for p in data.scaling_eks_auto_node_pool.extra : p.yaml],
  )
  node_pools_auto_mode_manifests = concat(
    [for c in data.scaling_eks_auto_node_class.this : c.manifest],
    [for n in compact([local.node_pools_spot_name, local.node_pools_on_demand_name]) : data.scaling_eks_auto_node_pool.pair[n].manifest if local.node_pools_auto_mode],
    [for p in data.scaling_eks_auto_node_pool.extra : p.manifest],
  )
}
