# Import by ECR repository prefix (ROOT for a rule matching every repository).
terraform import scaling_ecr_pull_through_cache_rule.docker_hub docker-hub
