# The example planned offline, both node modes: every switch's objects are
# in the one object list, and the rule's taint is on the pools.

run "karpenter" {
  command = plan

  assert {
    condition = alltrue([for k in ["NodeReadinessRule/", "EC2NodeClass/", "NodePool/", "DaemonSet/kube-system/", "DestinationRule/shop/", "PrometheusRule/shop/", "ClusterQueue/", "LocalQueue/shop/"] :
    anytrue([for o in output.kubernetes_objects : startswith(o, k)])])
    error_message = "an object of every switch is rendered: ${jsonencode(output.kubernetes_objects)}"
  }
  assert {
    condition     = length(output.cloudwatch_alarms) > 0 && contains(keys(output.cost_summary.items), "standard_alarms")
    error_message = "the rendered alarms are priced: ${jsonencode(output.cost_summary.items)}"
  }
}

run "eks_auto_mode" {
  command = plan

  variables {
    auto_mode = true
  }

  assert {
    condition     = anytrue([for o in output.kubernetes_objects : startswith(o, "NodeClass/")]) && !anytrue([for o in output.kubernetes_objects : startswith(o, "EC2NodeClass/")])
    error_message = "Auto Mode: a NodeClass, no EC2NodeClass: ${jsonencode(output.kubernetes_objects)}"
  }
}
