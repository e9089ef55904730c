# Spot first, on-demand as the fallback: two NodePools with the same node
# class and requirements. Karpenter tries the HIGHER weight first, so spot
# gets 100 and on-demand 10 (weight 0 is invalid).
data "scaling_karpenter_fallback_node_pools" "web" {
  name            = "web"
  node_class_name = "web"

  instance_categories = ["c", "m"]
  labels              = { "example.com/workload" = "web" }

  disruption = {
    consolidate_after = "2m"
  }
  # Both pools get `limits`; spot_limits caps spot at 1400 of the 2000 vCPUs,
  # while the on-demand fallback may take them all.
  limits      = { cpu = "2000" }
  spot_limits = { cpu = "1400" }

  spot_weight      = 100
  on_demand_weight = 10
}

resource "kubernetes_manifest" "web_spot" {
  manifest = data.scaling_karpenter_fallback_node_pools.web.spot_manifest
}

resource "kubernetes_manifest" "web_on_demand" {
  manifest = data.scaling_karpenter_fallback_node_pools.web.on_demand_manifest
}

output "node_pools" {
  value = [
    data.scaling_karpenter_fallback_node_pools.web.spot_name,
    data.scaling_karpenter_fallback_node_pools.web.on_demand_name,
  ]
}
