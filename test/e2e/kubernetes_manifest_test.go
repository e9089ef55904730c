package e2e

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/gruntwork-io/terratest/modules/terraform"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

var manifestObjects = []k8sObject{
	{schema.GroupVersionResource{Version: "v1", Resource: "namespaces"}, "", "catalog"},
	{schema.GroupVersionResource{Group: "karpenter.k8s.aws", Version: "v1", Resource: "ec2nodeclasses"}, "", "catalog"},
	{schema.GroupVersionResource{Group: "karpenter.sh", Version: "v1", Resource: "nodepools"}, "", "catalog-spot"},
	{schema.GroupVersionResource{Group: "karpenter.sh", Version: "v1", Resource: "nodepools"}, "", "catalog-on-demand"},
	{schema.GroupVersionResource{Group: "apps", Version: "v1", Resource: "deployments"}, "catalog", "catalog-warm"},
	{schema.GroupVersionResource{Group: "keda.sh", Version: "v1alpha1", Resource: "scaledobjects"}, "catalog", "catalog-warm"},
	{schema.GroupVersionResource{Group: "keda.sh", Version: "v1alpha1", Resource: "scaledobjects"}, "catalog", "catalog"},
}

// TestKubernetesManifestModule applies the stack's rendered objects with
// modules/kubernetes-manifest (hashicorp/kubernetes' kubernetes_manifest)
// against a real kube-apiserver, re-plans (no changes: the scheduled pause
// Deployment's replicas are left to its scaler) and destroys.
func TestKubernetesManifestModule(t *testing.T) {
	cliConfig := providerMirror(t)
	k8s := cluster.Shared(t)
	dyn := dynamicClient(t, k8s)

	dir := t.TempDir()
	root := repoRoot(t)
	if err := copyTree(filepath.Join(root, "modules"), filepath.Join(dir, "modules")); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(dir, "config", "kubernetes-manifest")
	if err := copyTree(filepath.Join("testdata", "kubernetes-manifest"), work); err != nil {
		t.Fatal(err)
	}
	opts := &terraform.Options{
		TerraformDir: work,
		Vars:         map[string]any{"kubeconfig_path": k8s.Kubeconfig},
		EnvVars: map[string]string{
			"TF_CLI_CONFIG_FILE": cliConfig,
			"CHECKPOINT_DISABLE": "1",
			"TF_IN_AUTOMATION":   "1",
			// No AWS part is on: nothing may reach AWS.
			"AWS_ENDPOINT_URL": "http://127.0.0.1:9",
		},
		NoColor: true,
	}
	destroyed := false
	t.Cleanup(func() {
		if !destroyed {
			terraform.Destroy(t, opts)
		}
	})
	terraform.InitAndApply(t, opts)

	ctx := context.Background()
	for _, o := range manifestObjects {
		if _, err := get(ctx, dyn, o); err != nil {
			t.Errorf("%s %s/%s: %v", o.gvr.Resource, o.namespace, o.name, err)
		}
	}
	if code := terraform.PlanExitCode(t, opts); code != 0 {
		out, _ := terraform.PlanE(t, opts)
		t.Errorf("re-plan exit code %d (2 = changes pending):\n%s", code, out)
	}

	terraform.Destroy(t, opts)
	destroyed = true
	for _, o := range manifestObjects {
		if err := waitGone(ctx, dyn, o, 90*time.Second); err != nil {
			t.Errorf("%s %s/%s still there after destroy: %v", o.gvr.Resource, o.namespace, o.name, err)
		}
	}
}

func dynamicClient(t *testing.T, k8s *cluster.Cluster) dynamic.Interface {
	t.Helper()
	dyn, err := dynamic.NewForConfig(k8s.Config)
	if err != nil {
		t.Fatal(err)
	}
	return dyn
}
