package workload_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

const kueueQueues = "data.scaling_kueue_queues.test"

func kueueConfig(body string) string {
	return acctest.OfflineDataSourceConfig("scaling_kueue_queues", body)
}

const kueueGPUFlavors = `
  flavor = [
    { node_pool = "batch", capacity_type = "spot", quota = { cpu = { nominal = "100" } } },
    { name = "gpu", node_pool = "gpu", taint = [{ key = "nvidia.com/gpu", effect = "NoSchedule" }],
      node_pool_limits = { cpu = "64", "nvidia.com/gpu" = "8" } },
  ]
`

func TestKueueQueuesDataSource_flavorsFromNodePools(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: kueueConfig(kueueGPUFlavors + `
  local_queue = [{ namespace = "ml" }]
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(kueueQueues, "manifests.#", "4"),
			resource.TestCheckResourceAttr(kueueQueues, "manifests.0.kind", "ResourceFlavor"),
			resource.TestCheckResourceAttr(kueueQueues, "manifests.0.metadata.name", "batch-spot"),
			resource.TestCheckResourceAttr(kueueQueues, "manifests.0.spec.nodeLabels.karpenter.sh/nodepool", "batch"),
			resource.TestCheckResourceAttr(kueueQueues, "manifests.0.spec.nodeLabels.karpenter.sh/capacity-type", "spot"),
			resource.TestCheckResourceAttr(kueueQueues, "manifests.1.spec.tolerations.0.operator", "Exists"),
			resource.TestCheckResourceAttr(kueueQueues, "manifests.2.kind", "ClusterQueue"),
			resource.TestCheckResourceAttr(kueueQueues, "manifests.2.spec.resourceGroups.0.coveredResources.#", "2"),
			// GPU quota from the pool's limit; the CPU pool quotes 0 GPUs.
			resource.TestCheckResourceAttr(kueueQueues, "manifests.2.spec.resourceGroups.0.flavors.1.resources.1.nominalQuota", "8"),
			resource.TestCheckResourceAttr(kueueQueues, "manifests.2.spec.resourceGroups.0.flavors.0.resources.1.nominalQuota", "0"),
			resource.TestCheckResourceAttr(kueueQueues, "manifests.3.kind", "LocalQueue"),
			resource.TestCheckResourceAttr(kueueQueues, "manifests.3.metadata.namespace", "ml"),
			resource.TestCheckResourceAttr(kueueQueues, "covered_resources.1", "nvidia.com/gpu"),
			resource.TestCheckResourceAttr(kueueQueues, "flavor_names.0", "batch-spot"),
			resource.TestCheckResourceAttr(kueueQueues, "local_queue_names.0", "ml/batch"),
			resource.TestCheckResourceAttr(kueueQueues, "queue_name_label", "kueue.x-k8s.io/queue-name"),
			resource.TestMatchResourceAttr(kueueQueues, "yaml", regexp.MustCompile(`apiVersion: kueue.x-k8s.io/v1beta2`)),
		),
	}})
}

func TestKueueQueuesDataSource_provisioningCheckWarnsOnKarpenter(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: kueueConfig(kueueGPUFlavors + `
  provisioning_check = { managed_resources = ["nvidia.com/gpu"], on_flavors = ["gpu"] }
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(kueueQueues, "manifests.#", "5"),
			resource.TestCheckResourceAttr(kueueQueues, "manifests.2.kind", "ProvisioningRequestConfig"),
			resource.TestCheckResourceAttr(kueueQueues, "manifests.3.spec.parameters.apiGroup", "kueue.x-k8s.io"),
			resource.TestCheckResourceAttr(kueueQueues, "manifests.3.spec.controllerName", "kueue.x-k8s.io/provisioning-request"),
			resource.TestCheckResourceAttr(kueueQueues, "manifests.4.spec.admissionChecksStrategy.admissionChecks.0.onFlavors.0", "gpu"),
		),
	}})
}

func TestKueueQueuesDataSource_badInput(t *testing.T) {
	t.Parallel()
	acctest.ExpectErrors(t, kueueConfig, acctest.BadInputs{
		"api group with a version": {kueueGPUFlavors + `provisioning_check = { api_group = "kueue.x-k8s.io/v1beta1" }`,
			`provisioning_check\.api_group[\s\S]*use "kueue.x-k8s.io" \(parameters\.apiGroup is a group without a version`},
		"controller name from a guide": {kueueGPUFlavors + `provisioning_check = { controller_name = "kueue.x-k8s.io/provisioning" }`,
			`provisioning_check\.controller_name[\s\S]*kueue.x-k8s.io/provisioning-request`},
		"capacity type the pool does not launch": {`flavor = [{ node_pool = "a", capacity_type = "spot", node_pool_capacity_types = ["on-demand"], quota = { cpu = { nominal = "1" } } }]`,
			`flavor\[0\]\.capacity_type[\s\S]*never schedule`},
		"borrowing without cohort": {`flavor = [{ node_pool = "a", quota = { cpu = { nominal = "10", borrowing_limit = "5" } } }]`,
			`flavor\[0\]\.quota[\s\S]*needs a cohort`},
		"fractional backoff": {kueueGPUFlavors + `provisioning_check = { backoff_limit_count = 2.5 }`,
			`backoff_limit_count: must be a whole number`},
		"no quota": {`flavor = [{ node_pool = "a" }]`, `flavor\[0\]\.quota[\s\S]*node_pool_limits`},
	})
}

func TestKueueQueuesDataSource_problemPaths(t *testing.T) {
	t.Parallel()
	acctest.CheckProblemPaths(t, "scaling_kueue_queues", map[string]any{
		"cohort": "ai", "preemption": map[string]any{"reclaim_within_cohort": "Any", "borrow_within_cohort": "LowerPriority", "borrow_max_priority_threshold": 100},
		"when_can_borrow": "TryNextFlavor",
		"flavor": []any{map[string]any{
			"node_pool": "gpu", "capacity_type": "on-demand", "node_pool_capacity_types": []any{"on-demand"},
			"node_labels":      map[string]any{"karpenter.k8s.aws/instance-gpu-manufacturer": "nvidia"},
			"taint":            []any{map[string]any{"key": "nvidia.com/gpu", "effect": "NoSchedule"}},
			"quota":            map[string]any{"cpu": map[string]any{"nominal": "10", "lending_limit": "5"}},
			"node_pool_limits": map[string]any{"nvidia.com/gpu": "8"},
		}},
		"local_queue":        []any{map[string]any{"namespace": "ml"}},
		"provisioning_check": map[string]any{"managed_resources": []any{"nvidia.com/gpu"}, "backoff_limit_count": 3, "on_flavors": []any{"gpu-on-demand"}},
	})
}
