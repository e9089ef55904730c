# API calls of scaling_control_plane_tier, counted by the emulator.
# step 1 creates (standard -> tier-xl), step 2 updates (tier-xl -> tier-2xl).
# Seed: the EKS cluster "bench" (see seed).
terraform {
  required_providers {
    scaling = { source = "scalingkit/scaling" }
  }
}

variable "endpoint_url" { type = string }
variable "step" { type = number }

provider "scaling" {
  region               = "us-east-1"
  endpoint_url         = var.endpoint_url
  use_test_credentials = true
}

resource "scaling_control_plane_tier" "this" {
  cluster_name = "bench"
  tier         = var.step == 1 ? "tier-xl" : "tier-2xl"
}
