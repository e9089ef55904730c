# A custom EKS Auto Mode pool with the fast-scaling defaults (c, m and r,
# generation 5+, spot and on-demand) on the built-in "default" NodeClass.
data "scaling_eks_auto_node_pool" "web" {
  name = "web"
}

# Critical pool on its own NodeClass, held back until the VPC CNI reports
# ready, with Auto Mode's instance labels.
data "scaling_node_readiness_rule" "critical" {
  name       = "critical-ready"
  presets    = ["vpc_cni"]
  node_pools = ["critical"]
}

data "scaling_eks_auto_node_pool" "critical" {
  name              = "critical"
  node_class_name   = "critical"
  instance_families = ["c7i", "m7i"]
  capacity_types    = ["on-demand"]
  requirements = [
    { key = "eks.amazonaws.com/instance-cpu", operator = "Lt", values = ["33"] },
  ]
  startup_taints = data.scaling_node_readiness_rule.critical.startup_taints
  disruption = {
    budgets = [{ nodes = "0", schedule = "0 9 * * mon-fri", duration = "8h", reasons = ["Underutilized"] }]
  }
}

resource "kubernetes_manifest" "critical" {
  manifest = data.scaling_eks_auto_node_pool.critical.manifest
}
