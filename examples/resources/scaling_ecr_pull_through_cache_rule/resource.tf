# Docker Hub needs credentials: a Secrets Manager secret whose name starts
# with "ecr-pullthroughcache/", holding {"username": ..., "accessToken": ...}.
resource "aws_secretsmanager_secret" "docker_hub" {
  name = "ecr-pullthroughcache/docker-hub"
}

resource "scaling_ecr_pull_through_cache_rule" "docker_hub" {
  ecr_repository_prefix = "docker-hub"
  upstream_registry_url = "registry-1.docker.io"
  credential_arn        = aws_secretsmanager_secret.docker_hub.arn

  # Apply fails (and the rule is recreated next time) if ECR cannot log in
  # to Docker Hub with the secret; use "warning" to only be told.
  validate_after_apply = true
  validation_severity  = "error"
}

# registry.k8s.io needs no credentials.
resource "scaling_ecr_pull_through_cache_rule" "k8s" {
  ecr_repository_prefix = "k8s"
  upstream_registry_url = "registry.k8s.io"
}

# Nodes pull <account>.dkr.ecr.<region>.amazonaws.com/docker-hub/library/nginx:latest
# and need ecr:BatchImportUpstreamImage and ecr:CreateRepository on the
# cached repositories: attach the computed least-privilege policy.
resource "aws_iam_role_policy" "node_pull_through_cache" {
  name   = "pull-through-cache-docker-hub"
  role   = "my-node-role"
  policy = scaling_ecr_pull_through_cache_rule.docker_hub.node_iam_policy_json
}
