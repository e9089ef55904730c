# Against AWS: the usual SDK configuration (profile, region, environment
# variables, assume_role) applies. The region has no default: set it here,
# in AWS_REGION, or in the profile.
provider "scaling" {
  region = "us-east-1"
  # profile = "platform"

  # assume_role {
  #   role_arn     = "arn:aws:iam::123456789012:role/eks-tier-manager"
  #   session_name = "terraform"
  #   duration     = "1h"
  #   tags         = { team = "platform" }
  # }
}

# Only renderers, estimates and functions: no region or credentials needed.
provider "scaling" {
  alias = "offline"
}

# Against the local emulator that ships with the provider
# (`terraform-provider-scaling emulator` prints its URL) or LocalStack:
provider "scaling" {
  alias                = "emulator"
  region               = "us-east-1"
  endpoint_url         = "http://127.0.0.1:4566"
  use_test_credentials = true
}

# A LocalStack block copied from the aws provider works as it does there:
provider "scaling" {
  alias                       = "localstack"
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  endpoint_url                = "http://localhost.localstack.cloud:4566"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = true
}

# Per-service endpoints win over endpoint_url and AWS_ENDPOINT_URL_*:
provider "scaling" {
  alias = "mixed"
  endpoints {
    eks = "http://127.0.0.1:4566"
  }
}

# scaling_kubernetes_objects applies objects to a cluster. The kubernetes
# block has hashicorp/kubernetes' attribute names, and may use values known
# only after apply (a cluster created in the same run): the provider contacts
# the cluster at apply time only.
provider "scaling" {
  alias  = "eks"
  region = "us-east-1"

  kubernetes {
    host                   = aws_eks_cluster.this.endpoint
    cluster_ca_certificate = base64decode(aws_eks_cluster.this.certificate_authority[0].data)
    exec {
      api_version = "client.authentication.k8s.io/v1beta1"
      command     = "aws"
      args        = ["eks", "get-token", "--cluster-name", aws_eks_cluster.this.name]
    }
  }
}

# Or a kubeconfig file and context:
provider "scaling" {
  alias = "kubeconfig"
  kubernetes {
    config_path    = "~/.kube/config"
    config_context = "prod-use1"
  }
}
