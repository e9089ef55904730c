package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gruntwork-io/terratest/modules/terraform"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

const clusterName = "e2e-use1"

// k8sObject names one object the stack must create (and destroy remove).
type k8sObject struct {
	gvr             schema.GroupVersionResource
	namespace, name string
}

var completeObjects = []k8sObject{
	{schema.GroupVersionResource{Version: "v1", Resource: "namespaces"}, "", "shop"},
	{schema.GroupVersionResource{Group: "karpenter.k8s.aws", Version: "v1", Resource: "ec2nodeclasses"}, "", "general"},
	{schema.GroupVersionResource{Group: "karpenter.sh", Version: "v1", Resource: "nodepools"}, "", "general-spot"},
	{schema.GroupVersionResource{Group: "karpenter.sh", Version: "v1", Resource: "nodepools"}, "", "general-on-demand"},
	{schema.GroupVersionResource{Group: "scheduling.k8s.io", Version: "v1", Resource: "priorityclasses"}, "", "shop-checkout-warm"},
	{schema.GroupVersionResource{Group: "apps", Version: "v1", Resource: "deployments"}, "shop", "checkout-warm"},
	{schema.GroupVersionResource{Group: "autoscaling", Version: "v2", Resource: "horizontalpodautoscalers"}, "shop", "checkout"},
	{schema.GroupVersionResource{Group: "keda.sh", Version: "v1alpha1", Resource: "scaledobjects"}, "shop", "checkout-warm"},
	{schema.GroupVersionResource{Group: "karpenter.k8s.aws", Version: "v1", Resource: "ec2nodeclasses"}, "", "gpu"},
	{schema.GroupVersionResource{Group: "karpenter.sh", Version: "v1", Resource: "nodepools"}, "", "gpu"},
}

