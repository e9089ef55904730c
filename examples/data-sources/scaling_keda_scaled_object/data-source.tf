# Scale order workers on SQS queue depth; KEDA reads the queue with pod
# identity (a TriggerAuthentication with provider "aws" is rendered too).
data "scaling_keda_scaled_object" "orders" {
  namespace        = "orders"
  scale_target_ref = { name = "order-worker" }
  min_replicas     = 0
  max_replicas     = 300
  polling_interval = 5

  trigger = [
    {
      type = "aws-sqs-queue"
      name = "orders"
      aws_sqs_queue = {
        queue_url    = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders"
        aws_region   = "eu-west-1"
        queue_length = 10
      }
    },
    {
      # Predictive scaling: hold 20 workers through the morning batch.
      type = "cron"
      name = "morning-batch"
      cron = { time_zone = "Europe/Berlin", start = "0 6 * * *", end = "0 9 * * *", desired_replicas = 20 }
    },
  ]

  pod_identity = { role_arn = "arn:aws:iam::123456789012:role/keda-sqs-reader" }
}

# TriggerAuthentication first, then the ScaledObject.
resource "kubernetes_manifest" "orders_scaling" {
  for_each = { for i, m in data.scaling_keda_scaled_object.orders.manifests : "${i}-${m.kind}" => m }
  manifest = each.value
}
