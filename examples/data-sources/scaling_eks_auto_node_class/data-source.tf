# An EKS Auto Mode NodeClass for latency-critical pools: private subnets, a
# larger and faster root volume for quick image pulls, default-deny network
# policy. No AMI, user data or block devices: Auto Mode manages those.
data "scaling_eks_auto_node_class" "critical" {
  name = "critical"
  role = "AmazonEKSAutoNodeRole"

  subnet_selector_terms         = [{ tags = { "kubernetes.io/role/internal-elb" = "1" } }]
  security_group_selector_terms = [{ tags = { "aws:eks:cluster-name" = "prod-use1" } }]

  ephemeral_storage = { size = "160Gi", iops = 6000, throughput = 500 }
  network_policy    = "DefaultDeny"
  tags              = { team = "platform" }
}

# GPU capacity from a Capacity Block, for a NodePool with capacity type reserved.
data "scaling_eks_auto_node_class" "gpu" {
  name = "gpu"
  role = "AmazonEKSAutoNodeRole"

  subnet_selector_terms               = [{ tags = { "kubernetes.io/role/internal-elb" = "1" } }]
  security_group_selector_terms       = [{ tags = { "aws:eks:cluster-name" = "prod-use1" } }]
  capacity_reservation_selector_terms = [{ id = "cr-56fac701cc1951b03" }]
}

resource "kubernetes_manifest" "critical" {
  manifest = data.scaling_eks_auto_node_class.critical.manifest
}
