// Package oneapply proves the stack plans and applies in one run from an
// empty state, on a real control plane: the cluster endpoint and the node
// role are unknown at plan time, the Karpenter and KEDA CRDs are installed by
// the same apply, and scaling_kubernetes_objects applies everything.
package oneapply

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/restmapper"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

func TestMain(m *testing.M) { cluster.Main(m) }

// terraform runs terraform commands in one working directory.
type terraform struct {
	t   *testing.T
	bin string
	dir string
	env []string
}

// run runs terraform and returns stdout and the exit code; any exit code
// not in ok fails the test.
func (tf terraform) run(ok []int, args ...string) (string, int) {
	tf.t.Helper()
	cmd := exec.Command(tf.bin, args...)
	cmd.Dir, cmd.Env = tf.dir, tf.env
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		tf.t.Fatalf("terraform %s: %v", strings.Join(args, " "), err)
	}
	for _, c := range ok {
		if c == code {
			return string(out), code
		}
	}
	tf.t.Fatalf("terraform %s: exit %d\n%s%s", strings.Join(args, " "), code, out, stderr.String())
	return "", code
}

// setup builds the provider from this checkout, writes a CLI config that
// uses it (dev_overrides) and a working directory with the configuration and
// the CRDs file.
func setup(t *testing.T, c *cluster.Cluster) terraform {
	tfBin, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("terraform is not on PATH")
	}
	root, err := cluster.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "terraform-provider-scaling"), ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build provider: %v\n%s", err, out)
	}
	rc := filepath.Join(bin, "terraformrc")
	if err := os.WriteFile(rc, []byte(fmt.Sprintf(`disable_checkpoint = true
provider_installation {
  dev_overrides { "registry.terraform.io/scalingkit/scaling" = %q }
  direct {}
}
`, bin)), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cfg, err := os.ReadFile(filepath.Join(root, "test", "k8s", "testdata", "one-apply", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := cluster.CRDFiles()
	if err != nil {
		t.Fatal(err)
	}
	var crds []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		crds = append(crds, strings.TrimSuffix(string(raw), "\n")+"\n")
	}
	crdsFile := filepath.Join(dir, "crds.yaml")
	if err := os.WriteFile(crdsFile, []byte(strings.Join(crds, "---\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return terraform{t: t, bin: tfBin, dir: dir, env: append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1",
		"TF_VAR_endpoint="+c.Config.Host,
		"TF_VAR_cluster_ca_certificate="+string(c.Config.CAData),
		"TF_VAR_token="+c.Config.BearerToken,
		"TF_VAR_crds_file="+crdsFile,
	)}
}

// ref reads an objects key ("Kind[.group]/[namespace/]name").
func ref(t *testing.T, key string) (schema.GroupKind, string, string) {
	parts := strings.Split(key, "/")
	if len(parts) < 2 || len(parts) > 3 {
		t.Fatalf("bad objects key %q", key)
	}
	kind, group, _ := strings.Cut(parts[0], ".")
	ns := ""
	if len(parts) == 3 {
		ns = parts[1]
	}
	return schema.GroupKind{Group: group, Kind: kind}, ns, parts[len(parts)-1]
}

// lookup reads an object by its key; nil when it does not exist (or its kind
// is no longer served).
func lookup(ctx context.Context, t *testing.T, dyn dynamic.Interface, mapper *restmapper.DeferredDiscoveryRESTMapper, key string) *unstructured.Unstructured {
	t.Helper()
	gk, ns, name := ref(t, key)
	m, err := mapper.RESTMapping(gk)
	if meta.IsNoMatchError(err) {
		mapper.Reset()
		m, err = mapper.RESTMapping(gk)
	}
	if meta.IsNoMatchError(err) {
		return nil
	}
	if err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	var ri dynamic.ResourceInterface = dyn.Resource(m.Resource)
	if m.Scope.Name() == meta.RESTScopeNameNamespace {
		ri = dyn.Resource(m.Resource).Namespace(ns)
	}
	obj, err := ri.Get(ctx, name, metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		return nil
	}
	if err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	return obj
}

func TestStackAppliesInOneRunFromEmptyState(t *testing.T) {
	if os.Getenv("KUBECONFIG") != "" {
		t.Skip("installs and deletes the Karpenter and KEDA CRDs: runs against the local control plane only")
	}
	began := time.Now()
	c := cluster.NewWith(t, cluster.Options{SkipCRDs: true})
	tf := setup(t, c)
	ctx := context.Background()
	dyn, err := dynamic.NewForConfig(c.Config)
	if err != nil {
		t.Fatal(err)
	}
	disc, err := discovery.NewDiscoveryClientForConfig(c.Config)
	if err != nil {
		t.Fatal(err)
	}
	mapper := restmapper.NewDeferredDiscoveryRESTMapper(memory.NewMemCacheClient(disc))
	if obj := lookup(ctx, t, dyn, mapper, "CustomResourceDefinition.apiextensions.k8s.io/nodepools.karpenter.sh"); obj != nil {
		t.Fatal("the cluster already has Karpenter's CRDs; the test needs an empty one")
	}
	t.Logf("cluster and provider ready in %s", time.Since(began).Round(time.Millisecond))

	// Plan: the objects are unknown until the node role and cluster exist.
	tf.run([]int{0}, "plan", "-input=false", "-no-color", "-out=tfplan")
	show, _ := tf.run([]int{0}, "show", "-json", "tfplan")
	var plan struct {
		ResourceChanges []struct {
			Address string
			Change  struct {
				Actions      []string
				AfterUnknown map[string]any `json:"after_unknown"`
			}
		} `json:"resource_changes"`
	}
	if err := json.Unmarshal([]byte(show), &plan); err != nil {
		t.Fatal(err)
	}
	planned := false
	for _, rc := range plan.ResourceChanges {
		if rc.Address == "scaling_kubernetes_objects.stack" {
			planned = true
			if rc.Change.AfterUnknown["objects"] != true || rc.Change.AfterUnknown["yaml"] != true {
				t.Errorf("objects and yaml should be unknown at plan time (node role and cluster created in the same apply); after_unknown = %v", rc.Change.AfterUnknown)
			}
		}
	}
	if !planned {
		t.Fatal("the plan does not create scaling_kubernetes_objects.stack")
	}

	// One apply, of the saved plan.
	applyStart := time.Now()
	tf.run([]int{0}, "apply", "-input=false", "-no-color", "tfplan")
	t.Logf("terraform apply (CRDs, node class, node pools, warm pool, autoscalers) took %s", time.Since(applyStart).Round(time.Millisecond))

	out, _ := tf.run([]int{0}, "output", "-json")
	var outputs struct {
		Objects  struct{ Value []string }
		NodeRole struct{ Value string } `json:"node_role"`
	}
	if err := json.Unmarshal([]byte(out), &outputs); err != nil {
		t.Fatal(err)
	}
	keys := outputs.Objects.Value
	kinds := map[string]int{}
	for _, key := range keys {
		gk, _, _ := ref(t, key)
		kinds[gk.String()]++
		if lookup(ctx, t, dyn, mapper, key) == nil {
			t.Errorf("%s is not on the API server after the apply", key)
		}
	}
	for _, want := range []string{
		"CustomResourceDefinition.apiextensions.k8s.io", "Namespace", "EC2NodeClass.karpenter.k8s.aws",
		"NodePool.karpenter.sh", "Deployment.apps", "PriorityClass.scheduling.k8s.io",
		"ScaledObject.keda.sh", "HorizontalPodAutoscaler.autoscaling",
	} {
		if kinds[want] == 0 {
			t.Errorf("no %s among the applied objects %v", want, kinds)
		}
	}
	if kinds["NodePool.karpenter.sh"] != 2 || kinds["CustomResourceDefinition.apiextensions.k8s.io"] < 8 {
		t.Errorf("want the two NodePools and every Karpenter and KEDA CRD: %v", kinds)
	}
	nodeClass := lookup(ctx, t, dyn, mapper, "EC2NodeClass.karpenter.k8s.aws/default")
	if role, _, _ := unstructured.NestedString(nodeClass.Object, "spec", "role"); role != "KarpenterNodeRole-one-apply" || role != outputs.NodeRole.Value {
		t.Errorf("EC2NodeClass spec.role = %q, want the node role created in the same apply (%q)", role, outputs.NodeRole.Value)
	}
	t.Logf("%d objects on the API server: %v", len(keys), kinds)

	// What the plan promised is what happened: nothing left to change.
	if _, code := tf.run([]int{0, 2}, "plan", "-input=false", "-no-color", "-detailed-exitcode"); code != 0 {
		diff, _ := tf.run([]int{2}, "plan", "-input=false", "-no-color")
		t.Fatalf("the plan after the apply is not empty:\n%s", diff)
	}

	drift(ctx, t, tf, dyn, mapper, keys)

	destroyStart := time.Now()
	tf.run([]int{0}, "destroy", "-auto-approve", "-input=false", "-no-color")
	t.Logf("terraform destroy took %s", time.Since(destroyStart).Round(time.Millisecond))
	mapper.Reset()
	for _, key := range keys {
		if lookup(ctx, t, dyn, mapper, key) != nil {
			t.Errorf("%s is still on the API server after destroy", key)
		}
	}
	t.Logf("whole test: %s", time.Since(began).Round(time.Millisecond))
}

// drift changes a field the resource set (as kubectl edit does: an update by
// another field manager) and deletes an object behind Terraform's back. The
// plan must show both; with force_conflicts = false the apply must stop and
// name the other manager; with the default it puts both back.
func drift(ctx context.Context, t *testing.T, tf terraform, dyn dynamic.Interface, mapper *restmapper.DeferredDiscoveryRESTMapper, keys []string) {
	t.Helper()
	const hpaKey = "HorizontalPodAutoscaler.autoscaling/shop/api"
	var pcKey string
	for _, k := range keys {
		if strings.HasPrefix(k, "PriorityClass.scheduling.k8s.io/") {
			pcKey = k
		}
	}
	edit := func() {
		hpa := lookup(ctx, t, dyn, mapper, hpaKey)
		if err := unstructured.SetNestedField(hpa.Object, int64(99), "spec", "maxReplicas"); err != nil {
			t.Fatal(err)
		}
		gvr := schema.GroupVersionResource{Group: "autoscaling", Version: "v2", Resource: "horizontalpodautoscalers"}
		if _, err := dyn.Resource(gvr).Namespace("shop").Update(ctx, hpa, metav1.UpdateOptions{FieldManager: "kubectl-edit"}); err != nil {
			t.Fatal(err)
		}
	}
	maxReplicas := func() int64 {
		v, _, _ := unstructured.NestedInt64(lookup(ctx, t, dyn, mapper, hpaKey).Object, "spec", "maxReplicas")
		return v
	}
	pc := lookup(ctx, t, dyn, mapper, pcKey)
	if pc == nil {
		t.Fatalf("no %s to delete", pcKey)
	}
	gvr := schema.GroupVersionResource{Group: "scheduling.k8s.io", Version: "v1", Resource: "priorityclasses"}
	if err := dyn.Resource(gvr).Delete(ctx, pc.GetName(), metav1.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	edit()

	diff, _ := tf.run([]int{2}, "plan", "-input=false", "-no-color", "-detailed-exitcode")
	t.Logf("plan after the drift:\n%s", diff)
	for _, want := range []string{`"` + hpaKey + `"`, "maxReplicas: 99", "maxReplicas: 50", `"` + pcKey + `"`} {
		if !strings.Contains(diff, want) {
			t.Errorf("the plan after the drift does not show %s:\n%s", want, diff)
		}
	}

	_, code := tf.run([]int{1}, "apply", "-auto-approve", "-input=false", "-no-color", "-var", "force_conflicts=false")
	if code != 1 {
		t.Fatal("the apply with force_conflicts = false took over kubectl-edit's field")
	}
	cmd := exec.Command(tf.bin, "apply", "-auto-approve", "-input=false", "-no-color", "-var", "force_conflicts=false")
	cmd.Dir, cmd.Env = tf.dir, tf.env
	out, _ := cmd.CombinedOutput()
	msg := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"conflict", "kubectl-edit", ".spec.maxReplicas", "Set force_conflicts = true"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the conflict error lacks %q:\n%s", want, out)
		}
	}
	if got := maxReplicas(); got != 99 {
		t.Errorf("maxReplicas = %d after the refused apply, want kubectl-edit's 99", got)
	}

	tf.run([]int{0}, "apply", "-auto-approve", "-input=false", "-no-color")
	if got := maxReplicas(); got != 50 {
		t.Errorf("maxReplicas = %d after the apply, want the configured 50", got)
	}
	if lookup(ctx, t, dyn, mapper, pcKey) == nil {
		t.Errorf("%s was not put back", pcKey)
	}
	if _, code := tf.run([]int{0, 2}, "plan", "-input=false", "-no-color", "-detailed-exitcode"); code != 0 {
		t.Error("the plan after putting the drift back is not empty")
	}
}
