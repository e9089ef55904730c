# Shared part file: the same file is in modules/workload-autoscaling
# (TestSharedPartFiles keeps the copies equal). It reads var.workload and
# var.enable_workload_autoscaling, which each module defines.

variable "autoscaling" {
  description = <<-EOT
    The workload's autoscaler: `autoscaler` `hpa` (autoscaling/v2 HorizontalPodAutoscaler,
    `scaling_horizontal_pod_autoscaler`) or `keda` (KEDA ScaledObject, `scaling_keda_scaled_object`). Both: `name`
    (default the workload's), `min_replicas` (default the baseline, at least 1 for hpa) and `max_replicas` (default the
    peak), `scale_up_pods`, `behavior` (`scale_up`/`scale_down` with `policies`, `select_policy`,
    `stabilization_window_seconds`). HPA: `metric` (resource, container_resource, pods, object and external metrics),
    or the shortcuts `cpu_utilization`/`memory_utilization` (no metric at all: CPU 70%). KEDA: `trigger` (any number of
    `prometheus`, `aws-sqs-queue` and `cron` triggers), or the shortcuts `prometheus`, `sqs` and `cron`;
    `polling_interval`, `cooldown_period`, `idle_replicas`, `fallback`, `pod_identity` (for SQS; `sqs.role_arn` sets
    it). `scrape_interval_seconds` only feeds the latency estimate. Null attributes take the data source's default.
  EOT
  type = object({
    autoscaler    = optional(string, "hpa")
    name          = optional(string)
    min_replicas  = optional(number)
    max_replicas  = optional(number)
    scale_up_pods = optional(number)
    behavior = optional(object({
      scale_up = optional(object({
        policies                     = list(object({ type = string, value = number, period_seconds = number }))
        select_policy                = optional(string)
        stabilization_window_seconds = optional(number)
      }))
      scale_down = optional(object({
        policies                     = list(object({ type = string, value = number, period_seconds = number }))
        select_policy                = optional(string)
        stabilization_window_seconds = optional(number)
      }))
    }))

    metric = optional(list(object({
      type             = string
      name             = string
      container        = optional(string)
      described_object = optional(object({ name = string, kind = optional(string), api_version = optional(string) }))
      selector         = optional(map(string))
      target_type      = optional(string)
      utilization      = optional(number)
      value            = optional(string)
    })), [])
    cpu_utilization    = optional(number)
    memory_utilization = optional(number)

    trigger = optional(list(object({
      type        = string
      name        = optional(string)
      metric_type = optional(string)
      prometheus = optional(object({
        server_address       = string
        query                = string
        threshold            = string
        activation_threshold = optional(string)
      }))
      aws_sqs_queue = optional(object({
        queue_url               = string
        aws_region              = string
        queue_length            = optional(number)
        activation_queue_length = optional(number)
        authentication_ref      = optional(string)
      }))
      cron = optional(object({
        start            = string
        end              = string
        time_zone        = string
        desired_replicas = number
      }))
    })), [])
    prometheus = optional(object({
      server_address       = string
      query                = string
      threshold            = string
      activation_threshold = optional(string)
    }))
    sqs = optional(object({
      queue_url    = string
      region       = string
      queue_length = optional(number, 5)
      role_arn     = optional(string)
    }))
    cron = optional(list(object({
      start            = string
      end              = string
      time_zone        = string
      desired_replicas = number
    })), [])
    polling_interval = optional(number)
    cooldown_period  = optional(number)
    idle_replicas    = optional(number)
    fallback = optional(object({
      failure_threshold = number
      replicas          = number
      behavior          = optional(string)
    }))
    pod_identity = optional(object({
      provider       = optional(string)
      role_arn       = optional(string)
      identity_owner = optional(string)
    }))

    scrape_interval_seconds = optional(number)
  })
  default  = {}
  nullable = false

  validation {
    condition     = contains(["hpa", "keda"], var.autoscaling.autoscaler) && (var.autoscaling.name == null || can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", coalesce(var.autoscaling.name, "x"))))
    error_message = "autoscaling.autoscaler must be hpa or keda, and autoscaling.name (default the workload's name) a Kubernetes object name."
  }
  validation {
    condition = alltrue([for n in [var.autoscaling.min_replicas, var.autoscaling.max_replicas, var.autoscaling.scale_up_pods] : n == null || try(n >= 0 && n <= 1000000 && floor(n) == n, false)]) && (
      var.autoscaling.min_replicas == null || var.autoscaling.max_replicas == null || try(var.autoscaling.min_replicas <= var.autoscaling.max_replicas, false)) && (
      var.autoscaling.max_replicas == null || try(var.autoscaling.max_replicas >= 1, false)) && (
      var.autoscaling.scale_up_pods == null || try(var.autoscaling.scale_up_pods >= 1, false)) && (
    var.autoscaling.autoscaler == "keda" || var.autoscaling.min_replicas == null || try(var.autoscaling.min_replicas >= 1, false))
    error_message = "autoscaling.min_replicas, max_replicas and scale_up_pods are whole numbers with min <= max, max >= 1 and scale_up_pods >= 1; min_replicas 0 (scale to zero) needs autoscaler = \"keda\"."
  }
  validation {
    condition = var.autoscaling.behavior == null ? true : alltrue([for r in [var.autoscaling.behavior.scale_up, var.autoscaling.behavior.scale_down] : r == null ? true : (
      length(r.policies) >= 1 && alltrue([for p in r.policies : contains(["Pods", "Percent"], p.type) && p.value >= 1 && p.period_seconds >= 1 && p.period_seconds <= 1800]) &&
      contains(["Max", "Min", "Disabled"], coalesce(r.select_policy, "Max")) &&
      (r.stabilization_window_seconds == null ? true : r.stabilization_window_seconds >= 0 && r.stabilization_window_seconds <= 3600)
    )])
    error_message = "autoscaling.behavior.scale_up / scale_down: at least one policy, each { type = \"Pods\" or \"Percent\", value >= 1, period_seconds 1-1800 }; select_policy Max, Min or Disabled; stabilization_window_seconds 0-3600. E.g. scale_up = { policies = [{ type = \"Percent\", value = 100, period_seconds = 15 }] }."
  }
  validation {
    condition = alltrue([for m in var.autoscaling.metric :
      contains(["resource", "container_resource", "pods", "object", "external"], m.type) &&
      (m.target_type == null || contains(["Utilization", "AverageValue", "Value"], coalesce(m.target_type, "Value"))) &&
      (m.utilization == null || try(m.utilization >= 1 && m.utilization <= 1000, false)) &&
      (m.type != "container_resource" || m.container != null) && (m.type != "object" || m.described_object != null)
      ]) && alltrue([for u in [var.autoscaling.cpu_utilization, var.autoscaling.memory_utilization] : u == null || try(u > 0 && u <= 100, false)]) && (
    var.autoscaling.autoscaler == "hpa" || (length(var.autoscaling.metric) == 0 && var.autoscaling.cpu_utilization == null && var.autoscaling.memory_utilization == null))
    error_message = "autoscaling.metric, cpu_utilization and memory_utilization are HPA settings (autoscaler = \"hpa\"): metric type resource, container_resource (needs container), pods, object (needs described_object) or external; target_type Utilization, AverageValue or Value; utilization 1-1000; cpu_utilization and memory_utilization percentages in (0, 100]."
  }
  validation {
    condition = alltrue([for t in var.autoscaling.trigger :
      contains(["prometheus", "aws-sqs-queue", "cron"], t.type) &&
      (t.type == "prometheus") == (t.prometheus != null) && (t.type == "aws-sqs-queue") == (t.aws_sqs_queue != null) && (t.type == "cron") == (t.cron != null) &&
      (t.metric_type == null || contains(["AverageValue", "Value", "Utilization"], coalesce(t.metric_type, "Value"))) &&
      (t.name == null || can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", coalesce(t.name, "x"))))
    ])
    error_message = "each autoscaling.trigger has a type (prometheus, aws-sqs-queue or cron) and the matching block only (e.g. { type = \"cron\", cron = { start = \"0 8 * * 1-5\", end = \"0 18 * * 1-5\", time_zone = \"Europe/Berlin\", desired_replicas = 40 } }); metric_type AverageValue, Value or Utilization; name a DNS label."
  }
  validation {
    condition = alltrue(concat(
      [for t in var.autoscaling.trigger : t.cron == null ? true : length(split(" ", t.cron.start)) == 5 && length(split(" ", t.cron.end)) == 5 && t.cron.desired_replicas >= 1],
      [for c in var.autoscaling.cron : length(split(" ", c.start)) == 5 && length(split(" ", c.end)) == 5 && c.desired_replicas >= 1],
      [for t in var.autoscaling.trigger : t.aws_sqs_queue == null ? true : can(regex("^https://sqs\\.", t.aws_sqs_queue.queue_url)) && coalesce(t.aws_sqs_queue.queue_length, 1) >= 1],
      [var.autoscaling.sqs == null || try(can(regex("^https://sqs\\.", var.autoscaling.sqs.queue_url)) && var.autoscaling.sqs.queue_length >= 1 && can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.autoscaling.sqs.region)), false)],
      [for p in concat([for t in var.autoscaling.trigger : t.prometheus if t.prometheus != null], var.autoscaling.prometheus == null ? [] : [var.autoscaling.prometheus]) : can(regex("^https?://", p.server_address)) && length(p.query) > 0],
    ))
    error_message = "autoscaling KEDA triggers: cron start and end are five-field crons (e.g. \"0 8 * * 1-5\") with desired_replicas >= 1; SQS queue_url an https://sqs... URL with queue_length >= 1 and an AWS region (e.g. \"us-east-1\"); Prometheus server_address an http(s) URL and a non-empty query."
  }
  validation {
    condition = var.autoscaling.autoscaler == "hpa" ? (
      length(var.autoscaling.trigger) == 0 && var.autoscaling.prometheus == null && var.autoscaling.sqs == null && length(var.autoscaling.cron) == 0 &&
      var.autoscaling.polling_interval == null && var.autoscaling.cooldown_period == null && var.autoscaling.idle_replicas == null && var.autoscaling.fallback == null && var.autoscaling.pod_identity == null
    ) : (length(var.autoscaling.trigger) > 0 || var.autoscaling.prometheus != null || var.autoscaling.sqs != null || length(var.autoscaling.cron) > 0)
    error_message = "autoscaling: trigger, prometheus, sqs, cron, polling_interval, cooldown_period, idle_replicas, fallback and pod_identity are KEDA settings: with autoscaler = \"keda\" give at least one trigger (trigger, prometheus, sqs or cron); with autoscaler = \"hpa\" set none of them (switch to keda to use them)."
  }
  validation {
    condition = (var.autoscaling.polling_interval == null || try(var.autoscaling.polling_interval >= 1 && var.autoscaling.polling_interval <= 3600, false)) && (
      var.autoscaling.cooldown_period == null || try(var.autoscaling.cooldown_period >= 0 && var.autoscaling.cooldown_period <= 86400, false)) && (
      var.autoscaling.idle_replicas == null || var.autoscaling.idle_replicas == 0) && (
      var.autoscaling.fallback == null ? true : var.autoscaling.fallback.failure_threshold >= 1 && var.autoscaling.fallback.replicas >= 0 && contains(["static", "currentReplicas", "currentReplicasIfHigher", "currentReplicasIfLower"], coalesce(var.autoscaling.fallback.behavior, "static")) && alltrue([for t in var.autoscaling.trigger : coalesce(t.metric_type, "AverageValue") == "AverageValue"])) && (
      var.autoscaling.pod_identity == null ? true : contains(["aws", "aws-eks"], coalesce(var.autoscaling.pod_identity.provider, "aws")) && contains(["keda", "workload"], coalesce(var.autoscaling.pod_identity.identity_owner, "keda")) && (var.autoscaling.pod_identity.role_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/", var.autoscaling.pod_identity.role_arn)))) && (
    var.autoscaling.scrape_interval_seconds == null || try(var.autoscaling.scrape_interval_seconds >= 1 && var.autoscaling.scrape_interval_seconds <= 600, false))
    error_message = "autoscaling: polling_interval 1-3600 s, cooldown_period 0-86400 s, idle_replicas 0 (the only value KEDA supports), fallback { failure_threshold >= 1, replicas >= 0, behavior static, currentReplicas, currentReplicasIfHigher or currentReplicasIfLower } (KEDA falls back only with AverageValue triggers), pod_identity provider aws or aws-eks with identity_owner keda or workload and an IAM role ARN, scrape_interval_seconds 1-600."
  }
}

