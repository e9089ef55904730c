terraform {
  required_version = ">= 1.9"

  required_providers {
    scaling = {
      source  = "scalingkit/scaling"
      version = ">= 0.1.0"
    }
    # Required by the stack's Kubernetes modules; not called here: a fleet's
    # objects go to each cluster through GitOps (output gitops_manifests).
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = ">= 2.0"
    }
  }
}
