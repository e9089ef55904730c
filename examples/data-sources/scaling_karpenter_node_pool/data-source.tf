# A general-purpose NodePool with the fast-scaling defaults: categories
# c, m and r, generation 5 and newer, any size, spot and on-demand, so
# Karpenter can launch whatever capacity is available right now.
data "scaling_karpenter_node_pool" "general" {
  name            = "general"
  node_class_name = "web"
}

# A tuned pool: explicit flexibility with minValues, a taint, a node
# lifetime in the right place (spec.template.spec.expireAfter), and a budget
# that stops voluntary disruption during business hours (UTC).
data "scaling_karpenter_node_pool" "batch" {
  name            = "batch"
  node_class_name = "web"

  instance_categories = ["c", "m", "r"]
  architectures       = ["amd64", "arm64"]
  requirements = [
    { key = "karpenter.k8s.aws/instance-family", operator = "In", values = ["c7i", "c7g", "m7i", "m7g", "r7i"], min_values = 3 },
    { key = "karpenter.k8s.aws/instance-size", operator = "NotIn", values = ["metal"] },
  ]

  labels = { "example.com/workload" = "batch" }
  taints = [{ key = "example.com/batch", value = "true", effect = "NoSchedule" }]

  expire_after             = "168h"
  termination_grace_period = "24h"

  disruption = {
    consolidation_policy = "WhenEmptyOrUnderutilized"
    consolidate_after    = "5m"
    budgets = [
      { nodes = "20%" },
      { nodes = "0", schedule = "0 9 * * mon-fri", duration = "8h", reasons = ["Underutilized"] },
    ]
  }

  limits = { cpu = "1000", memory = "4000Gi" }
  weight = 50
}

resource "kubernetes_manifest" "general" {
  manifest = data.scaling_karpenter_node_pool.general.manifest
}

output "batch_node_pool_yaml" {
  value = data.scaling_karpenter_node_pool.batch.yaml
}
