# Plans and applies with the rules overridden (no ECR API in tests); each rule
# reports the policy document the provider would compute for it.

# The overridden AWS resources make no AWS call, but the provider still
# checks that they could (it has no default region, and it validates real
# credentials): give it a region and the test keys.
provider "scaling" {
  region               = "us-east-1"
  use_test_credentials = true
}

override_resource {
  target = scaling_ecr_pull_through_cache_rule.this["quay"]
  values = {
    registry_id           = "123456789012"
    upstream_registry_url = "quay.io"
    node_iam_policy_json  = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"EcrAuthorizationToken\",\"Effect\":\"Allow\",\"Action\":\"ecr:GetAuthorizationToken\",\"Resource\":\"*\"},{\"Sid\":\"PullThroughCache\",\"Effect\":\"Allow\",\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\",\"ecr:BatchImportUpstreamImage\",\"ecr:CreateRepository\"],\"Resource\":\"arn:aws:ecr:us-east-1:123456789012:repository/quay/*\"}]}"
  }
}

override_resource {
  target = scaling_ecr_pull_through_cache_rule.this["k8s"]
  values = {
    registry_id           = "123456789012"
    upstream_registry_url = "registry.k8s.io"
    node_iam_policy_json  = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"EcrAuthorizationToken\",\"Effect\":\"Allow\",\"Action\":\"ecr:GetAuthorizationToken\",\"Resource\":\"*\"},{\"Sid\":\"PullThroughCache\",\"Effect\":\"Allow\",\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\",\"ecr:BatchImportUpstreamImage\",\"ecr:CreateRepository\"],\"Resource\":\"arn:aws:ecr:us-east-1:123456789012:repository/k8s/*\"}]}"
  }
}

override_resource {
  target = scaling_ecr_pull_through_cache_rule.this["ecr-public"]
  values = {
    registry_id           = "123456789012"
    upstream_registry_url = "public.ecr.aws"
    node_iam_policy_json  = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"EcrAuthorizationToken\",\"Effect\":\"Allow\",\"Action\":\"ecr:GetAuthorizationToken\",\"Resource\":\"*\"},{\"Sid\":\"PullThroughCache\",\"Effect\":\"Allow\",\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\",\"ecr:BatchImportUpstreamImage\",\"ecr:CreateRepository\"],\"Resource\":\"arn:aws:ecr:us-east-1:123456789012:repository/ecr-public/*\"}]}"
  }
}

override_resource {
  target = scaling_ecr_repository_creation_template.this
  values = {
    registry_id = "123456789012"
    tags_all    = {}
  }
}

run "plans_the_usual_upstreams" {
  command = plan

  assert {
    condition     = toset(keys(scaling_ecr_pull_through_cache_rule.this)) == toset(["ecr-public", "k8s", "quay"])
    error_message = "default upstreams should give one rule per prefix ecr-public, k8s, quay"
  }
  assert {
    condition     = scaling_ecr_pull_through_cache_rule.this["k8s"].upstream_registry_url == "registry.k8s.io"
    error_message = "k8s should cache registry.k8s.io"
  }
  assert {
    condition     = scaling_ecr_pull_through_cache_rule.this["quay"].credential_arn == null
    error_message = "quay needs no credential"
  }
}

run "merges_the_node_policy" {
  assert {
    condition     = length(jsondecode(output.node_iam_policy_json).Statement) == 2
    error_message = "one token statement and one pull-through statement expected"
  }
  assert {
    condition = jsondecode(output.node_iam_policy_json).Statement[1].Resource == [
      "arn:aws:ecr:us-east-1:123456789012:repository/ecr-public/*",
      "arn:aws:ecr:us-east-1:123456789012:repository/k8s/*",
      "arn:aws:ecr:us-east-1:123456789012:repository/quay/*",
    ]
    error_message = "the pull-through statement should cover every rule's repositories: ${output.node_iam_policy_json}"
  }
  assert {
    condition     = contains(jsondecode(output.node_iam_policy_json).Statement[1].Action, "ecr:BatchImportUpstreamImage")
    error_message = "nodes need ecr:BatchImportUpstreamImage to pull through the cache"
  }
  assert {
    condition     = output.ecr_repository_prefixes["quay"] == "quay"
    error_message = "quay should be cached under the prefix quay"
  }
}

