# How the parts fit together in the stack. The part_*.tf files are shared
# with the part modules; the locals here are the hooks each module fills in
# its own way.

locals {
  # The warm pods hold capacity where real pods land first: the spot pool,
  # or the on-demand pool without spot.
  warm_pool_default_node_pool = var.enable_node_pools ? coalesce(local.node_pools_spot_name, local.node_pools_on_demand_name) : null
}
