# The stack in one apply from an empty state (test/k8s/oneapply): the
# cluster's endpoint and the Karpenter node role come from resources created
# in the same apply (terraform_data stands in for aws_eks_cluster and the
# node role of terraform-aws-modules/eks//modules/karpenter), so the provider
# configuration and the rendered objects are unknown at plan time; the
# Karpenter and KEDA CRDs are installed by the same resource that applies the
# objects using them.
terraform {
  required_providers {
    scaling = { source = "scalingkit/scaling" }
  }
}

variable "endpoint" {
  type = string
}

variable "cluster_ca_certificate" {
  type = string
}

variable "token" {
  type      = string
  sensitive = true
}

variable "crds_file" {
  description = "Karpenter's and KEDA's CRDs, one multi-document YAML file."
  type        = string
}

variable "force_conflicts" {
  type    = bool
  default = true
}

resource "terraform_data" "cluster" {
  input = {
    name                   = "one-apply"
    endpoint               = var.endpoint
    cluster_ca_certificate = var.cluster_ca_certificate
  }
}

resource "terraform_data" "node_role" {
  input = "KarpenterNodeRole-${terraform_data.cluster.output.name}"
}

provider "scaling" {
  region               = "us-east-1"
  use_test_credentials = true

  kubernetes {
    host                   = terraform_data.cluster.output.endpoint
    cluster_ca_certificate = terraform_data.cluster.output.cluster_ca_certificate
    token                  = var.token
  }
}

locals {
  cluster   = terraform_data.cluster.output.name
  namespace = "shop"
  discovery = [{ tags = { "karpenter.sh/discovery" = local.cluster } }]
}

data "scaling_karpenter_ec2_node_class" "default" {
  name                          = "default"
  ami_alias                     = "al2023@latest"
  role                          = terraform_data.node_role.output
  subnet_selector_terms         = local.discovery
  security_group_selector_terms = local.discovery
  tags                          = { cluster = local.cluster }
}

data "scaling_karpenter_fallback_node_pools" "general" {
  name                = "general"
  node_class_name     = data.scaling_karpenter_ec2_node_class.default.name
  instance_categories = ["c", "m"]
  limits              = { cpu = "1000" }
}

data "scaling_warm_pool" "checkout" {
  name              = "checkout-warm"
  namespace         = local.namespace
  baseline_replicas = 20
  peak_replicas     = 120
  safety_factor     = 0.15
  cpu               = "500m"
  memory            = "512Mi"
  node_pool         = data.scaling_karpenter_fallback_node_pools.general.spot_name
}

data "scaling_keda_scaled_object" "checkout" {
  namespace        = local.namespace
  scale_target_ref = { name = "checkout" }
  min_replicas     = 2
  max_replicas     = 120
  trigger = [{
    type = "cron"
    name = "business-hours"
    cron = { time_zone = "Europe/Berlin", start = "0 8 * * 1-5", end = "0 18 * * 1-5", desired_replicas = 20 }
  }]
}

data "scaling_horizontal_pod_autoscaler" "api" {
  namespace        = local.namespace
  scale_target_ref = { name = "api" }
  min_replicas     = 2
  max_replicas     = 50
  metric           = [{ type = "resource", name = "cpu", utilization = 60 }]
}

resource "scaling_kubernetes_objects" "stack" {
  force_conflicts = var.force_conflicts
  yaml = join("---\n", [
    file(var.crds_file),
    yamlencode({ apiVersion = "v1", kind = "Namespace", metadata = { name = local.namespace } }),
    data.scaling_karpenter_ec2_node_class.default.yaml,
    data.scaling_karpenter_fallback_node_pools.general.yaml,
    data.scaling_warm_pool.checkout.yaml,
    data.scaling_keda_scaled_object.checkout.yaml,
    data.scaling_horizontal_pod_autoscaler.api.yaml,
  ])
}

output "objects" {
  value = keys(scaling_kubernetes_objects.stack.objects)
}

output "node_role" {
  value = terraform_data.node_role.output
}
