# Against AWS: the usual SDK configuration (profile, region, environment
# variables, assume_role) applies.
provider "scaling" {
  region = "us-east-1"
  # profile = "platform"

  # assume_role {
  #   role_arn     = "arn:aws:iam::123456789012:role/eks-tier-manager"
  #   session_name = "terraform"
  # }
}

# Against the local emulator that ships with the provider
# (`terraform-provider-scaling emulator` prints its URL) or LocalStack:
provider "scaling" {
  alias                = "emulator"
  region               = "us-east-1"
  endpoint_url         = "http://127.0.0.1:4566"
  use_test_credentials = true
}

# Per-service endpoints win over endpoint_url and AWS_ENDPOINT_URL_*:
provider "scaling" {
  alias = "mixed"
  endpoints {
    eks = "http://127.0.0.1:4566"
  }
}
