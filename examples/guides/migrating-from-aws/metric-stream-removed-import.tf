# After, Terraform 1.7 and later: the aws provider forgets the stream
# without deleting it, and the scaling provider imports it, in one apply.
removed {
  from = aws_cloudwatch_metric_stream.signals

  lifecycle {
    destroy = false
  }
}

import {
  to = scaling_cloudwatch_metric_stream.signals
  id = "scaling-signals"
}

resource "scaling_cloudwatch_metric_stream" "signals" {
  name          = "scaling-signals"
  firehose_arn  = "arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics"
  role_arn      = "arn:aws:iam::123456789012:role/metric-stream-to-firehose"
  output_format = "opentelemetry1.0"

  include_filter {
    namespace    = "AWS/SQS"
    metric_names = ["ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage"]
  }

  statistics_configuration {
    additional_statistics = ["p99"]

    include_metric {
      namespace   = "AWS/SQS"
      metric_name = "ApproximateAgeOfOldestMessage"
    }
  }

  tags = {
    team = "platform"
  }
}

