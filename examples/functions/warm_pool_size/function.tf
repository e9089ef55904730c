# The guide's formula: ceil((peak - baseline) x safety factor) = ceil(100 x 0.15) = 15.
output "warm_pods" {
  value = provider::scaling::warm_pool_size(20, 120, 0.15, "peak_delta")
}

# What the guide's cost table used instead: ceil(peak x safety) = ceil(120 x 0.15) = 18.
output "warm_pods_from_peak" {
  value = provider::scaling::warm_pool_size(20, 120, 0.15, "peak")
}
