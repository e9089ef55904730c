# tier-xl at $1.65/h over AWS's 730-hour month: 1204.5.
output "tier_xl_monthly" {
  value = provider::scaling::monthly_cost(1.65)
}

# The guide's warm pool, 15 pods x $0.05 over its 720-hour month: 540.
output "warm_pool_monthly" {
  value = provider::scaling::monthly_cost(15 * 0.05, 720)
}