locals {
  autoscaling_keda   = var.autoscaling.autoscaler == "keda"
  autoscaling_target = { kind = var.workload.kind, name = var.workload.name, api_version = var.workload.api_version }

  autoscaling_min_replicas = coalesce(var.autoscaling.min_replicas, local.autoscaling_keda ? var.workload.baseline_replicas : max(1, var.workload.baseline_replicas))
  autoscaling_max_replicas = coalesce(var.autoscaling.max_replicas, max(1, var.workload.peak_replicas))

  # The shortcuts append to the full lists (tuples: a list would insist on
  # one element type).
  autoscaling_metrics = concat(
    [for m in var.autoscaling.metric : m],
    var.autoscaling.cpu_utilization == null ? [] : [{ type = "resource", name = "cpu", utilization = var.autoscaling.cpu_utilization, container = null, described_object = null, selector = null, target_type = null, value = null }],
    var.autoscaling.memory_utilization == null ? [] : [{ type = "resource", name = "memory", utilization = var.autoscaling.memory_utilization, container = null, described_object = null, selector = null, target_type = null, value = null }],
  )
  autoscaling_triggers = concat(
    [for t in var.autoscaling.trigger : t],
    var.autoscaling.prometheus == null ? [] : [{ type = "prometheus", name = null, metric_type = null, prometheus = var.autoscaling.prometheus, aws_sqs_queue = null, cron = null }],
    var.autoscaling.sqs == null ? [] : [{ type = "aws-sqs-queue", name = null, metric_type = null, prometheus = null, cron = null, aws_sqs_queue = {
      queue_url               = var.autoscaling.sqs.queue_url, aws_region = var.autoscaling.sqs.region, queue_length = var.autoscaling.sqs.queue_length
      activation_queue_length = null, authentication_ref = null
    } }],
    [for c in var.autoscaling.cron : { type = "cron", name = null, metric_type = null, prometheus = null, aws_sqs_queue = null, cron = c }],
  )
  # SQS needs credentials: KEDA's operator assumes the role through pod identity.
  autoscaling_pod_identity = var.autoscaling.pod_identity != null ? var.autoscaling.pod_identity : (
    var.autoscaling.sqs == null ? null : { provider = "aws", role_arn = var.autoscaling.sqs.role_arn, identity_owner = null }
  )

  # What the latency estimate calls the autoscaler's metric source.
  autoscaling_trigger_types = [for t in local.autoscaling_triggers : t.type]
  autoscaling_metric_source = !local.autoscaling_keda ? "metrics_server_cpu" : (
    contains(local.autoscaling_trigger_types, "aws-sqs-queue") ? "keda_sqs" : (contains(local.autoscaling_trigger_types, "prometheus") ? "keda_prometheus" : null)
  )
}

