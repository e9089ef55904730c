package karpenter_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

const nodePool = "data.scaling_karpenter_node_pool.test"

func nodePoolConfig(body string) string {
	return acctest.OfflineDataSourceConfig("scaling_karpenter_node_pool", body)
}

func TestNodePoolDataSource_defaults(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: nodePoolConfig(`name = "default"`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(nodePool, "manifest.apiVersion", "karpenter.sh/v1"),
			resource.TestCheckResourceAttr(nodePool, "manifest.kind", "NodePool"),
			resource.TestCheckResourceAttr(nodePool, "manifest.metadata.name", "default"),
			resource.TestCheckResourceAttr(nodePool, "manifest.spec.template.spec.expireAfter", "720h"),
			resource.TestCheckResourceAttr(nodePool, "manifest.spec.template.spec.nodeClassRef.kind", "EC2NodeClass"),
			resource.TestCheckResourceAttr(nodePool, "manifest.spec.template.spec.requirements.#", "4"),
			resource.TestCheckResourceAttr(nodePool, "manifest.spec.template.spec.requirements.0.key", "karpenter.k8s.aws/instance-category"),
			resource.TestCheckResourceAttr(nodePool, "manifest.spec.disruption.consolidationPolicy", "WhenEmptyOrUnderutilized"),
			resource.TestCheckNoResourceAttr(nodePool, "manifest.spec.weight"),
			resource.TestMatchResourceAttr(nodePool, "yaml", regexp.MustCompile(`^apiVersion: karpenter.sh/v1\nkind: NodePool\n`)),
			resource.TestMatchResourceAttr(nodePool, "json", regexp.MustCompile(`"kind": "NodePool"`)),
		),
	}})
}

func TestNodePoolDataSource_full(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: nodePoolConfig(`
  name              = "batch"
  node_class_name   = "batch"
  instance_families = ["c7i", "m7i", "r7i"]
  capacity_types    = ["spot"]
  zones             = ["us-east-1a", "us-east-1b"]
  requirements = [
    { key = "karpenter.k8s.aws/instance-size", operator = "NotIn", values = ["metal"] },
    { key = "karpenter.k8s.aws/instance-family", operator = "In", values = ["c7i", "m7i", "r7i"], min_values = 2 },
  ]
  labels         = { "example.com/team" = "batch" }
  taints         = [{ key = "example.com/batch", value = "true", effect = "NoSchedule" }]
  expire_after   = "168h"
  disruption = {
    consolidation_policy = "WhenEmpty"
    consolidate_after    = "5m"
    budgets = [
      { nodes = "20%" },
      { nodes = "0", schedule = "0 9 * * mon-fri", duration = "8h", reasons = ["Underutilized"] },
    ]
  }
  limits = { cpu = "1000" }
  weight = 60
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(nodePool, "manifest.spec.weight", "60"),
			resource.TestCheckResourceAttr(nodePool, "manifest.spec.limits.cpu", "1000"),
			resource.TestCheckResourceAttr(nodePool, "manifest.spec.template.spec.nodeClassRef.name", "batch"),
			resource.TestCheckResourceAttr(nodePool, "manifest.spec.template.spec.requirements.0.key", "karpenter.k8s.aws/instance-family"),
			resource.TestCheckResourceAttr(nodePool, "manifest.spec.template.spec.requirements.1.values.0", "spot"),
			resource.TestCheckResourceAttr(nodePool, "manifest.spec.template.spec.requirements.5.minValues", "2"),
			resource.TestCheckResourceAttr(nodePool, "manifest.spec.template.metadata.labels.example.com/team", "batch"),
			resource.TestCheckResourceAttr(nodePool, "manifest.spec.template.spec.taints.0.effect", "NoSchedule"),
			resource.TestCheckResourceAttr(nodePool, "manifest.spec.disruption.budgets.1.schedule", "0 9 * * mon-fri"),
			resource.TestCheckResourceAttr(nodePool, "manifest.spec.disruption.budgets.1.duration", "8h"),
			resource.TestCheckResourceAttr(nodePool, "manifest.spec.disruption.budgets.1.reasons.0", "Underutilized"),
		),
	}})
}

// Bad input fails at plan time, naming the attribute and the fix.
func TestNodePoolDataSource_badInput(t *testing.T) {
	t.Parallel()
	cases := acctest.BadInputs{
		"weight zero":          {`name = "a"` + "\n" + `weight = 0`, `weight: must be a whole number between 1 and 100, got 0`},
		"fractional weight":    {`name = "a"` + "\n" + `weight = 10.5`, `weight: must be a whole number between 1 and 100, got 10\.5`},
		"huge min values":      {`name = "a"` + "\n" + `requirements = [{ key = "example.com/x", operator = "In", values = ["1"], min_values = 1e400 }]`, `requirements\[0\]\.min_values: must be a whole number between 1 and 50, got 1e\+400`},
		"schedule no duration": {`name = "a"` + "\n" + `disruption = { budgets = [{ nodes = "1" }, { schedule = "0 9 * * *" }] }`, `budgets\[1\]\.schedule needs a duration, e.g. 8h`},
		"unknown reason":       {`name = "a"` + "\n" + `disruption = { budgets = [{ reasons = ["Expired"] }] }`, `"Expired" is not a disruption reason`},
		"unknown operator":     {`name = "a"` + "\n" + `requirements = [{ key = "example.com/x", operator = "Within", values = ["1"] }]`, `"Within" is not an operator`},
		"min values":           {`name = "a"` + "\n" + `requirements = [{ key = "example.com/x", operator = "In", values = ["1"], min_values = 3 }]`, `only 1 value\(s\) are given`},
		"restricted label":     {`name = "a"` + "\n" + `labels = { "karpenter.sh/team" = "x" }`, `label domain karpenter.sh is restricted`},
		"bad duration":         {`name = "a"` + "\n" + `expire_after = "30d"`, `not a duration`},
		"bad cron":             {`name = "a"` + "\n" + `disruption = { budgets = [{ schedule = "0 25 * * *", duration = "1h" }] }`, `not a valid cron`},
	}
	acctest.ExpectErrors(t, nodePoolConfig, cases)
}

// Every problem the renderer reports names an attribute of the schema.
func TestNodePoolDataSource_problemPaths(t *testing.T) {
	t.Parallel()
	acctest.CheckProblemPaths(t, "scaling_karpenter_node_pool", nodePoolBase())
}

// nodePoolBase is a valid NodePool configuration with every nested block.
func nodePoolBase() map[string]any {
	return map[string]any{
		"name":           "default",
		"requirements":   []any{map[string]any{"key": "example.com/x", "operator": "In", "values": []any{"a", "b"}, "min_values": 2}},
		"taints":         []any{map[string]any{"key": "example.com/gpu", "value": "true", "effect": "NoSchedule"}},
		"startup_taints": []any{map[string]any{"key": "example.com/agent", "effect": "NoExecute"}},
		"disruption":     map[string]any{"budgets": []any{map[string]any{"nodes": "1", "schedule": "@daily", "duration": "1h"}}},
		"labels":         map[string]any{"example.com/team": "a"},
		"limits":         map[string]any{"cpu": "100"},
	}
}
