# API calls of scaling_ecr_pull_through_cache_rule, counted by the emulator.
# step 1 creates a Docker Hub rule, step 2 rotates its credential in place.
# Seed: both Secrets Manager secrets (see seed).
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

resource "scaling_ecr_pull_through_cache_rule" "this" {
  ecr_repository_prefix = "docker-hub"
  upstream_registry_url = "registry-1.docker.io"
  credential_arn        = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/docker-hub-${var.step}-AbCdEf"
}
