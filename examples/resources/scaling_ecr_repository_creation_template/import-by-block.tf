import {
  to = scaling_ecr_repository_creation_template.docker_hub
  id = "docker-hub"
}
