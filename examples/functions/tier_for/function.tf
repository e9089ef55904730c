# 1,000 pods bound within 5 s need 200 pods/s: tier-2xl (283 pods/s).
output "tier_for_burst" {
  value = provider::scaling::tier_for(1000 / 5, 0)
}

# 5,000 concurrent API requests: tier-4xl (6,800 seats).
output "tier_for_api_load" {
  value = provider::scaling::tier_for(0, 5000)
}