run "prefix_and_credentials" {
  command = plan

  variables {
    image_cache = {
      upstreams           = ["docker-hub", "k8s"]
      prefix              = "cache-"
      credential_arns     = { "docker-hub" = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/docker-hub-AbCdEf" }
      validation_severity = "warning"
    }
  }

  assert {
    condition     = scaling_ecr_pull_through_cache_rule.this["cache-docker-hub"].credential_arn == "arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/docker-hub-AbCdEf"
    error_message = "docker-hub should get its credential"
  }
  assert {
    condition     = scaling_ecr_pull_through_cache_rule.this["cache-docker-hub"].upstream_registry_url == "registry-1.docker.io"
    error_message = "docker-hub should cache registry-1.docker.io"
  }
  assert {
    condition     = scaling_ecr_pull_through_cache_rule.this["cache-k8s"].validation_severity == "warning"
    error_message = "validation_severity should reach every rule"
  }
}

run "ecr_to_ecr_extra_rule" {
  command = plan

  variables {
    image_cache = {
      upstreams = []
      extra_rules = {
        "upstream-ecr" = {
          upstream_registry_url      = "210987654321.dkr.ecr.us-west-2.amazonaws.com"
          custom_role_arn            = "arn:aws:iam::123456789012:role/ecr-to-ecr"
          upstream_repository_prefix = "team-a"
        }
      }
      validate_after_apply = false
    }
  }

  assert {
    condition     = scaling_ecr_pull_through_cache_rule.this["upstream-ecr"].custom_role_arn == "arn:aws:iam::123456789012:role/ecr-to-ecr" && scaling_ecr_pull_through_cache_rule.this["upstream-ecr"].upstream_repository_prefix == "team-a" && !scaling_ecr_pull_through_cache_rule.this["upstream-ecr"].validate_after_apply
    error_message = "the extra rule should be planned as given"
  }
}

run "disabled" {
  command = plan

  variables {
    enable_image_cache = false
  }

  assert {
    condition     = length(scaling_ecr_pull_through_cache_rule.this) == 0
    error_message = "enable_image_cache = false creates no rule"
  }
}

run "docker_hub_without_credentials_fails" {
  command = plan

  variables {
    image_cache = { upstreams = ["docker-hub"] }
  }

  expect_failures = [var.image_cache]
}

run "credential_secret_name_is_checked" {
  command = plan

  variables {
    image_cache = {
      upstreams       = ["github-container-registry"]
      credential_arns = { "github-container-registry" = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ghcr-token" }
    }
  }

  expect_failures = [var.image_cache]
}

run "unknown_upstream_fails" {
  command = plan

  variables {
    image_cache = { upstreams = ["gcr"] }
  }

  expect_failures = [var.image_cache]
}

run "extra_rule_prefix_is_checked" {
  command = plan

  variables {
    image_cache = { extra_rules = { "My_ECR" = { upstream_registry_url = "123456789012.dkr.ecr.us-west-2.amazonaws.com" } } }
  }

  expect_failures = [var.image_cache]
}

run "extra_rule_role_is_checked" {
  command = plan

  variables {
    image_cache = { extra_rules = { "my-ecr" = { upstream_registry_url = "123456789012.dkr.ecr.us-west-2.amazonaws.com", custom_role_arn = "ecr-to-ecr" } } }
  }

  expect_failures = [var.image_cache]
}

run "bad_validation_severity" {
  command = plan

  variables {
    image_cache = { validation_severity = "fatal" }
  }

  expect_failures = [var.image_cache]
}

run "a_lifecycle_template_per_rule" {
  command = plan

  variables {
    image_cache = { repository_template = { keep_images = 30, image_tag_mutability = "IMMUTABLE_WITH_EXCLUSION", image_tag_mutability_exclusion_filter = [{ filter = "latest" }] } }
  }

  assert {
    condition     = toset(keys(scaling_ecr_repository_creation_template.this)) == toset(keys(scaling_ecr_pull_through_cache_rule.this))
    error_message = "every rule should get a repository creation template with its prefix"
  }
  assert {
    condition     = scaling_ecr_repository_creation_template.this["quay"].applied_for == toset(["PULL_THROUGH_CACHE"])
    error_message = "the templates apply to pull-through cache repositories"
  }
  assert {
    condition     = jsondecode(scaling_ecr_repository_creation_template.this["k8s"].lifecycle_policy).rules[1].selection.countNumber == 30
    error_message = "keep_images should set the image count rule"
  }
  assert {
    condition     = jsondecode(scaling_ecr_repository_creation_template.this["k8s"].lifecycle_policy).rules[0].selection.countNumber == 7
    error_message = "untagged images should expire after 7 days by default"
  }
  assert {
    condition     = scaling_ecr_repository_creation_template.this["k8s"].image_tag_mutability == "IMMUTABLE_WITH_EXCLUSION" && length(scaling_ecr_repository_creation_template.this["k8s"].image_tag_mutability_exclusion_filter) == 1
    error_message = "the template's own settings should reach it"
  }
}

run "own_lifecycle_policy" {
  command = plan

  variables {
    image_cache = { repository_template = { lifecycle_policy = jsonencode({ rules = [{ rulePriority = 1, selection = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = 3 }, action = { type = "expire" } }] }) } }
  }

  assert {
    condition     = length(jsondecode(scaling_ecr_repository_creation_template.this["quay"].lifecycle_policy).rules) == 1
    error_message = "lifecycle_policy replaces the module's rules"
  }
}

run "no_templates_when_disabled" {
  command = plan

  variables {
    image_cache = { repository_template = { create = false } }
  }

  assert {
    condition     = length(scaling_ecr_repository_creation_template.this) == 0 && length(output.repository_template_prefixes) == 0
    error_message = "repository_template.create = false should create no template"
  }
}

run "fractional_image_count_fails" {
  command = plan

  variables {
    image_cache = { repository_template = { keep_images = 2.5 } }
  }

  expect_failures = [var.image_cache]
}

run "lifecycle_policy_must_be_json" {
  command = plan

  variables {
    image_cache = { repository_template = { lifecycle_policy = "expire after 7 days" } }
  }

  expect_failures = [var.image_cache]
}

run "bad_rule_timeout" {
  command = plan

  variables {
    image_cache = { timeouts = { create = "soon" } }
  }

  expect_failures = [var.image_cache]
}
