# Quickstart: move an EKS cluster to a provisioned control-plane tier and see
# what the tier gives and costs; one resource, no Kubernetes objects.
# (`make demo` runs the whole stack instead: examples/demo.)
#
# Against AWS, name a real cluster and leave endpoint_url unset. Against the
# emulator in the provider binary:
#   terraform-provider-scaling emulator --addr 127.0.0.1:4566 &
#   curl -X POST -d '{"name":"demo","version":"1.33"}' http://127.0.0.1:4566/_emulator/eks/clusters
#   terraform apply -var endpoint_url=http://127.0.0.1:4566 -var use_test_credentials=true
# The test TestAccControlPlaneTier_quickstartExample applies it as written.

terraform {
  required_version = ">= 1.8"
  required_providers {
    scaling = {
      source = "scalingkit/scaling"
    }
  }
}

variable "cluster_name" {
  description = "Existing EKS cluster whose control-plane tier to set."
  type        = string
  default     = "demo"
}

variable "tier" {
  description = "Control-plane tier: standard, tier-xl, tier-2xl, tier-4xl or tier-8xl."
  type        = string
  default     = "tier-xl"
}

variable "region" {
  description = "AWS region of the cluster."
  type        = string
  default     = "us-east-1"
}

variable "endpoint_url" {
  description = "AWS endpoint override, e.g. the emulator's URL. Null uses AWS."
  type        = string
  default     = null
}

variable "use_test_credentials" {
  description = "Sign with dummy credentials (emulator or LocalStack only)."
  type        = bool
  default     = false
}

provider "scaling" {
  region               = var.region
  endpoint_url         = var.endpoint_url
  use_test_credentials = var.use_test_credentials
}

resource "scaling_control_plane_tier" "this" {
  cluster_name = var.cluster_name
  tier         = var.tier

  timeouts {
    update = "30m"
  }
}

# Every tier for the cluster's Kubernetes version, with prices.
data "scaling_control_plane_tiers" "available" {
  kubernetes_version = scaling_control_plane_tier.this.kubernetes_version
}

locals {
  chosen = one([for t in data.scaling_control_plane_tiers.available.tiers : t if t.name == scaling_control_plane_tier.this.tier])
}
