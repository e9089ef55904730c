variable "region" {
  description = "AWS region of the cluster."
  type        = string
  default     = "us-east-1"
}

variable "cluster_name" {
  description = "Name of the EKS cluster (created by eks.tf, or existing with existing-cluster/eks.tf)."
  type        = string
  default     = "prod-use1"
}

variable "endpoint_url" {
  description = "AWS endpoint override for the scaling provider, e.g. the local emulator's URL. Null uses AWS."
  type        = string
  default     = null
}

variable "use_test_credentials" {
  description = "Sign the scaling provider's AWS calls with dummy credentials (emulator or LocalStack only)."
  type        = bool
  default     = false
}

variable "firehose_arn" {
  description = "Firehose delivery stream that receives the scaling metrics."
  type        = string
  default     = "arn:aws:firehose:us-east-1:123456789012:deliverystream/scaling-metrics"
}

variable "metric_stream_role_arn" {
  description = "IAM role CloudWatch assumes to write to the Firehose stream."
  type        = string
  default     = "arn:aws:iam::123456789012:role/scaling-metric-stream"
}

variable "namespace" {
  description = "Namespace of the workload (created by the stack)."
  type        = string
  default     = "shop"
}
