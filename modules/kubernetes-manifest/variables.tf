variable "manifests" {
  description = "Kubernetes objects to apply, in apply order: the `manifests` output of `fast-scaling-stack` or of a part module (a list of objects with `apiVersion`, `kind`, `metadata.name`). Their kinds and names must be known at plan time, and so must the CRDs of their kinds on the cluster (a limit of `kubernetes_manifest`)."
  type        = any

  validation {
    condition     = can([for m in var.manifests : "${m.kind}/${m.metadata.name}"]) && alltrue([for m in var.manifests : can(m.apiVersion)])
    error_message = "manifests must be a list of Kubernetes objects, each with apiVersion, kind and metadata.name, e.g. module.stack.manifests."
  }
}

variable "computed_fields" {
  description = "Fields the API server or a controller may change, by object key (`kind/namespace/name`, cluster-scoped objects with an empty namespace), for `kubernetes_manifest`'s `computed_fields`. Deployments and StatefulSets that leave out `spec.replicas` (their size belongs to an autoscaler or a schedule) get `spec.replicas` without being listed."
  type        = map(list(string))
  default     = {}
  nullable    = false
}

variable "field_manager" {
  description = "Field manager of the server-side applies (`name`, default `Terraform`) and whether to take over fields another manager owns (`force_conflicts`, default false)."
  type = object({
    name            = optional(string, "Terraform")
    force_conflicts = optional(bool, false)
  })
  default  = {}
  nullable = false
}
