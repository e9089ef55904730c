# Mission-critical nodes: new nodes of the checkout pools stay tainted until
# the VPC CNI and the EBS CSI driver report ready; the checkout images are
# pulled onto them while they wait; warm pause pods keep room so a burst
# does not wait for nodes at all.

locals {
  cluster = "prod-use1"
  pools   = ["checkout"]
  images = [
    "123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:v1.4.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "123456789012.dkr.ecr.us-east-1.amazonaws.com/envoy:v1.31.2@sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210",
  ]
  critical_taint = { key = "example.com/critical", value = "checkout", effect = "NoSchedule" }
}

# 1. The readiness gate: one taint, kept by the Node Readiness Controller
#    until both conditions are True, and put on the pool as a startup taint.
data "scaling_node_readiness_rule" "checkout" {
  name       = "checkout-ready"
  presets    = ["vpc_cni", "ebs_csi"]
  node_pools = local.pools
}

# 2. The pool: Bottlerocket with SOCI parallel pull and a fast root volume,
#    on-demand only (mission-critical), the readiness taint at startup.
data "scaling_karpenter_ec2_node_class" "checkout" {
  name      = "checkout"
  ami_alias = "bottlerocket@latest"
  role      = "KarpenterNodeRole-${local.cluster}"

  subnet_selector_terms         = [{ tags = { "karpenter.sh/discovery" = local.cluster } }]
  security_group_selector_terms = [{ tags = { "karpenter.sh/discovery" = local.cluster } }]

  block_device_mappings = [
    { device_name = "/dev/xvda", volume_size = "4Gi" },
    { device_name = "/dev/xvdb", volume_size = "100Gi", iops = 6000, throughput = 600 },
  ]
  user_data = { fast_image_pull = true }
}

data "scaling_karpenter_node_pool" "checkout" {
  name            = "checkout"
  node_class_name = data.scaling_karpenter_ec2_node_class.checkout.name
  capacity_types  = ["on-demand"]
  taints          = [local.critical_taint]
  startup_taints  = data.scaling_node_readiness_rule.checkout.startup_taints
  disruption = {
    budgets = [{ nodes = "0", schedule = "0 8 * * mon-fri", duration = "10h", reasons = ["Underutilized"] }]
  }
}

# 3. The images, pulled while the node is still held back: the DaemonSet
#    tolerates the pool's taint and its startup taint.
data "scaling_image_prepull" "checkout" {
  name       = "checkout-prepull"
  images     = local.images
  node_pools = local.pools
  taints     = concat([local.critical_taint], data.scaling_karpenter_node_pool.checkout.startup_taints)
}

# 4. Warm capacity on the same pool: 15 pause pods of the checkout pod's
#    shape, preempted the moment real pods arrive.
data "scaling_warm_pool" "checkout" {
  name              = "checkout-warm"
  namespace         = "shop"
  baseline_replicas = 100
  peak_replicas     = 200
  safety_factor     = 0.15
  cpu               = "500m"
  memory            = "512Mi"
  node_pool         = "checkout"
  tolerations       = [{ key = local.critical_taint.key, operator = "Equal", value = local.critical_taint.value, effect = local.critical_taint.effect }]
}

# What a burst onto the warm slots costs in time: the images are on the
# node already.
data "scaling_latency_estimate" "checkout" {
  metric_source           = "keda_prometheus"
  scrape_interval_seconds = 5
  capacity                = "warm"
  image_cached_on_node    = true
  burst_pods              = 15
  target_p95_seconds      = 30
}

resource "kubernetes_manifest" "readiness_rule" {
  manifest = data.scaling_node_readiness_rule.checkout.manifest
}

resource "kubernetes_manifest" "node_class" {
  manifest = data.scaling_karpenter_ec2_node_class.checkout.manifest
}

resource "kubernetes_manifest" "node_pool" {
  manifest = data.scaling_karpenter_node_pool.checkout.manifest
}

resource "kubernetes_manifest" "prepull" {
  manifest = data.scaling_image_prepull.checkout.manifest
}

resource "kubernetes_manifest" "warm_pool" {
  for_each = { for i, m in data.scaling_warm_pool.checkout.manifests : "${i}-${m.kind}" => m }
  manifest = each.value
}

# Who reports the readiness conditions (the components set none themselves).
output "reporters" {
  value = data.scaling_node_readiness_rule.checkout.reporters
}

output "warm_burst_p95_seconds" {
  value = data.scaling_latency_estimate.checkout.total.p95_seconds
}
