# Import by prefix (ROOT for the template of every repository without one of its own).
terraform import scaling_ecr_repository_creation_template.docker_hub docker-hub
