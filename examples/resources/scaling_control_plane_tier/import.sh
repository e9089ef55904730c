# Import by EKS cluster name.
terraform import scaling_control_plane_tier.peak prod
