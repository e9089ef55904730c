# A caller whose kubernetes_apply.depends_on is unknown until apply, as a
# helm_release's status is (tests/karpenter_node_pools.tftest.hcl plans it).

terraform {
  required_providers {
    scaling = {
      source = "scalingkit/scaling"
    }
  }
}

resource "terraform_data" "karpenter" {
  input = "installed"
}

module "nodes" {
  source = "../.."

  cluster_name     = "prod-use1"
  node_pools       = { node_class = { role = "KarpenterNodeRole-prod-use1" } }
  kubernetes_apply = { depends_on = terraform_data.karpenter.output }
}

output "yaml" {
  value = module.nodes.yaml
}
