variable "cluster_name" {
  description = "EKS cluster name (only named in the objects; nothing calls the cluster)."
  type        = string
  default     = "prod-use1"
}

variable "auto_mode" {
  description = "EKS Auto Mode NodePools and NodeClass instead of self-managed Karpenter's."
  type        = bool
  default     = false
}

variable "checkout_image" {
  description = "The checkout image, pinned by tag and digest: pre-pulled onto the pools' nodes."
  type        = string
  default     = "123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:v1.4.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
}
