# API calls of scaling_cloudwatch_metric_stream, counted by the emulator.
# step 1 creates the stream, step 2 changes its tags in place.
terraform {
  required_providers {
    scaling = { source = "scalingkit/scaling" }
  }
}

variable "endpoint_url" { type = string }
variable "step" { type = number }

provider "scaling" {
  region               = "us-east-1"
  endpoint_url         = var.endpoint_url
  use_test_credentials = true
}

resource "scaling_cloudwatch_metric_stream" "this" {
  name          = "bench"
  firehose_arn  = "arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics"
  role_arn      = "arn:aws:iam::123456789012:role/metric-stream-to-firehose"
  output_format = "opentelemetry1.0"

  include_filter {
    namespace    = "AWS/SQS"
    metric_names = ["ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage"]
  }

  statistics_configuration {
    additional_statistics = ["p90", "p99"]

    include_metric {
      namespace   = "AWS/SQS"
      metric_name = "ApproximateAgeOfOldestMessage"
    }
  }

  tags = var.step == 1 ? { team = "platform" } : { team = "platform", step = "2" }
}