// TestCompleteExample applies examples/complete (with
// existing-cluster/eks.tf in place of eks.tf, whose terraform-aws-modules
// and providers cannot be downloaded here) against the AWS emulator and a
// real kube-apiserver, checks outputs, AWS state and cluster objects,
// re-plans (no changes), destroys and checks that nothing is left.
func TestCompleteExample(t *testing.T) {
	cliConfig := providerMirror(t)
	emu := startEmulator(t)
	emu.control(t, http.MethodPost, "eks/clusters", map[string]string{"name": clusterName, "version": "1.33"}, nil)
	k8s := cluster.Shared(t)
	dyn := dynamicClient(t, k8s)

	opts := &terraform.Options{
		TerraformDir: copyCompleteExample(t),
		Vars: map[string]any{
			"cluster_name":         clusterName,
			"region":               "us-east-1",
			"endpoint_url":         emu.URL,
			"use_test_credentials": true,
			"kubeconfig_path":      k8s.Kubeconfig,
		},
		EnvVars: map[string]string{
			"TF_CLI_CONFIG_FILE": cliConfig,
			"CHECKPOINT_DISABLE": "1",
			"TF_IN_AUTOMATION":   "1",
		},
		NoColor: true,
	}

	destroyed := false
	t.Cleanup(func() {
		if !destroyed {
			terraform.Destroy(t, opts)
		}
	})

	began := time.Now()
	terraform.InitAndApply(t, opts)
	t.Logf("init + apply: %s", time.Since(began).Round(time.Millisecond))

	t.Run("outputs", func(t *testing.T) {
		var cp struct {
			Tier            string `json:"tier"`
			RecommendedTier string `json:"recommended_tier"`
			Capabilities    struct {
				PodSchedulingRate float64 `json:"pod_scheduling_rate_per_second"`
				KubernetesVersion string  `json:"kubernetes_version"`
			} `json:"capabilities"`
		}
		outputJSON(t, opts, "control_plane", &cp)
		// 100 pods within 1 s: 100 pods/s, beyond standard's 50, within tier-xl's 167.
		if cp.Tier != "tier-xl" || cp.RecommendedTier != "tier-xl" {
			t.Errorf("control plane: tier %q, recommended %q; want tier-xl for 100 pods/s", cp.Tier, cp.RecommendedTier)
		}
		if cp.Capabilities.PodSchedulingRate < 100 || cp.Capabilities.KubernetesVersion != "1.33" {
			t.Errorf("capabilities from the emulator: %+v", cp.Capabilities)
		}

		var cost struct {
			PerCluster   float64            `json:"per_cluster_monthly_usd"`
			Warm         float64            `json:"warm_pool_monthly_usd"`
			WarmPods     int                `json:"warm_pods"`
			Items        map[string]float64 `json:"items"`
			WithinBudget bool               `json:"within_budget"`
		}
		outputJSON(t, opts, "cost_summary", &cost)
		// 15 pods always (the guide's example), 30 for 5 x 10 h a week;
		// priced at $0.05 per pod-hour over a 720 h month.
		wantWarm := (15*(168-50) + 30*50) * 720.0 / 168 * 0.05
		if cost.WarmPods != 15 || math.Abs(cost.Warm-wantWarm) > 0.01 {
			t.Errorf("warm pool: %d pods, $%g/month; want 15 and $%.2f", cost.WarmPods, cost.Warm, wantWarm)
		}
		if math.Abs(cost.Items["warm_capacity"]-wantWarm) > 0.01 {
			t.Errorf("cost estimate prices the warm pool at %v, the warm pool module at %g", cost.Items["warm_capacity"], cost.Warm)
		}
		var sum float64
		for _, v := range cost.Items {
			sum += v
		}
		if diff := sum - cost.PerCluster; diff > 0.01 || diff < -0.01 || cost.PerCluster < 1204.5+wantWarm {
			t.Errorf("cost items %v sum to %g, total %g", cost.Items, sum, cost.PerCluster)
		}

		var lat struct {
			BurstPods int `json:"burst_pods"`
			Warm      struct {
				P95 float64 `json:"p95_seconds"`
			} `json:"warm"`
			NewNodes struct {
				P95 float64 `json:"p95_seconds"`
			} `json:"new_nodes"`
		}
		outputJSON(t, opts, "latency_summary", &lat)
		if lat.BurstPods != 100 || lat.Warm.P95 <= 0 || lat.Warm.P95 >= lat.NewNodes.P95 {
			t.Errorf("latency: %+v; want a 100-pod burst, warm faster than new nodes", lat)
		}

		pr := terraform.Output(t, opts, "pr_summary_markdown")
		for _, want := range []string{"## Fast scaling stack: `" + clusterName + "`", "| metric-stream | yes |", "Monthly cost estimate"} {
			if !strings.Contains(pr, want) {
				t.Errorf("PR summary lacks %q:\n%s", want, pr)
			}
		}

		var cache struct {
			Prefixes map[string]string `json:"ecr_repository_prefixes"`
			Policy   string            `json:"node_iam_policy_json"`
		}
		outputJSON(t, opts, "image_cache", &cache)
		if len(cache.Prefixes) != 3 || !strings.Contains(cache.Policy, "ecr:BatchImportUpstreamImage") {
			t.Errorf("image cache: %+v", cache)
		}
	})

	t.Run("aws_state", func(t *testing.T) {
		var clusters []struct{ Name, Tier, Status string }
		emu.control(t, http.MethodGet, "eks/clusters", nil, &clusters)
		if len(clusters) != 1 || clusters[0].Tier != "tier-xl" {
			t.Errorf("emulator clusters: %+v; want %s on tier-xl", clusters, clusterName)
		}
		if rules := emu.raw(t, "ecr/rules"); !strings.Contains(rules, "quay") || !strings.Contains(rules, "k8s") || !strings.Contains(rules, "ecr-public") {
			t.Errorf("ECR rules: %s", rules)
		}
		if streams := emu.raw(t, "cloudwatch/streams"); !strings.Contains(streams, clusterName+"-scaling") {
			t.Errorf("metric streams: %s", streams)
		}
	})

	t.Run("cluster_objects", func(t *testing.T) {
		ctx := context.Background()
		for _, o := range completeObjects {
			if _, err := get(ctx, dyn, o); err != nil {
				t.Errorf("%s %s/%s: %v", o.gvr.Resource, o.namespace, o.name, err)
			}
		}
		dep, err := get(ctx, dyn, completeObjects[5])
		if err != nil {
			t.Fatal(err)
		}
		spec := dep.Object["spec"].(map[string]any)
		// With a schedule, KEDA owns the pause Deployment's size: 15 outside
		// the window, 30 inside (no KEDA operator runs here to apply it).
		so, err := get(ctx, dyn, completeObjects[7])
		if err != nil {
			t.Fatal(err)
		}
		soSpec := so.Object["spec"].(map[string]any)
		if soSpec["minReplicaCount"] != int64(15) || soSpec["maxReplicaCount"] != int64(30) {
			t.Errorf("warm ScaledObject min/max %v/%v, want 15/30", soSpec["minReplicaCount"], soSpec["maxReplicaCount"])
		}
		if ref := soSpec["scaleTargetRef"].(map[string]any)["name"]; ref != "checkout-warm" {
			t.Errorf("warm ScaledObject scales %v, want the pause Deployment checkout-warm", ref)
		}
		sel := spec["template"].(map[string]any)["spec"].(map[string]any)["nodeSelector"]
		if b, _ := json.Marshal(sel); !strings.Contains(string(b), `"karpenter.sh/nodepool":"general-spot"`) {
			t.Errorf("warm pods not pinned to the spot NodePool: %s", b)
		}
		spot, err := get(ctx, dyn, completeObjects[2])
		if err != nil {
			t.Fatal(err)
		}
		if lim := spot.Object["spec"].(map[string]any)["limits"].(map[string]any)["cpu"]; fmt.Sprint(lim) != "800" {
			t.Errorf("spot NodePool cpu limit %v, want 800 (spot_share 0.8 of 1000)", lim)
		}
	})

	t.Run("replan_is_empty", func(t *testing.T) {
		if code := terraform.PlanExitCode(t, opts); code != 0 {
			out, _ := terraform.PlanE(t, opts)
			t.Errorf("re-plan exit code %d (2 = changes pending):\n%s", code, out)
		}
	})

	began = time.Now()
	terraform.Destroy(t, opts)
	destroyed = true
	t.Logf("destroy: %s", time.Since(began).Round(time.Millisecond))

	t.Run("destroy_leaves_nothing", func(t *testing.T) {
		ctx := context.Background()
		for _, o := range completeObjects {
			if err := waitGone(ctx, dyn, o, 90*time.Second); err != nil {
				t.Errorf("%s %s/%s still there after destroy: %v", o.gvr.Resource, o.namespace, o.name, err)
			}
		}
		var clusters []struct{ Name, Tier string }
		emu.control(t, http.MethodGet, "eks/clusters", nil, &clusters)
		if len(clusters) != 1 || clusters[0].Tier != "standard" {
			t.Errorf("emulator clusters after destroy: %+v; want the tier reverted to standard", clusters)
		}
		if rules := emu.raw(t, "ecr/rules"); rules != "[]" && rules != "null" {
			t.Errorf("ECR rules left: %s", rules)
		}
		if streams := emu.raw(t, "cloudwatch/streams"); streams != "{}" && streams != "null" {
			t.Errorf("metric streams left: %s", streams)
		}
	})
}

