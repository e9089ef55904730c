# The stream resource is mocked (no CloudWatch API); the plan is what matters.
mock_provider "scaling" {
  mock_resource "scaling_cloudwatch_metric_stream" {
    defaults = {
      arn = "arn:aws:cloudwatch:us-east-1:123456789012:metric-stream/scaling"
    }
  }
}

variables {
  name         = "scaling"
  firehose_arn = "arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics"
  role_arn     = "arn:aws:iam::123456789012:role/metric-stream"
}

run "streams_the_scaler_signals" {
  command = plan

  assert {
    condition     = toset([for f in scaling_cloudwatch_metric_stream.this.include_filter : f.namespace]) == toset(["AWS/SQS", "AWS/ApplicationELB", "ContainerInsights"])
    error_message = "default include filters should be SQS, ALB and Container Insights"
  }
  assert {
    condition     = scaling_cloudwatch_metric_stream.this.output_format == "opentelemetry1.0"
    error_message = "default output format should be opentelemetry1.0"
  }
  assert {
    condition     = scaling_cloudwatch_metric_stream.this.state == "running"
    error_message = "the stream should run by default"
  }
  assert {
    condition     = length(scaling_cloudwatch_metric_stream.this.statistics_configuration) == 0
    error_message = "no statistics configuration without percentiles"
  }
}

run "percentiles_cover_included_metrics" {
  variables {
    percentiles = ["p90", "p99"]
    running     = false
  }

  assert {
    condition     = length(one(scaling_cloudwatch_metric_stream.this.statistics_configuration).include_metric) == 6
    error_message = "every included metric name should get the percentiles"
  }
  assert {
    condition     = output.state == "stopped"
    error_message = "running = false should stop the stream"
  }
  assert {
    condition     = output.arn == "arn:aws:cloudwatch:us-east-1:123456789012:metric-stream/scaling"
    error_message = "arn output should come from the resource"
  }
}

run "include_and_exclude_together_fail" {
  command = plan

  variables {
    exclude_namespaces = { "AWS/EC2" = [] }
  }

  expect_failures = [var.exclude_namespaces]
}

run "bad_firehose_arn_fails" {
  command = plan

  variables {
    firehose_arn = "metrics"
  }

  expect_failures = [var.firehose_arn]
}

run "bad_output_format_fails" {
  command = plan

  variables {
    output_format = "otel"
  }

  expect_failures = [var.output_format]
}
