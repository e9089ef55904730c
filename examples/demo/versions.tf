terraform {
  # 1.9: the stack's variable validations refer to other variables.
  required_version = ">= 1.9"

  # Only this provider: the objects go to the cluster through
  # scaling_kubernetes_objects, so hashicorp/kubernetes is never loaded.
  required_providers {
    scaling = {
      source = "scalingkit/scaling"
    }
  }
}
