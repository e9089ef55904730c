# New nodes of the web pools stay tainted until the VPC CNI and the EBS CSI
# driver report ready (Node Readiness Controller, readiness.node.x-k8s.io/v1alpha1).
data "scaling_node_readiness_rule" "web" {
  name       = "web-ready"
  presets    = ["vpc_cni", "ebs_csi"]
  node_pools = ["web", "web-on-demand"]
}

# The same taint goes on the NodePool as a startup taint, so nodes register
# tainted and Karpenter expects the controller to remove it.
data "scaling_karpenter_node_pool" "web" {
  name           = "web"
  startup_taints = data.scaling_node_readiness_rule.web.startup_taints
}

# A problem gate: keep pods off nodes while Node Problem Detector reports a
# problem, and treat a missing condition as healthy (controller v0.4.1+).
data "scaling_node_readiness_rule" "maintenance" {
  name             = "maintenance-gate"
  conditions       = [{ type = "example.com/MaintenanceRequired", required_status = "False", default_status = "False" }]
  node_pools       = ["web"]
  enforcement_mode = "continuous"
  taint            = { key = "readiness.k8s.io/maintenance" }
}

resource "kubernetes_manifest" "web_ready" {
  manifest = data.scaling_node_readiness_rule.web.manifest
}

# How to feed each preset's condition (the components set none themselves).
output "reporters" {
  value = data.scaling_node_readiness_rule.web.reporters
}
