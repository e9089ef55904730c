locals {
  # The hooks part_warm_pool.tf reads: the stack pins the warm pods to its
  # spot NodePool, tolerating its taints, and a static warm NodePool uses
  # the stack's node class; here the warm pods go where
  # warm_pool.node_pool or warm_pool.node_selector says, with
  # warm_pool.tolerations, and a static NodePool takes the data source's
  # node class unless warm_pool.static_node_pool names one.
  warm_pool_default_node_pool   = null
  warm_pool_default_tolerations = null
  warm_pool_default_node_class  = null
}
