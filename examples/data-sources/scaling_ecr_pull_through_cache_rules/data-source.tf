# Every pull-through cache rule of the registry, e.g. to find prefixes to import.
data "scaling_ecr_pull_through_cache_rules" "all" {}

output "cached_prefixes" {
  value = { for r in data.scaling_ecr_pull_through_cache_rules.all.rules : r.ecr_repository_prefix => r.upstream_registry_url }
}
