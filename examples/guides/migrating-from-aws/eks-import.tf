# The cluster stays with aws_eks_cluster (which ignores its tier from now
# on, see above); the tier moves to scaling_control_plane_tier. Import it
# with the tier the cluster has: the first plan then shows no changes.
import {
  to = scaling_control_plane_tier.prod
  id = "prod"
}

resource "scaling_control_plane_tier" "prod" {
  cluster_name = "prod"
  tier         = "tier-xl"
}
