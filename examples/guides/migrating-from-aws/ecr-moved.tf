# After, Terraform 1.8 and later: the same rule, now managed by the scaling
# provider. The moved block says it is the same object: nothing is
# destroyed or created, the next plan shows no changes.
resource "scaling_ecr_pull_through_cache_rule" "k8s" {
  ecr_repository_prefix = "k8s"
  upstream_registry_url = "registry.k8s.io"
}

moved {
  from = aws_ecr_pull_through_cache_rule.k8s
  to   = scaling_ecr_pull_through_cache_rule.k8s
}
