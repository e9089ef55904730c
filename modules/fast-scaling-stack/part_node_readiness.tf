# Shared part file: the same file is in modules/karpenter-node-pools
# (TestSharedPartFiles keeps the copies equal). It reads var.node_pools and
# var.enable_node_readiness, and the hook local.node_readiness_pools (the
# module's NodePool names, known from the settings alone), which each module
# defines. Each rule's taint goes on the pools it gates as a startup taint
# (part_node_pools.tf, through the hook local.node_pools_readiness_taints).

variable "node_readiness" {
  description = <<-EOT
    Node Readiness Controller rules (`scaling_node_readiness_rule`, `readiness.node.x-k8s.io/v1alpha1`; the controller must
    be installed): new nodes of the module's NodePools keep a `readiness.k8s.io/` taint until the components they wait on
    report ready, and that taint is put on the pools as a startup taint, so a rule and its pools cannot drift apart.
    `presets` (`vpc_cni`, `ebs_csi`, `nvidia_device_plugin`) and/or `conditions` (free-form node conditions; one of the two is
    required: each needs a reporter, see the data source's `reporters`), `name` (default `<node_pools.name>-ready`),
    `node_pools` (default every pool of the module; the spot and on-demand pools share their settings: name both or
    neither), `node_selector`, `taint`, `enforcement_mode` (`bootstrap-only` or `continuous`) and `dry_run`.
    `extra_rules` are more rules by name with the same attributes and their own `node_pools` (e.g. a GPU pool waiting on
    the NVIDIA device plugin). Null attributes take the data source's default.
  EOT
  type = object({
    name             = optional(string)
    presets          = optional(list(string))
    conditions       = optional(list(object({ type = string, required_status = optional(string), default_status = optional(string) })))
    taint            = optional(object({ key = optional(string), value = optional(string), effect = optional(string) }))
    node_pools       = optional(list(string))
    node_selector    = optional(map(string))
    enforcement_mode = optional(string)
    dry_run          = optional(bool)
    extra_rules = optional(map(object({
      presets          = optional(list(string))
      conditions       = optional(list(object({ type = string, required_status = optional(string), default_status = optional(string) })))
      taint            = optional(object({ key = optional(string), value = optional(string), effect = optional(string) }))
      node_pools       = list(string)
      node_selector    = optional(map(string))
      enforcement_mode = optional(string)
      dry_run          = optional(bool)
    })), {})
  })
  default  = {}
  nullable = false

  validation {
    condition = !var.enable_node_readiness || alltrue([for r in concat([var.node_readiness], values(var.node_readiness.extra_rules)) :
      length(coalesce(r.presets, [])) + length(coalesce(r.conditions, [])) >= 1 && length(coalesce(r.presets, [])) + length(coalesce(r.conditions, [])) <= 32 &&
      alltrue([for p in coalesce(r.presets, []) : contains(["vpc_cni", "ebs_csi", "nvidia_device_plugin"], p)]) &&
      length(distinct(coalesce(r.presets, []))) == length(coalesce(r.presets, []))
    ])
    error_message = "node_readiness (and each extra_rules entry) needs what the nodes wait on: presets from vpc_cni, ebs_csi, nvidia_device_plugin (each once) and/or conditions, 1-32 in all, e.g. { presets = [\"vpc_cni\"] }. Each condition needs a reporter on the node (the data source's reporters output says which)."
  }
  validation {
    condition = alltrue([for r in concat([var.node_readiness], values(var.node_readiness.extra_rules)) :
      alltrue([for c in coalesce(r.conditions, []) : length(c.type) >= 1 && length(c.type) <= 316 && contains(["True", "False", "Unknown"], coalesce(c.required_status, "True")) && contains(["True", "False", "Unknown"], coalesce(c.default_status, "True"))]) &&
      contains(["bootstrap-only", "continuous"], coalesce(r.enforcement_mode, "bootstrap-only")) &&
      (r.taint == null ? true : (r.taint.key == null ? true : can(regex("^readiness\\.k8s\\.io/[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$", r.taint.key))) && contains(["NoSchedule", "PreferNoSchedule", "NoExecute"], coalesce(r.taint.effect, "NoSchedule")))
    ])
    error_message = "node_readiness (and extra_rules): conditions have a type (1-316 characters, e.g. \"example.com/AgentReady\") and required_status/default_status True, False or Unknown; enforcement_mode bootstrap-only or continuous; taint.key under readiness.k8s.io/ (e.g. \"readiness.k8s.io/cni\"), taint.effect NoSchedule, PreferNoSchedule or NoExecute."
  }
  validation {
    condition = (var.node_readiness.name == null ? true : can(regex("^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$", var.node_readiness.name))) && alltrue([for k in keys(var.node_readiness.extra_rules) :
    can(regex("^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$", k)) && k != coalesce(var.node_readiness.name, "${var.node_pools.name}-ready")])
    error_message = "node_readiness.name (default <node_pools.name>-ready) and the extra_rules keys are rule names, unique: lowercase letters, digits, '-' and '.', at most 63 characters (the taint key is readiness.k8s.io/<name>)."
  }
  validation {
    condition = !var.enable_node_readiness || alltrue([for r in concat([var.node_readiness], values(var.node_readiness.extra_rules)) :
      (length(coalesce(r.node_pools, local.node_readiness_pools)) >= 1 || length(coalesce(r.node_selector, {})) >= 1) &&
      alltrue([for p in coalesce(r.node_pools, []) : contains(local.node_readiness_pools, p)]) &&
      (var.node_pools.spot_share == 0 || contains(coalesce(r.node_pools, []), "${var.node_pools.name}-spot") == contains(coalesce(r.node_pools, []), "${var.node_pools.name}-on-demand"))
    ])
    error_message = "node_readiness.node_pools (and each extra_rules entry's) must name pools of this module (its node_pools: <name>-spot, <name>-on-demand and the extra_node_pools keys), the spot and on-demand pools both or neither (they share one startup-taint setting): the rule's taint goes on exactly the pools it gates. Without pools (enable_node_pools = false) give a node_selector."
  }
}

locals {
  # Every rule by name, each with the pools it gates.
  node_readiness_rules = !var.enable_node_readiness ? {} : merge(
    { (coalesce(var.node_readiness.name, "${var.node_pools.name}-ready")) = {
      presets          = var.node_readiness.presets
      conditions       = var.node_readiness.conditions
      taint            = var.node_readiness.taint
      node_pools       = coalesce(var.node_readiness.node_pools, local.node_readiness_pools)
      node_selector    = var.node_readiness.node_selector
      enforcement_mode = var.node_readiness.enforcement_mode
      dry_run          = var.node_readiness.dry_run
    } },
    var.node_readiness.extra_rules,
  )
}

data "scaling_node_readiness_rule" "this" {
  for_each = local.node_readiness_rules

  name             = each.key
  presets          = each.value.presets
  conditions       = each.value.conditions
  taint            = each.value.taint
  node_pools       = each.value.node_pools
  node_selector    = each.value.node_selector
  enforcement_mode = each.value.enforcement_mode
  dry_run          = each.value.dry_run
}

locals {
  # Pool name to the startup taints of the rules gating it.
  node_readiness_taints_by_pool = { for p in local.node_readiness_pools : p => flatten([
    for k, r in local.node_readiness_rules : data.scaling_node_readiness_rule.this[k].startup_taints if contains(r.node_pools, p)
  ]) }

  node_readiness_yaml      = [for r in data.scaling_node_readiness_rule.this : r.yaml]
  node_readiness_manifests = [for r in data.scaling_node_readiness_rule.this : r.manifest]
}
