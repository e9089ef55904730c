resource "aws_eks_cluster" "prod" {
  name     = "prod"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids = var.subnet_ids
  }

  # Before: control_plane_scaling_config { tier = "tier-xl" } was here.
  # Remove it, and let scaling_control_plane_tier own the tier:
  lifecycle {
    ignore_changes = [control_plane_scaling_config]
  }
}
