# Stream the SQS metrics KEDA scales on to Firehose within minutes, with
# p99 of the queue age, in OpenTelemetry 1.0.
resource "scaling_cloudwatch_metric_stream" "scaling_signals" {
  name          = "scaling-signals"
  firehose_arn  = "arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics"
  role_arn      = "arn:aws:iam::123456789012:role/metric-stream-to-firehose"
  output_format = "opentelemetry1.0"

  include_filter {
    namespace    = "AWS/SQS"
    metric_names = ["ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage"]
  }

  include_filter {
    namespace = "ContainerInsights"
  }

  # OpenTelemetry formats take only percentiles.
  statistics_configuration {
    additional_statistics = ["p90", "p99"]

    include_metric {
      namespace   = "AWS/SQS"
      metric_name = "ApproximateAgeOfOldestMessage"
    }
  }

  # "stopped" pauses the stream; a stream stopped outside Terraform is
  # started again on the next apply.
  state = "running"

  tags = {
    team = "platform"
  }
}
