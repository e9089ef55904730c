# After, Terraform 1.7 and later: the aws provider forgets the rule without
# deleting it, and the scaling provider imports it, in one apply.
removed {
  from = aws_ecr_pull_through_cache_rule.k8s

  lifecycle {
    destroy = false
  }
}

import {
  to = scaling_ecr_pull_through_cache_rule.k8s
  id = "k8s"
}

resource "scaling_ecr_pull_through_cache_rule" "k8s" {
  ecr_repository_prefix = "k8s"
  upstream_registry_url = "registry.k8s.io"
}
