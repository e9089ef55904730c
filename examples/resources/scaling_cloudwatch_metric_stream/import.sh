# Import by metric stream name.
terraform import scaling_cloudwatch_metric_stream.scaling_signals scaling-signals
