variable "enable_node_pools" {
  description = "Render the objects (false: this module does nothing)."
  type        = bool
  default     = true
  nullable    = false
}

variable "enable_node_readiness" {
  description = "Render Node Readiness Controller rules for the module's NodePools (`node_readiness`) and put their taints on the pools as startup taints (the controller must be installed)."
  type        = bool
  default     = false
  nullable    = false
}

variable "enable_image_prepull" {
  description = "Render a DaemonSet that pre-pulls `image_prepull.images` onto the nodes of the module's NodePools, tolerating their taints."
  type        = bool
  default     = false
  nullable    = false
}

variable "enable_kueue" {
  description = "Batch mode: render Kueue admission (`kueue`): a ResourceFlavor per NodePool, a ClusterQueue with quotas from the pools' limits, LocalQueues in `kueue.local_queue` (Kueue must be installed)."
  type        = bool
  default     = false
  nullable    = false
}
