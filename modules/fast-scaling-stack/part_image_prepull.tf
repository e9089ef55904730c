# Shared part file: the same file is in modules/karpenter-node-pools
# (TestSharedPartFiles keeps the copies equal). It reads var.node_pools,
# var.enable_image_prepull and the hooks local.image_prepull_pools (the
# module's NodePool names), local.image_prepull_pool_taints (pool name to
# its taints and startup taints, readiness taints included) and
# local.image_prepull_default_images, which each module defines.

variable "image_prepull" {
  description = <<-EOT
    A DaemonSet that pulls images onto every node of the module's NodePools (`scaling_image_prepull`), for nodes with no
    user data hook (Bottlerocket, EKS Auto Mode) or any other: `images` (1-50, pinned by tag and digest), `node_pools`
    (default every pool of the module, Auto Mode's with `node_pools.mode = "eks_auto_mode"`); the pods tolerate those
    pools' taints and startup taints (readiness taints included) so the pull runs while a new node is held back, plus any
    `taints` given here. `name` (default `<node_pools.name>-prepull`), `namespace` (default `kube-system`), `node_selector`,
    `host_network` (default true), `pause_image`, `helper_image`, `image_pull_secrets`, `priority_class_name`. Null
    attributes take the data source's default.
  EOT
  type = object({
    name                = optional(string)
    namespace           = optional(string)
    images              = optional(list(string))
    node_pools          = optional(list(string))
    node_selector       = optional(map(string))
    taints              = optional(list(object({ key = string, value = optional(string), effect = optional(string) })))
    host_network        = optional(bool)
    pause_image         = optional(string)
    helper_image        = optional(string)
    image_pull_secrets  = optional(list(string))
    priority_class_name = optional(string)
  })
  default  = {}
  nullable = false

  validation {
    condition = !var.enable_image_prepull || try(
      length(coalesce(var.image_prepull.images, local.image_prepull_default_images)) >= 1 && length(coalesce(var.image_prepull.images, local.image_prepull_default_images)) <= 50 &&
    alltrue([for i in coalesce(var.image_prepull.images, local.image_prepull_default_images) : can(regex("^[a-z0-9][^\\s]*$", i))]), false)
    error_message = "image_prepull.images: 1-50 image references to pull onto the nodes, pinned by tag and digest, e.g. [\"123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:v1.4.2@sha256:...\"] (the stack defaults to workload.image)."
  }
  validation {
    condition = (var.image_prepull.name == null ? true : can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.image_prepull.name))) && (
      var.image_prepull.namespace == null ? true : can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.image_prepull.namespace))) && (
    var.image_prepull.priority_class_name == null ? true : can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", var.image_prepull.priority_class_name)))
    error_message = "image_prepull.name (default <node_pools.name>-prepull) and image_prepull.namespace (default kube-system) are lowercase DNS labels of at most 63 characters, priority_class_name a DNS subdomain."
  }
  validation {
    condition = !var.enable_image_prepull || (var.image_prepull.node_pools == null ? true : alltrue([for p in var.image_prepull.node_pools : contains(local.image_prepull_pools, p)]) && (
    length(var.image_prepull.node_pools) >= 1 || length(coalesce(var.image_prepull.node_selector, {})) >= 1))
    error_message = "image_prepull.node_pools must name pools of this module (<node_pools.name>-spot, <node_pools.name>-on-demand, the extra_node_pools keys), or be empty with a node_selector: its DaemonSet tolerates those pools' taints."
  }
  validation {
    condition = alltrue([for t in coalesce(var.image_prepull.taints, []) : can(regex("^([a-z0-9.-]+/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$", t.key)) && (t.effect == null ? true : contains(["NoSchedule", "PreferNoSchedule", "NoExecute"], t.effect))]) && alltrue([
    for s in coalesce(var.image_prepull.image_pull_secrets, []) : can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", s))])
    error_message = "image_prepull.taints are extra taints to tolerate, each a qualified key (e.g. { key = \"nvidia.com/gpu\", effect = \"NoSchedule\" }) with effect NoSchedule, PreferNoSchedule or NoExecute (null: any); image_pull_secrets are Secret names."
  }
}

locals {
  image_prepull_node_pools = coalesce(var.image_prepull.node_pools, local.image_prepull_pools)
  image_prepull_images     = coalesce(var.image_prepull.images, local.image_prepull_default_images)
}

data "scaling_image_prepull" "this" {
  count = var.enable_image_prepull ? 1 : 0

  name          = coalesce(var.image_prepull.name, "${var.node_pools.name}-prepull")
  namespace     = var.image_prepull.namespace
  images        = local.image_prepull_images
  node_pools    = length(local.image_prepull_node_pools) == 0 ? null : local.image_prepull_node_pools
  node_selector = var.image_prepull.node_selector
  # The pools' taints (startup and readiness taints included), then those
  # given here, once each.
  taints = distinct(concat(
    flatten([for p in local.image_prepull_node_pools : [for t in try(local.image_prepull_pool_taints[p], []) : { key = t.key, value = t.value, effect = t.effect }]]),
    [for t in coalesce(var.image_prepull.taints, []) : { key = t.key, value = t.value, effect = t.effect }],
  ))
  host_network        = var.image_prepull.host_network
  pause_image         = var.image_prepull.pause_image
  helper_image        = var.image_prepull.helper_image
  image_pull_secrets  = var.image_prepull.image_pull_secrets
  priority_class_name = var.image_prepull.priority_class_name
}

locals {
  image_prepull_yaml      = [for d in data.scaling_image_prepull.this : d.yaml]
  image_prepull_manifests = [for d in data.scaling_image_prepull.this : d.manifest]
}
