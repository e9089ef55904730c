# Shared part file: the same file is in modules/karpenter-node-pools,
# modules/warm-pool and modules/workload-autoscaling (TestSharedPartFiles
# keeps the copies equal). It reads local.kubernetes_yaml: each module's
# kubernetes.tf lists its rendered objects in apply order.

variable "apply_kubernetes_objects" {
  description = "Apply the rendered objects with `scaling_kubernetes_objects`: server-side apply at apply time through the provider's `kubernetes` block, so the plan needs neither the cluster nor the objects' CRDs (one apply from an empty state works, inputs unknown until apply and Karpenter and KEDA installed in the same run included). False: only render them into the outputs `yaml` and `manifests`, for GitOps (Argo CD, Flux) or `modules/kubernetes-manifest`; the provider then needs no `kubernetes` block."
  type        = bool
  default     = true
  nullable    = false
}

variable "kubernetes_apply" {
  description = "How `scaling_kubernetes_objects` applies the objects (with `apply_kubernetes_objects`): `field_manager`, `force_conflicts` (take over fields another manager changed; the resource's default is true), `timeouts` (`create`, `update`, `delete`, `read`: how long a refresh waits for the API server), and `depends_on`: anything the objects must wait for, e.g. `[helm_release.karpenter, helm_release.keda]` (only the dependency is used, not the value). Null attributes take the resource's defaults."
  type = object({
    field_manager   = optional(string)
    force_conflicts = optional(bool)
    timeouts = optional(object({
      create = optional(string)
      update = optional(string)
      delete = optional(string)
      read   = optional(string)
    }), {})
    depends_on = optional(any)
  })
  default  = {}
  nullable = false

  validation {
    condition     = var.kubernetes_apply.field_manager == null ? true : can(regex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", var.kubernetes_apply.field_manager))
    error_message = "kubernetes_apply.field_manager must be 1-128 letters, digits, '.', '_', ':' or '-' (a server-side apply field manager), e.g. \"platform-terraform\"."
  }
  validation {
    condition     = alltrue([for t in [var.kubernetes_apply.timeouts.create, var.kubernetes_apply.timeouts.update, var.kubernetes_apply.timeouts.delete, var.kubernetes_apply.timeouts.read] : t == null ? true : can(regex("^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$", t))])
    error_message = "kubernetes_apply.timeouts create, update, delete and read are Go durations such as \"5m\" or \"1h\"."
  }
}

# Carries kubernetes_apply.depends_on into a dependency of the objects
# (depends_on itself cannot name a variable). Counted with the objects, not
# with depends_on: a value unknown until apply (helm_release.x.status) may
# be null, so a count on it would fail the plan.
resource "terraform_data" "kubernetes_apply_after" {
  count = var.apply_kubernetes_objects && length(local.kubernetes_yaml) > 0 ? 1 : 0

  input = var.kubernetes_apply.depends_on == null ? null : "ready"
}

resource "scaling_kubernetes_objects" "this" {
  count = var.apply_kubernetes_objects && length(local.kubernetes_yaml) > 0 ? 1 : 0

  yaml            = join("---\n", local.kubernetes_yaml)
  field_manager   = var.kubernetes_apply.field_manager
  force_conflicts = var.kubernetes_apply.force_conflicts

  timeouts {
    create = var.kubernetes_apply.timeouts.create
    update = var.kubernetes_apply.timeouts.update
    delete = var.kubernetes_apply.timeouts.delete
    read   = var.kubernetes_apply.timeouts.read
  }

  depends_on = [terraform_data.kubernetes_apply_after]
}
