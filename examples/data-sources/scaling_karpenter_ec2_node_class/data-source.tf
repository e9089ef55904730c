# An AL2023 node class for fast scale-out: IMDSv2 only, a larger gp3 root
# volume with more throughput, parallel image pulls, and the app's images
# pre-pulled at boot so the first pods skip their pulls.
data "scaling_karpenter_ec2_node_class" "web" {
  name      = "web"
  ami_alias = "al2023@latest" # pin a version (al2023@v20251117) in production
  role      = "KarpenterNodeRole-my-cluster"

  subnet_selector_terms         = [{ tags = { "karpenter.sh/discovery" = "my-cluster" } }]
  security_group_selector_terms = [{ tags = { "karpenter.sh/discovery" = "my-cluster" } }]

  block_device_mappings = [{
    device_name = "/dev/xvda"
    root_volume = true
    volume_size = "100Gi"
    volume_type = "gp3"
    iops        = 6000
    throughput  = 500
    encrypted   = true
  }]

  kubelet = {
    max_pods                        = 110
    kube_reserved                   = { cpu = "200m", memory = "512Mi" }
    eviction_hard                   = { "memory.available" = "5%" }
    image_gc_high_threshold_percent = 85
    image_gc_low_threshold_percent  = 80
  }

  tags = { team = "web" }

  # Rendered as a nodeadm NodeConfig (AL2023 has no /etc/eks/bootstrap.sh)
  # plus a shell part that pre-pulls these images.
  user_data = {
    max_parallel_image_pulls = 10
    pre_pull_images = [
      "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.4.2",
      "public.ecr.aws/docker/library/nginx:1.27",
    ]
  }
}

# Bottlerocket: user data is TOML settings.
data "scaling_karpenter_ec2_node_class" "bottlerocket" {
  name      = "bottlerocket"
  ami_alias = "bottlerocket@latest"
  role      = "KarpenterNodeRole-my-cluster"

  subnet_selector_terms         = [{ tags = { "karpenter.sh/discovery" = "my-cluster" } }]
  security_group_selector_terms = [{ tags = { "karpenter.sh/discovery" = "my-cluster" } }]

  user_data = { registry_pull_qps = 20, registry_burst = 40 }
}

resource "kubernetes_manifest" "node_class" {
  manifest = data.scaling_karpenter_ec2_node_class.web.manifest
}

output "node_class_user_data" {
  value = data.scaling_karpenter_ec2_node_class.web.rendered_user_data
}
