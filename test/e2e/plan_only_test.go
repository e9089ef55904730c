package e2e

import (
	"os"
	"strings"
	"testing"

	"github.com/gruntwork-io/terratest/modules/terraform"
)

// TestPlanOnlyExample applies examples/plan-only with no AWS endpoint, no
// credentials and no cluster: everything in it must be computed locally.
func TestPlanOnlyExample(t *testing.T) {
	cliConfig := providerMirror(t)
	env := map[string]string{
		"TF_CLI_CONFIG_FILE": cliConfig,
		"CHECKPOINT_DISABLE": "1",
		"TF_IN_AUTOMATION":   "1",
		// Nowhere to reach: any AWS or Kubernetes call would fail.
		"AWS_ENDPOINT_URL": "http://127.0.0.1:9",
		"KUBECONFIG":       "/nonexistent",
	}
	for _, k := range []string{"AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"} {
		if os.Getenv(k) != "" {
			t.Setenv(k, "")
		}
	}
	opts := &terraform.Options{TerraformDir: copyExample(t, "plan-only"), EnvVars: env, NoColor: true}
	terraform.InitAndApply(t, opts)

	var cost struct {
		PerCluster float64 `json:"per_cluster_monthly_usd"`
		WarmPods   int     `json:"warm_pods"`
	}
	outputJSON(t, opts, "cost_summary", &cost)
	if cost.WarmPods != 15 || cost.PerCluster < 540 {
		t.Errorf("cost_summary %+v: want 15 warm pods and at least their $540", cost)
	}
	var fn struct {
		WarmPods int     `json:"warm_pods"`
		Monthly  float64 `json:"warm_monthly_usd"`
		Tier250  string  `json:"tier_for_250_pods_s"`
	}
	outputJSON(t, opts, "functions", &fn)
	if fn.WarmPods != 15 || fn.Monthly != 540 || fn.Tier250 != "tier-2xl" {
		t.Errorf("provider functions %+v: want 15 pods, $540, tier-2xl", fn)
	}
	var fleet float64
	outputJSON(t, opts, "fleet_monthly_usd", &fleet)
	if fleet <= cost.PerCluster {
		t.Errorf("fleet cost %g should exceed one cluster's %g", fleet, cost.PerCluster)
	}
	yaml := terraform.Output(t, opts, "kubernetes_yaml")
	for _, kind := range []string{"kind: EC2NodeClass", "kind: NodePool", "kind: PriorityClass", "kind: Deployment", "kind: ScaledObject"} {
		if !strings.Contains(yaml, kind) {
			t.Errorf("kubernetes_yaml lacks %q", kind)
		}
	}
	if pr := terraform.Output(t, opts, "pr_summary_markdown"); !strings.Contains(pr, "Scale-out latency estimate") {
		t.Errorf("PR summary lacks the latency table:\n%s", pr)
	}
	terraform.Destroy(t, opts)
}
