# Pull the checkout images onto every node of the web pools while the
# node is still held back by its readiness taint, so the first pods start
# without a pull (Bottlerocket and EKS Auto Mode have no user data hook).
data "scaling_node_readiness_rule" "web" {
  name       = "web-ready"
  presets    = ["vpc_cni"]
  node_pools = ["web"]
}

data "scaling_image_prepull" "checkout" {
  name       = "checkout-prepull"
  node_pools = ["web"]
  images = [
    "123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:v1.4.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "public.ecr.aws/docker/library/nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
  ]
  taints = concat(
    data.scaling_node_readiness_rule.web.startup_taints,
    [{ key = "ebs.csi.aws.com/agent-not-ready", effect = "NoExecute" }],
  )
}

resource "kubernetes_manifest" "checkout_prepull" {
  manifest = data.scaling_image_prepull.checkout.manifest
}

# How to turn on SOCI parallel pull for each node type.
output "soci" {
  value = data.scaling_image_prepull.checkout.soci
}
