# Batch and GPU jobs queue in Kueue and are admitted within quotas that
# match the Karpenter NodePools: spot first, on-demand when spot quota is
# used up, GPUs on a tainted pool. Jobs join with the label
# kueue.x-k8s.io/queue-name = "batch".
data "scaling_kueue_queues" "batch" {
  cluster_queue = "batch"
  cohort        = "platform"
  preemption = {
    reclaim_within_cohort = "Any"
    within_cluster_queue  = "LowerPriority"
  }
  when_can_borrow = "TryNextFlavor"

  flavor = [
    {
      node_pool                = "batch"
      capacity_type            = "spot"
      node_pool_capacity_types = ["spot", "on-demand"]
      quota = {
        cpu    = { nominal = "400" }
        memory = { nominal = "1600Gi" }
      }
    },
    {
      node_pool                = "batch"
      capacity_type            = "on-demand"
      node_pool_capacity_types = ["spot", "on-demand"]
      quota = {
        cpu    = { nominal = "100", lending_limit = "50" }
        memory = { nominal = "400Gi" }
      }
    },
    {
      name        = "gpu"
      node_pool   = "gpu"
      node_labels = { "karpenter.k8s.aws/instance-gpu-manufacturer" = "nvidia" }
      taint       = [{ key = "nvidia.com/gpu", effect = "NoSchedule" }]
      # The pool's spec.limits become the nominal quota.
      node_pool_limits = { cpu = "192", memory = "1536Gi", "nvidia.com/gpu" = "16" }
    },
  ]

  local_queue = [
    { namespace = "ml" },
    { namespace = "data-eng" },
  ]
}

resource "kubernetes_manifest" "kueue" {
  for_each = { for i, m in data.scaling_kueue_queues.batch.manifests : "${m.kind}/${try(m.metadata.namespace, "")}/${m.metadata.name}" => m }
  manifest = each.value
}