func outputJSON(t *testing.T, opts *terraform.Options, name string, v any) {
	t.Helper()
	raw := terraform.OutputJson(t, opts, name)
	if err := json.Unmarshal([]byte(raw), v); err != nil {
		t.Fatalf("output %s: %v\n%s", name, err, raw)
	}
}

func get(ctx context.Context, dyn dynamic.Interface, o k8sObject) (*unstructuredObj, error) {
	var ri dynamic.ResourceInterface = dyn.Resource(o.gvr)
	if o.namespace != "" {
		ri = dyn.Resource(o.gvr).Namespace(o.namespace)
	}
	u, err := ri.Get(ctx, o.name, metav1.GetOptions{})
	if err != nil {
		return nil, err
	}
	return &unstructuredObj{Object: u.Object}, nil
}

type unstructuredObj struct{ Object map[string]any }

// waitGone polls until the object is NotFound (a namespace takes a moment to
// finish terminating).
func waitGone(ctx context.Context, dyn dynamic.Interface, o k8sObject, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		_, err := get(ctx, dyn, o)
		if apierrors.IsNotFound(err) {
			return nil
		}
		if time.Now().After(deadline) {
			if err == nil {
				return errStillPresent
			}
			return err
		}
		time.Sleep(500 * time.Millisecond)
	}
}

type constErr string

func (e constErr) Error() string { return string(e) }

const errStillPresent = constErr("object still present")
