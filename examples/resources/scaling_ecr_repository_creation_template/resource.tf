# Docker Hub images cached through ECR, under docker-hub/...
resource "scaling_ecr_pull_through_cache_rule" "docker_hub" {
  ecr_repository_prefix = "docker-hub"
  upstream_registry_url = "registry-1.docker.io"
  credential_arn        = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/docker-hub-AbCdEf"
}

# ...and the settings of the repositories ECR creates for them: without a
# lifecycle policy every cached image is kept forever.
resource "scaling_ecr_repository_creation_template" "docker_hub" {
  prefix      = scaling_ecr_pull_through_cache_rule.docker_hub.ecr_repository_prefix
  applied_for = ["PULL_THROUGH_CACHE"]
  description = "Docker Hub images cached for the cluster's nodes"

  lifecycle_policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Drop untagged images after a week"
        selection    = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = 7 }
        action       = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "Keep the 50 newest images of each repository"
        selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 50 }
        action       = { type = "expire" }
      },
    ]
  })

  # ECR tags the repositories (with these and the provider's default_tags)
  # through a role of yours.
  custom_role_arn = "arn:aws:iam::123456789012:role/ecr-repository-creation"
  resource_tags = {
    cache = "docker-hub"
  }
}
