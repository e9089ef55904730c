# Import by EKS cluster name (Terraform 1.5 and later).
import {
  to = scaling_control_plane_tier.peak
  id = "prod"
}
