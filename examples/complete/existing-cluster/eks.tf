# In place of ../eks.tf when the cluster, Karpenter (with its node role)
# and KEDA exist already: copy this file over eks.tf. CI applies the
# example this way, against the local AWS emulator and a local API server.

terraform {
  required_providers {
    scaling = {
      source  = "scalingkit/scaling"
      version = ">= 0.1.0"
    }
  }
}

variable "node_iam_role_name" {
  description = "IAM role name of the Karpenter nodes (e.g. the karpenter submodule's node_iam_role_name output)."
  type        = string
  default     = "KarpenterNode-prod-use1"
}

variable "kubeconfig_path" {
  description = "kubeconfig of the cluster (e.g. from `aws eks update-kubeconfig`)."
  type        = string
  default     = "~/.kube/config"
}

variable "kubeconfig_context" {
  description = "Context in the kubeconfig (null: its current context)."
  type        = string
  default     = null
}

provider "scaling" {
  region               = var.region
  endpoint_url         = var.endpoint_url
  use_test_credentials = var.use_test_credentials

  kubernetes {
    config_path    = var.kubeconfig_path
    config_context = var.kubeconfig_context
  }
}

locals {
  # What the stack takes from the platform.
  platform = {
    cluster_name       = var.cluster_name
    node_iam_role_name = var.node_iam_role_name
    # Karpenter and KEDA are installed already.
    kubernetes_ready = null
  }
}