data "scaling_horizontal_pod_autoscaler" "this" {
  count = var.enable_workload_autoscaling && !local.autoscaling_keda ? 1 : 0

  name             = var.autoscaling.name
  namespace        = var.workload.namespace
  scale_target_ref = local.autoscaling_target
  min_replicas     = local.autoscaling_min_replicas
  max_replicas     = local.autoscaling_max_replicas
  scale_up_pods    = var.autoscaling.scale_up_pods
  behavior         = var.autoscaling.behavior
  metric           = length(local.autoscaling_metrics) == 0 ? null : local.autoscaling_metrics
}

data "scaling_keda_scaled_object" "this" {
  count = var.enable_workload_autoscaling && local.autoscaling_keda ? 1 : 0

  name             = var.autoscaling.name
  namespace        = var.workload.namespace
  scale_target_ref = local.autoscaling_target
  min_replicas     = local.autoscaling_min_replicas
  max_replicas     = local.autoscaling_max_replicas
  scale_up_pods    = var.autoscaling.scale_up_pods
  behavior         = var.autoscaling.behavior
  trigger          = local.autoscaling_triggers
  polling_interval = var.autoscaling.polling_interval
  cooldown_period  = var.autoscaling.cooldown_period
  idle_replicas    = var.autoscaling.idle_replicas
  fallback         = var.autoscaling.fallback
  pod_identity     = local.autoscaling_pod_identity
}

locals {
  # For-expressions, not conditionals, which would turn objects into maps.
  autoscaling_yaml = concat(
    [for d in data.scaling_horizontal_pod_autoscaler.this : d.yaml],
    [for d in data.scaling_keda_scaled_object.this : d.yaml],
  )
  autoscaling_manifests = concat(
    flatten([for d in data.scaling_horizontal_pod_autoscaler.this : d.manifests]),
    flatten([for d in data.scaling_keda_scaled_object.this : d.manifests]),
  )
}
