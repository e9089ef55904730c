package dryrun

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

// Data sources whose examples render Kubernetes objects.
var renderingExamples = "examples/data-sources/scaling_*/data-source.tf"

// The attribute that holds a data source's rendered objects: a tuple
// (manifests) or one object (manifest).
var renderedAttr = map[string]string{
	"scaling_warm_pool":                     "manifests",
	"scaling_karpenter_fallback_node_pools": "manifests",
	"scaling_horizontal_pod_autoscaler":     "manifests",
	"scaling_keda_scaled_object":            "manifests",
	"scaling_kueue_queues":                  "manifests",
	"scaling_circuit_breaker":               "manifests",
	"scaling_alert_rules":                   "manifests",
	"scaling_karpenter_node_pool":           "manifest",
	"scaling_karpenter_ec2_node_class":      "manifest",
	"scaling_eks_auto_node_class":           "manifest",
	"scaling_eks_auto_node_pool":            "manifest",
	"scaling_node_readiness_rule":           "manifest",
	"scaling_image_prepull":                 "manifest",
}

var dataBlock = regexp.MustCompile(`(?m)^data "(scaling_[a-z0-9_]+)" "([A-Za-z0-9_-]+)"`)

// dropBlocks removes top-level `resource` and `output` blocks (they need
// other providers, such as hashicorp/kubernetes, which are not here).
func dropBlocks(src string) string {
	var out strings.Builder
	lines := strings.Split(src, "\n")
	depth, skipping := 0, false
	for _, line := range lines {
		if depth == 0 && (strings.HasPrefix(line, "resource ") || strings.HasPrefix(line, "output ")) {
			skipping = true
		}
		depth += strings.Count(line, "{") - strings.Count(line, "}")
		if !skipping {
			out.WriteString(line + "\n")
		}
		if depth == 0 {
			skipping = false
		}
	}
	return out.String()
}

// TestRenderedExamplesAccepted runs each data-source example through
// terraform with the real provider (dev_overrides), takes every object the
// data sources render, and server-side dry-runs them.
func TestRenderedExamplesAccepted(t *testing.T) {
	tf, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("terraform is not on PATH")
	}
	root, files := fixtures(t, renderingExamples)
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
	c := cluster.Shared(t)
	a, err := c.NewApplier()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	total := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		blocks := dataBlock.FindAllStringSubmatch(string(src), -1)
		renders := false
		for _, b := range blocks {
			renders = renders || renderedAttr[b[1]] != ""
		}
		if !renders {
			continue // renders no Kubernetes object
		}
		t.Run(rel(root, f), func(t *testing.T) {
			dir := t.TempDir()
			cfg := dropBlocks(string(src)) + `
terraform {
  required_providers {
    scaling = { source = "scalingkit/scaling" }
  }
}
provider "scaling" {
  region               = "us-east-1"
  use_test_credentials = true
  endpoint_url         = "http://127.0.0.1:9"
}
`
			for i, b := range blocks {
				switch renderedAttr[b[1]] {
				case "manifests":
					cfg += fmt.Sprintf("output \"objects_%d\" {\n  value = jsonencode(data.%s.%s.manifests)\n}\n", i, b[1], b[2])
				case "manifest":
					cfg += fmt.Sprintf("output \"objects_%d\" {\n  value = jsonencode([data.%s.%s.manifest])\n}\n", i, b[1], b[2])
				}
			}
			if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(cfg), 0o644); err != nil {
				t.Fatal(err)
			}
			env := append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
			run := func(args ...string) []byte {
				cmd := exec.Command(tf, args...)
				cmd.Dir, cmd.Env = dir, env
				out, err := cmd.Output()
				if err != nil {
					stderr := ""
					if ee, ok := err.(*exec.ExitError); ok {
						stderr = string(ee.Stderr)
					}
					t.Fatalf("terraform %s: %v\n%s%s", strings.Join(args, " "), err, out, stderr)
				}
				return out
			}
			run("apply", "-auto-approve", "-input=false", "-no-color")
			var outputs map[string]struct{ Value string }
			if err := json.Unmarshal(run("output", "-json"), &outputs); err != nil {
				t.Fatal(err)
			}
			for name, o := range outputs {
				var objs []map[string]any
				if err := json.Unmarshal([]byte(o.Value), &objs); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				for _, m := range objs {
					obj := &unstructured.Unstructured{Object: m}
					outcome, err := a.DryRunApply(ctx, obj)
					if outcome != cluster.Accepted {
						t.Errorf("%s %s/%s: the server did not accept it: %v", obj.GetKind(), obj.GetNamespace(), obj.GetName(), err)
						continue
					}
					total++
				}
			}
		})
	}
	t.Logf("server-side dry run accepted %d objects rendered by the examples", total)
}
