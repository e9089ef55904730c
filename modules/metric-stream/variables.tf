variable "name" {
  description = "Metric stream name: 1-255 letters, digits, '-' or '_'."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,255}$", var.name))
    error_message = "name must be 1-255 letters, digits, '-' or '_' (e.g. \"prod-scaling-metrics\")."
  }
}

variable "firehose_arn" {
  description = "ARN of the Kinesis Data Firehose delivery stream that receives the metrics (created outside this module)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:firehose:[a-z0-9-]+:[0-9]{12}:deliverystream/.+$", var.firehose_arn))
    error_message = "firehose_arn must be a Firehose delivery stream ARN, e.g. arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics."
  }
}

variable "role_arn" {
  description = "ARN of the IAM role CloudWatch assumes to write to the Firehose stream (`firehose:PutRecord`, `firehose:PutRecordBatch`)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", var.role_arn))
    error_message = "role_arn must be an IAM role ARN, e.g. arn:aws:iam::123456789012:role/metric-stream."
  }
}

variable "output_format" {
  description = "`json`, `opentelemetry0.7` or `opentelemetry1.0`."
  type        = string
  default     = "opentelemetry1.0"
  nullable    = false

  validation {
    condition     = contains(["json", "opentelemetry0.7", "opentelemetry1.0"], var.output_format)
    error_message = "output_format must be json, opentelemetry0.7 or opentelemetry1.0."
  }
}

variable "include_namespaces" {
  description = "Namespaces to stream, each with optional metric names (empty list: every metric of the namespace). Default: the signals a scaler reads (SQS queue depth, ALB request count, Container Insights). Set to {} and use `exclude_namespaces` to stream everything else."
  type        = map(list(string))
  default = {
    "AWS/SQS"            = ["ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage"]
    "AWS/ApplicationELB" = ["RequestCountPerTarget", "TargetResponseTime"]
    "ContainerInsights"  = ["pod_cpu_utilization", "pod_memory_utilization"]
  }
  nullable = false
}

variable "exclude_namespaces" {
  description = "Namespaces to leave out (with optional metric names). CloudWatch refuses include and exclude filters together."
  type        = map(list(string))
  default     = {}
  nullable    = false

  validation {
    condition     = length(var.exclude_namespaces) == 0 || length(var.include_namespaces) == 0
    error_message = "set either include_namespaces or exclude_namespaces, not both (CloudWatch rejects the combination): set include_namespaces = {} to use exclusions."
  }
}

variable "percentiles" {
  description = "Extra statistics (e.g. `p90`, `p99`) to stream for every included metric that has metric names. OpenTelemetry formats allow only percentiles; at most 20."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = length(var.percentiles) <= 20 && alltrue([for p in var.percentiles : can(regex("^p[0-9]{1,2}(\\.[0-9]+)?$", p))])
    error_message = "percentiles must be at most 20 values like \"p90\" or \"p99.9\"."
  }
}

variable "running" {
  description = "Keep the stream running (true) or stopped (false)."
  type        = bool
  default     = true
  nullable    = false
}

variable "tags" {
  description = "Tags applied to the stream."
  type        = map(string)
  default     = {}
  nullable    = false
}
