# The last 30 daily peaks minus each day's trough, in pods (from Prometheus or
# CloudWatch: the guide "Choosing warm capacity" shows the queries).
locals {
  bursts = [12, 8, 15, 40, 9, 11, 13, 10, 7, 14, 16, 12, 95, 11, 9, 10, 13, 12, 8, 18, 11, 10, 9, 14, 12, 13, 60, 10, 11, 12]
}

# The smallest warm pool that absorbs 90% of those days completely: 18 pods.
output "warm_pods_for_90_percent" {
  value = provider::scaling::warm_pool_for_coverage(local.bursts, 0.9)
}

# Every day, the worst included: 95 pods.
output "warm_pods_for_every_day" {
  value = provider::scaling::warm_pool_for_coverage(local.bursts, 1)
}
