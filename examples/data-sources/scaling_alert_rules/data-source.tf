# The scale-out KPIs as a PrometheusRule and as CloudWatch alarms, with
# thresholds from the stack's own target and warm pool.
data "scaling_alert_rules" "checkout" {
  labels             = { release = "kube-prometheus-stack" }
  cluster_name       = "prod-use1"
  target_p95_seconds = 90
  detection_seconds  = 5

  workload  = { namespace = "shop", name = "checkout", scaled_object = "checkout" }
  warm_pool = { namespace = "shop", deployment = "checkout-warm-pool", size = 15 }

  price_per_pod_hour = 0.05
  node_pools         = ["checkout-spot", "checkout-on-demand"]

  extra_rule = [{
    alert    = "KarpenterQueueDeep"
    expr     = "max(karpenter_scheduler_queue_depth) > 100"
    for      = "5m"
    severity = "critical"
    summary  = "more than 100 pods wait in Karpenter's scheduling queue"
  }]
}

resource "kubernetes_manifest" "scale_out_rules" {
  manifest = data.scaling_alert_rules.checkout.manifest
}

resource "aws_cloudwatch_metric_alarm" "scale_out" {
  for_each = data.scaling_alert_rules.checkout.cloudwatch_alarms

  alarm_name          = each.value.alarm_name
  alarm_description   = each.value.alarm_description
  namespace           = each.value.namespace
  metric_name         = each.value.metric_name
  dimensions          = each.value.dimensions
  statistic           = each.value.statistic
  period              = each.value.period
  evaluation_periods  = each.value.evaluation_periods
  datapoints_to_alarm = each.value.datapoints_to_alarm
  threshold           = each.value.threshold
  comparison_operator = each.value.comparison_operator
  treat_missing_data  = each.value.treat_missing_data
}

# What the alarms add to the bill: alarm_count counts every alarm rendered,
# high_resolution_alarm_count those of them at 10 s or 30 s (none here:
# Container Insights and AWS/EKS publish per minute).
data "scaling_cost_estimate" "alarms" {
  standard_alarms        = data.scaling_alert_rules.checkout.alarm_count - data.scaling_alert_rules.checkout.high_resolution_alarm_count
  high_resolution_alarms = data.scaling_alert_rules.checkout.high_resolution_alarm_count
}

output "alarms_monthly_usd" {
  value = { for i in data.scaling_cost_estimate.alarms.items : i.name => i.per_cluster_monthly_usd if endswith(i.name, "_alarms") }
}
