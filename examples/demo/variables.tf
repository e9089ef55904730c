variable "cluster_name" {
  description = "EKS cluster the stack is for (`make demo` seeds one named `demo` in the emulator)."
  type        = string
  default     = "demo"
}

variable "tier" {
  description = "Control-plane tier to set; null takes the stack's recommendation for the burst."
  type        = string
  default     = null
}

variable "region" {
  description = "AWS region of the cluster."
  type        = string
  default     = "us-east-1"
}

variable "endpoint_url" {
  description = "AWS endpoint override, e.g. the emulator's URL. Null uses AWS."
  type        = string
  default     = null
}

variable "use_test_credentials" {
  description = "Sign with dummy credentials (emulator or LocalStack only)."
  type        = bool
  default     = false
}

variable "node_role" {
  description = "IAM role of the nodes Karpenter launches (in a platform repo: the Karpenter submodule's `node_iam_role_name`)."
  type        = string
  default     = "KarpenterNodeRole-demo"
}

variable "firehose_arn" {
  description = "Firehose delivery stream the metric stream writes to."
  type        = string
  default     = "arn:aws:firehose:us-east-1:123456789012:deliverystream/demo-metrics"
}

variable "metric_stream_role_arn" {
  description = "Role CloudWatch assumes to write to the Firehose."
  type        = string
  default     = "arn:aws:iam::123456789012:role/demo-metric-stream"
}

variable "kubeconfig_path" {
  description = "Kubeconfig of the cluster to apply the rendered objects to (`make cluster-up` writes one). Null only renders them."
  type        = string
  default     = null
}

variable "crd_files" {
  description = "CRD manifests (Karpenter's, KEDA's) the cluster lacks, applied first in the same run and deleted on destroy. Empty when the cluster has them."
  type        = list(string)
  default     = []
}
