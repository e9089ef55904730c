terraform {
  required_version = ">= 1.9"

  required_providers {
    scaling = {
      source  = "scalingkit/scaling"
      version = ">= 0.1.0"
    }
  }
}
