import {
  to = scaling_ecr_pull_through_cache_rule.docker_hub
  id = "docker-hub"
}
