terraform {
  # 1.9: variable validations may refer to other variables.
  required_version = ">= 1.9"

  # Only this provider: the stack applies its Kubernetes objects with
  # scaling_kubernetes_objects or hands them out (outputs), so GitOps users
  # never load hashicorp/kubernetes (see modules/kubernetes-manifest).
  required_providers {
    scaling = {
      source  = "scalingkit/scaling"
      version = ">= 0.1.0"
    }
  }
}
