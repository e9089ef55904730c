locals {
  is_hpa = var.autoscaler == "hpa"
  target = { kind = var.workload_kind, name = var.workload_name, api_version = "apps/v1" }

  hpa_metrics = concat(
    var.cpu_utilization == null ? [] : [{ type = "resource", name = "cpu", utilization = var.cpu_utilization }],
    var.memory_utilization == null ? [] : [{ type = "resource", name = "memory", utilization = var.memory_utilization }],
  )

  keda_triggers = concat(
    var.prometheus == null ? [] : [{ type = "prometheus", prometheus = var.prometheus, aws_sqs_queue = null, cron = null }],
    var.sqs == null ? [] : [{ type = "aws-sqs-queue", prometheus = null, cron = null, aws_sqs_queue = {
      queue_url    = var.sqs.queue_url
      aws_region   = var.sqs.region
      queue_length = var.sqs.queue_length
    } }],
    [for c in var.cron : { type = "cron", prometheus = null, aws_sqs_queue = null, cron = c }],
  )
}

data "scaling_horizontal_pod_autoscaler" "this" {
  count = local.is_hpa ? 1 : 0

  name             = var.workload_name
  namespace        = var.namespace
  scale_target_ref = local.target
  min_replicas     = var.min_replicas
  max_replicas     = var.max_replicas
  scale_up_pods    = var.scale_up_pods
  metric           = local.hpa_metrics
}

data "scaling_keda_scaled_object" "this" {
  count = local.is_hpa ? 0 : 1

  name             = var.workload_name
  namespace        = var.namespace
  scale_target_ref = local.target
  min_replicas     = var.min_replicas
  max_replicas     = var.max_replicas
  scale_up_pods    = var.scale_up_pods
  polling_interval = var.polling_interval
  cooldown_period  = var.cooldown_period
  trigger          = local.keda_triggers

  # SQS needs credentials: KEDA's operator assumes the role through pod identity.
  pod_identity = var.sqs == null ? null : { provider = "aws", role_arn = var.sqs.role_arn }
}

locals {
  manifests = local.is_hpa ? data.scaling_horizontal_pod_autoscaler.this[0].manifests : data.scaling_keda_scaled_object.this[0].manifests
  yaml      = local.is_hpa ? data.scaling_horizontal_pod_autoscaler.this[0].yaml : data.scaling_keda_scaled_object.this[0].yaml

  objects = { for m in local.manifests : "${m.kind}/${try(m.metadata.namespace, "")}/${m.metadata.name}" => m }

  # What the latency estimate calls the autoscaler's metric source.
  metric_source = local.is_hpa ? "metrics_server_cpu" : (var.sqs != null ? "keda_sqs" : (var.prometheus != null ? "keda_prometheus" : null))
}

resource "kubernetes_manifest" "this" {
  for_each = { for k, v in local.objects : k => v if var.apply }

  manifest = each.value
}
