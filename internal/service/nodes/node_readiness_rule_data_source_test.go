package nodes_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

const rule = "data.scaling_node_readiness_rule.test"

func ruleConfig(body string) string {
	return acctest.OfflineDataSourceConfig("scaling_node_readiness_rule", body)
}

func TestNodeReadinessRuleDataSource_presets(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: ruleConfig(`
  name       = "gpu-ready"
  presets    = ["vpc_cni", "nvidia_device_plugin"]
  conditions = [{ type = "example.com/AgentReady" }]
  node_pools = ["gpu"]
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(rule, "manifest.apiVersion", "readiness.node.x-k8s.io/v1alpha1"),
			resource.TestCheckResourceAttr(rule, "manifest.kind", "NodeReadinessRule"),
			resource.TestCheckNoResourceAttr(rule, "manifest.metadata.namespace"),
			resource.TestCheckResourceAttr(rule, "manifest.spec.conditions.#", "3"),
			resource.TestCheckResourceAttr(rule, "manifest.spec.conditions.0.type", "readiness.scalingkit.io/VPCCNIReady"),
			resource.TestCheckResourceAttr(rule, "manifest.spec.conditions.2.requiredStatus", "True"),
			resource.TestCheckResourceAttr(rule, "manifest.spec.enforcementMode", "bootstrap-only"),
			resource.TestCheckResourceAttr(rule, "manifest.spec.nodeSelector.matchExpressions.0.key", "karpenter.sh/nodepool"),
			resource.TestCheckResourceAttr(rule, "manifest.spec.taint.key", "readiness.k8s.io/gpu-ready"),
			resource.TestCheckResourceAttr(rule, "startup_taints.#", "1"),
			resource.TestCheckResourceAttr(rule, "startup_taints.0.key", "readiness.k8s.io/gpu-ready"),
			resource.TestCheckResourceAttr(rule, "startup_taints.0.value", "pending"),
			resource.TestCheckResourceAttr(rule, "startup_taints.0.effect", "NoSchedule"),
			resource.TestCheckResourceAttr(rule, "reporters.#", "2"),
			resource.TestCheckResourceAttr(rule, "reporters.0.check_endpoint", "http://127.0.0.1:61679/v1/enis"),
			resource.TestCheckResourceAttr(rule, "reporters.0.host_network", "true"),
			resource.TestCheckResourceAttr(rule, "reporters.1.check_endpoint", ""),
			resource.TestMatchResourceAttr(rule, "yaml", regexp.MustCompile(`(?s)kind: NodeReadinessRule.*enforcementMode: bootstrap-only`)),
		),
	}})
}

// The rule's startup taint is what the NodePool gets: one value, no drift.
func TestNodeReadinessRuleDataSource_startupTaintFeedsTheNodePool(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: acctest.OfflineProviderConfig + `
data "scaling_node_readiness_rule" "cni" {
  name       = "vpc-cni"
  presets    = ["vpc_cni"]
  node_pools = ["web"]
  taint      = { key = "readiness.k8s.io/network", value = "booting" }
}
data "scaling_node_readiness_rule" "ebs" {
  name       = "ebs-csi"
  presets    = ["ebs_csi"]
  node_pools = ["web"]
}
data "scaling_karpenter_node_pool" "web" {
  name           = "web"
  startup_taints = concat(data.scaling_node_readiness_rule.cni.startup_taints, data.scaling_node_readiness_rule.ebs.startup_taints)
}
data "scaling_image_prepull" "web" {
  name       = "web-prepull"
  images     = ["public.ecr.aws/docker/library/nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"]
  node_pools = ["web"]
  taints     = data.scaling_karpenter_node_pool.web.startup_taints
}
`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr("data.scaling_karpenter_node_pool.web", "manifest.spec.template.spec.startupTaints.0.key", "readiness.k8s.io/network"),
			resource.TestCheckResourceAttr("data.scaling_karpenter_node_pool.web", "manifest.spec.template.spec.startupTaints.0.value", "booting"),
			resource.TestCheckResourceAttr("data.scaling_karpenter_node_pool.web", "manifest.spec.template.spec.startupTaints.1.key", "readiness.k8s.io/ebs-csi"),
			resource.TestCheckResourceAttr("data.scaling_image_prepull.web", "manifest.spec.template.spec.tolerations.0.key", "readiness.k8s.io/network"),
			resource.TestCheckResourceAttr("data.scaling_image_prepull.web", "manifest.spec.template.spec.tolerations.0.value", "booting"),
			resource.TestCheckResourceAttr("data.scaling_image_prepull.web", "manifest.spec.template.spec.tolerations.1.key", "readiness.k8s.io/ebs-csi"),
		),
	}})
}

// The guides' invented fields fail with the real field named.
func TestNodeReadinessRuleDataSource_badInput(t *testing.T) {
	t.Parallel()
	base := `name = "vpc-cni"` + "\n" + `node_pools = ["web"]` + "\n"
	acctest.ExpectErrors(t, ruleConfig, acctest.BadInputs{
		"guide api group":      {base + `presets = ["vpc_cni"]` + "\n" + `api_version = "nodereadiness.k8s.io/v1alpha1"`, `serves readiness.node.x-k8s.io/v1alpha1 \(group readiness.node.x-k8s.io, not nodereadiness.k8s.io\)`},
		"requiredDaemonSets":   {base + `presets = ["vpc_cni"]` + "\n" + `required_daemon_sets = ["aws-node"]`, `no requiredDaemonSets field: the controller watches node conditions, not DaemonSets`},
		"readinessTimeout":     {base + `presets = ["vpc_cni"]` + "\n" + `readiness_timeout = "300s"`, `no readinessTimeout field`},
		"no conditions":        {base, `at least one condition is required`},
		"unknown preset":       {base + `presets = ["aws_node"]`, `"aws_node" is not a preset`},
		"taint outside domain": {base + `presets = ["vpc_cni"]` + "\n" + `taint = { key = "example.com/cni" }`, `must start with readiness.k8s.io/`},
		"no selector":          {`name = "x"` + "\n" + `presets = ["vpc_cni"]`, `an empty selector would match every node`},
		"default status":       {base + `conditions = [{ type = "example.com/A", default_status = "False" }]`, `not allowed with enforcement_mode = "bootstrap-only"`},
		"lowercase status":     {base + `conditions = [{ type = "example.com/A", required_status = "true" }]`, `must be True, False or Unknown`},
	})
}

func TestNodeReadinessRuleDataSource_problemPaths(t *testing.T) {
	t.Parallel()
	acctest.CheckProblemPaths(t, "scaling_node_readiness_rule", map[string]any{
		"name":          "vpc-cni",
		"presets":       []any{"vpc_cni"},
		"conditions":    []any{map[string]any{"type": "example.com/A", "required_status": "True"}},
		"taint":         map[string]any{"key": "readiness.k8s.io/cni", "value": "pending", "effect": "NoSchedule"},
		"node_pools":    []any{"web"},
		"node_selector": map[string]any{"example.com/tier": "critical"},
	})
}
