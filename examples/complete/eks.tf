# The platform around the stack, as a repository built on
# terraform-aws-modules/eks writes it: the cluster, its karpenter submodule
# (node role, instance profile, interruption queue, controller role with
# EKS Pod Identity), Karpenter and KEDA installed with helm_release, and the
# image cache's node policy attached to the Karpenter node role. One apply
# creates all of it from an empty state: the stack's objects are applied
# through the scaling provider's kubernetes block after the Helm releases.
#
# Keep the names the stack renders known at plan time, so the plan shows
# the objects (and GitOps outputs are known): set
# node_iam_role_use_name_prefix = false in the karpenter submodule (by
# default it prefixes the role name with a random suffix, unknown until
# apply) and give the cluster a fixed name. Unknown names still apply in
# one run; the plan then shows the objects as known after apply.
#
# Offline (CI) this file is only checked with `terraform fmt` and by
# TestCompleteExampleWiring (test/modules), which checks that every
# module.eks.* and module.karpenter.* it reads is a documented output of
# terraform-aws-modules/eks v20 and every karpenter input set is one of its
# variables: neither those modules nor hashicorp/aws and hashicorp/helm can
# be downloaded there. CI applies the rest of the example with
# existing-cluster/eks.tf in place of this file.

terraform {
  required_providers {
    scaling = {
      source  = "scalingkit/scaling"
      version = ">= 0.1.0"
    }
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.95"
    }
    helm = {
      source  = "hashicorp/helm"
      version = ">= 3.0"
    }
  }
}

variable "vpc_id" {
  description = "VPC of the cluster."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets of the cluster and its nodes (tag them `karpenter.sh/discovery = <cluster_name>` so Karpenter finds them)."
  type        = list(string)
}

variable "kubernetes_version" {
  description = "Kubernetes version of the cluster."
  type        = string
  default     = "1.33"
}

provider "aws" {
  region = var.region
}

# The stack's objects are applied through this block at apply time, so it
# may point at the cluster this configuration creates.
provider "scaling" {
  region = var.region

  kubernetes {
    host                   = module.eks.cluster_endpoint
    cluster_ca_certificate = base64decode(module.eks.cluster_certificate_authority_data)
    exec {
      api_version = "client.authentication.k8s.io/v1beta1"
      command     = "aws"
      args        = ["eks", "get-token", "--cluster-name", module.eks.cluster_name]
    }
  }
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.37"

  cluster_name                             = var.cluster_name
  cluster_version                          = var.kubernetes_version
  vpc_id                                   = var.vpc_id
  subnet_ids                               = var.subnet_ids
  cluster_endpoint_public_access           = true
  enable_cluster_creator_admin_permissions = true

  # Karpenter's controller gets its AWS role through EKS Pod Identity.
  cluster_addons = {
    eks-pod-identity-agent = {}
  }

  # A small managed node group runs Karpenter, KEDA and the system pods;
  # Karpenter launches everything else.
  eks_managed_node_groups = {
    system = {
      instance_types = ["m7i.large"]
      min_size       = 2
      max_size       = 3
      desired_size   = 2
    }
  }

  # The stack's EC2NodeClass selects security groups by this tag.
  node_security_group_tags = {
    "karpenter.sh/discovery" = var.cluster_name
  }
}

module "karpenter" {
  source  = "terraform-aws-modules/eks/aws//modules/karpenter"
  version = "~> 20.37"

  cluster_name                    = module.eks.cluster_name
  enable_v1_permissions           = true
  enable_pod_identity             = true
  create_pod_identity_association = true
  namespace                       = "kube-system"

  # Known at plan time: the EC2NodeClass names this role, and the plan shows it.
  node_iam_role_use_name_prefix = false
  node_iam_role_name            = "KarpenterNode-${var.cluster_name}"
}

provider "helm" {
  kubernetes = {
    host                   = module.eks.cluster_endpoint
    cluster_ca_certificate = base64decode(module.eks.cluster_certificate_authority_data)
    exec = {
      api_version = "client.authentication.k8s.io/v1beta1"
      command     = "aws"
      args        = ["eks", "get-token", "--cluster-name", module.eks.cluster_name]
    }
  }
}

resource "helm_release" "karpenter" {
  namespace  = "kube-system"
  name       = "karpenter"
  repository = "oci://public.ecr.aws/karpenter"
  chart      = "karpenter"
  version    = "1.14.1"
  wait       = true

  values = [yamlencode({
    serviceAccount = { name = module.karpenter.service_account }
    settings = {
      clusterName       = module.eks.cluster_name
      clusterEndpoint   = module.eks.cluster_endpoint
      interruptionQueue = module.karpenter.queue_name
    }
  })]
}

resource "helm_release" "keda" {
  namespace        = "keda"
  create_namespace = true
  name             = "keda"
  repository       = "https://kedacore.github.io/charts"
  chart            = "keda"
  version          = "2.17.2"
  wait             = true
}

# Nodes pulling through the cache need ecr:BatchImportUpstreamImage and
# ecr:CreateRepository on the cached repositories besides the usual pull
# permissions; the stack builds the policy, this attaches it.
resource "aws_iam_role_policy" "pull_through_cache" {
  name   = "ecr-pull-through-cache"
  role   = module.karpenter.node_iam_role_name
  policy = module.stack.image_cache.node_iam_policy_json
}

locals {
  # What the stack takes from the platform.
  platform = {
    cluster_name       = module.eks.cluster_name
    node_iam_role_name = module.karpenter.node_iam_role_name
    # The objects need Karpenter's and KEDA's CRDs: applied once both are in.
    kubernetes_ready = [helm_release.karpenter.id, helm_release.keda.id]
  }
}
