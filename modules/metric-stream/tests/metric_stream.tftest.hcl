# The stream resource is mocked (no CloudWatch API); the plan is what matters.
mock_provider "scaling" {
  mock_resource "scaling_cloudwatch_metric_stream" {
    defaults = {
      arn = "arn:aws:cloudwatch:us-east-1:123456789012:metric-stream/scaling"
    }
  }
}

variables {
  cluster_name = "prod-use1"
  metric_stream = {
    firehose_arn = "arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics"
    role_arn     = "arn:aws:iam::123456789012:role/metric-stream"
  }
}

run "streams_the_scaler_signals" {
  command = plan

  assert {
    condition     = toset([for f in scaling_cloudwatch_metric_stream.this[0].include_filter : f.namespace]) == toset(["AWS/SQS", "AWS/ApplicationELB", "ContainerInsights"])
    error_message = "default include filters should be SQS, ALB and Container Insights"
  }
  assert {
    condition     = scaling_cloudwatch_metric_stream.this[0].output_format == "opentelemetry1.0"
    error_message = "default output format should be opentelemetry1.0"
  }
  assert {
    condition     = scaling_cloudwatch_metric_stream.this[0].name == "prod-use1-scaling"
    error_message = "the stream is named after the cluster by default"
  }
  assert {
    condition     = scaling_cloudwatch_metric_stream.this[0].state == "running"
    error_message = "the stream should run by default"
  }
  assert {
    condition     = length(scaling_cloudwatch_metric_stream.this[0].statistics_configuration) == 0
    error_message = "no statistics configuration without percentiles"
  }
}

# Before the apply run below: its state would keep the applied name.
run "json_statistics_and_exclusions" {
  command = plan

  variables {
    metric_stream = {
      firehose_arn                    = "arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics"
      role_arn                        = "arn:aws:iam::123456789012:role/metric-stream"
      name_prefix                     = "scaling-"
      output_format                   = "json"
      include_namespaces              = {}
      exclude_namespaces              = { "AWS/EC2" = [] }
      include_linked_accounts_metrics = true
      tags                            = { team = "platform" }
      statistics_configurations = [{
        additional_statistics = ["tm99", "p99.9"]
        include_metric        = [{ namespace = "AWS/SQS", metric_name = "ApproximateAgeOfOldestMessage" }]
      }]
    }
  }

  assert {
    condition     = scaling_cloudwatch_metric_stream.this[0].name_prefix == "scaling-"
    error_message = "name_prefix should reach the stream (the name is then generated)"
  }
  assert {
    condition     = length(scaling_cloudwatch_metric_stream.this[0].exclude_filter) == 1 && length(scaling_cloudwatch_metric_stream.this[0].include_filter) == 0
    error_message = "exclusions only"
  }
  assert {
    condition     = contains(one(scaling_cloudwatch_metric_stream.this[0].statistics_configuration).additional_statistics, "tm99") && scaling_cloudwatch_metric_stream.this[0].include_linked_accounts_metrics
    error_message = "json streams take any statistic for the metrics named"
  }
}

run "percentiles_cover_included_metrics" {
  variables {
    metric_stream = {
      firehose_arn = "arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics"
      role_arn     = "arn:aws:iam::123456789012:role/metric-stream"
      percentiles  = ["p90", "p99"]
      running      = false
    }
  }

  assert {
    condition     = length(one(scaling_cloudwatch_metric_stream.this[0].statistics_configuration).include_metric) == 6
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
    metric_stream = {
      firehose_arn       = "arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics"
      role_arn           = "arn:aws:iam::123456789012:role/metric-stream"
      exclude_namespaces = { "AWS/EC2" = [] }
    }
  }
  expect_failures = [var.metric_stream]
}

run "bad_firehose_arn_fails" {
  command = plan
  variables {
    metric_stream = { firehose_arn = "metrics", role_arn = "arn:aws:iam::123456789012:role/metric-stream" }
  }
  expect_failures = [var.metric_stream]
}

run "bad_output_format_fails" {
  command = plan
  variables {
    metric_stream = {
      firehose_arn  = "arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics"
      role_arn      = "arn:aws:iam::123456789012:role/metric-stream"
      output_format = "otel"
    }
  }
  expect_failures = [var.metric_stream]
}

run "opentelemetry_takes_only_percentiles" {
  command = plan
  variables {
    metric_stream = {
      firehose_arn              = "arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics"
      role_arn                  = "arn:aws:iam::123456789012:role/metric-stream"
      statistics_configurations = [{ additional_statistics = ["tm99"], include_metric = [{ namespace = "AWS/SQS", metric_name = "NumberOfMessagesSent" }] }]
    }
  }
  expect_failures = [var.metric_stream]
}

run "name_and_prefix_conflict" {
  command = plan
  variables {
    metric_stream = {
      firehose_arn = "arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics"
      role_arn     = "arn:aws:iam::123456789012:role/metric-stream"
      name         = "a"
      name_prefix  = "b"
    }
  }
  expect_failures = [var.metric_stream]
}

run "settings_are_required" {
  command = plan
  variables {
    metric_stream = null
  }
  expect_failures = [var.metric_stream]
}

run "bad_timeout" {
  command = plan
  variables {
    metric_stream = {
      firehose_arn = "arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics"
      role_arn     = "arn:aws:iam::123456789012:role/metric-stream"
      timeouts     = { update = "forever" }
    }
  }
  expect_failures = [var.metric_stream]
}
