# After, Terraform 1.8 and later: the same stream, now managed by the scaling
# provider; the arguments are the same. The moved block says it is the same
# object: nothing is destroyed or created, the next plan shows no changes.
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

moved {
  from = aws_cloudwatch_metric_stream.signals
  to   = scaling_cloudwatch_metric_stream.signals
}
