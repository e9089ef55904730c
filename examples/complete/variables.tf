variable "region" {
  description = "AWS region of the cluster."
  type        = string
  default     = "us-east-1"
}

variable "cluster_name" {
  description = "Existing EKS cluster to make fast-scaling."
  type        = string
  default     = "prod-use1"
}

variable "kubeconfig_path" {
  description = "kubeconfig of the cluster (e.g. from `aws eks update-kubeconfig`)."
  type        = string
  default     = "~/.kube/config"
}

variable "kubeconfig_context" {
  description = "Context in the kubeconfig (null: its current context)."
  type        = string
  default     = null
}

variable "endpoint_url" {
  description = "AWS endpoint override, e.g. the local emulator's URL. Null uses AWS."
  type        = string
  default     = null
}

variable "use_test_credentials" {
  description = "Sign with dummy credentials (emulator or LocalStack only)."
  type        = bool
  default     = false
}

variable "node_role" {
  description = "IAM role name of the Karpenter nodes."
  type        = string
  default     = "KarpenterNodeRole-prod-use1"
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
  description = "Namespace of the workload (created by this example)."
  type        = string
  default     = "shop"
}
