# Shared part file: the same file is in modules/control-plane,
# modules/karpenter-node-pools and modules/metric-stream (TestSharedPartFiles
# keeps the copies equal).

variable "cluster_name" {
  description = "EKS cluster name. The control-plane tier is set on it, node subnets and security groups are found by its `karpenter.sh/discovery` tag, and the metric stream is named after it (unless told otherwise)."
  type        = string

  validation {
    condition     = can(regex("^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$", var.cluster_name))
    error_message = "cluster_name must be an EKS cluster name: 1-100 letters, digits, '-' or '_', starting with a letter or digit (e.g. \"prod-use1\")."
  }
}
