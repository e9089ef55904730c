import {
  to = scaling_cloudwatch_metric_stream.scaling_signals
  id = "scaling-signals"
}
