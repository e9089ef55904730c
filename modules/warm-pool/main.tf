locals {
  # The hook part_warm_pool.tf reads: the stack pins the warm pods to its
  # spot NodePool; here they go where warm_pool.node_pool or
  # warm_pool.node_selector says.
  warm_pool_default_node_pool = null
}
