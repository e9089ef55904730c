terraform {
  required_version = ">= 1.9"

  required_providers {
    scaling = {
      source  = "scalingkit/scaling"
      version = ">= 0.1.0"
    }
    # Required by the stack's Kubernetes modules; never configured or called
    # here (apply_kubernetes_objects = false).
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = ">= 2.0"
    }
  }
}
