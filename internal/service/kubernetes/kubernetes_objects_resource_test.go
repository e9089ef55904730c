package kubernetes_test

import (
	"context"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/acctest/kubeapi"
)

const address = "scaling_kubernetes_objects.test"

const (
	crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: nodepools.karpenter.sh}
spec:
  group: karpenter.sh
  names: {kind: NodePool, plural: nodepools}
  scope: Cluster
  versions: [{name: v1, served: true, storage: true}]
`
	pool = "apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata: {name: general}\nspec: {weight: 10}\n"
	ns   = "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n"
)

func cm(name, value string) string {
	return fmt.Sprintf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: %s, namespace: shop}\ndata: {value: %q}\n", name, value)
}

func docs(d ...string) string { return strings.Join(d, "---\n") }

func providerConfig(f *kubeapi.Fake) string {
	return fmt.Sprintf(`
provider "scaling" {
  region               = "us-east-1"
  use_test_credentials = true
  kubernetes {
    host  = %q
    token = "test-token"
  }
}
`, f.URL)
}

func objectsConfig(f *kubeapi.Fake, yaml, extra string) string {
	return providerConfig(f) + fmt.Sprintf("resource \"scaling_kubernetes_objects\" \"test\" {\n  yaml = %q\n%s}\n", yaml, extra)
}

// onServer checks that the fake API server holds exactly these objects
// ("Kind/name"), besides the default Namespace.
func onServer(f *kubeapi.Fake, want ...string) resource.TestCheckFunc {
	wantSorted := slices.Sorted(slices.Values(append(want, "Namespace/default")))
	return func(*terraform.State) error {
		if got := f.Names(); !reflect.DeepEqual(got, wantSorted) {
			return fmt.Errorf("server holds %v, want %v", got, wantSorted)
		}
		return nil
	}
}

func configMapValue(f *kubeapi.Fake, name, want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		obj := f.Find("ConfigMap", name)
		if obj == nil {
			return fmt.Errorf("no ConfigMap %s on the server", name)
		}
		if got := obj["data"].(map[string]any)["value"]; got != want {
			return fmt.Errorf("ConfigMap %s value = %v, want %q", name, got, want)
		}
		return nil
	}
}

// Create, plan with no changes, update and prune, drift (deleted and
// edited objects) put back, destroy.
func TestAccKubernetesObjects_lifecycle(t *testing.T) {
	f := kubeapi.NewFake(t)
	first := objectsConfig(f, docs(pool, cm("a", "1"), crd, ns, cm("b", "1")), "")
	second := objectsConfig(f, docs(crd, ns, pool, cm("a", "2")), "")
	acctest.Test(t, onServer(f), []resource.TestStep{
		{
			Config: first,
			Check: resource.ComposeTestCheckFunc(
				onServer(f, "CustomResourceDefinition/nodepools.karpenter.sh", "Namespace/shop", "NodePool/general", "ConfigMap/a", "ConfigMap/b"),
				resource.TestCheckResourceAttr(address, "objects.%", "5"),
				resource.TestCheckResourceAttr(address, "objects.NodePool.karpenter.sh/general",
					"apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata:\n  name: general\nspec:\n  weight: 10\n"),
				resource.TestCheckResourceAttr(address, "field_manager", "terraform-provider-scaling"),
				resource.TestCheckResourceAttr(address, "force_conflicts", "true"),
			),
		},
		{
			Config: second,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
			}},
			Check: resource.ComposeTestCheckFunc(
				onServer(f, "CustomResourceDefinition/nodepools.karpenter.sh", "Namespace/shop", "NodePool/general", "ConfigMap/a"),
				configMapValue(f, "a", "2"),
			),
		},
		acctest.DisappearsStep(second, "NodePool general", func() bool {
			ok := f.Find("NodePool", "general") != nil
			f.Remove("NodePool", "general")
			return ok
		}),
		{
			Config: second,
			Check:  onServer(f, "CustomResourceDefinition/nodepools.karpenter.sh", "Namespace/shop", "NodePool/general", "ConfigMap/a"),
		},
		{
			Config: second,
			Check: func(*terraform.State) error {
				f.Edit("a", "value", "edited by hand")
				return nil
			},
			ExpectNonEmptyPlan: true,
		},
		{
			Config: second,
			Check:  configMapValue(f, "a", "2"),
		},
	})
}

// The node role and the cluster endpoint come from a resource created in
// the same apply: the plan shows objects as known after apply and the
// provider does not contact the cluster until the apply.
func TestAccKubernetesObjects_unknownAtPlan(t *testing.T) {
	f := kubeapi.NewFake(t)
	config := fmt.Sprintf(`
resource "terraform_data" "cluster" {
  input = { endpoint = %q, node_role = "KarpenterNodeRole-demo" }
}

provider "scaling" {
  region               = "us-east-1"
  use_test_credentials = true
  kubernetes {
    host  = terraform_data.cluster.output.endpoint
    token = "test-token"
  }
}

resource "scaling_kubernetes_objects" "test" {
  yaml = yamlencode({
    apiVersion = "v1", kind = "ConfigMap"
    metadata   = { name = "role", namespace = "default" }
    data       = { role = terraform_data.cluster.output.node_role }
  })
}
`, f.URL)
	acctest.Test(t, onServer(f), []resource.TestStep{{
		Config: config,
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectUnknownValue(address, tfjsonpath.New("objects")),
			noRequests{f},
		}},
		Check: func(*terraform.State) error {
			obj := f.Find("ConfigMap", "role")
			if obj == nil || obj["data"].(map[string]any)["role"] != "KarpenterNodeRole-demo" {
				return fmt.Errorf("ConfigMap role = %v", obj)
			}
			return nil
		},
	}})
}

// noRequests fails when the provider has contacted the cluster.
type noRequests struct{ f *kubeapi.Fake }

func (c noRequests) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if r := c.f.Requests(); len(r) > 0 {
		resp.Error = fmt.Errorf("the provider contacted the cluster at plan time: %v", r)
	}
}

// Bad input fails at plan time, naming the attribute, document and fix.
func TestAccKubernetesObjects_badInput(t *testing.T) {
	f := kubeapi.NewFake(t)
	cases := []struct{ yaml, want string }{
		{docs(ns, "apiVersion: v1\nkind: [unclosed\n"), `document 2 \(line 5\) is not valid YAML`},
		{docs(ns, "apiVersion: v1\nmetadata: {name: x}\n"), `document 2 \(line 5\): kind is missing`},
		{docs(ns, "kind: ConfigMap\nmetadata: {name: x}\n"), `document 2 \(line 5\): apiVersion is missing`},
		{docs(ns, "apiVersion: v1\nkind: ConfigMap\nmetadata: {namespace: shop}\n"), `document 2 \(line 5\): metadata.name is missing`},
		{docs(ns, ns), `are the same object \(Namespace/shop\)`},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:   objectsConfig(f, c.yaml, ""),
			PlanOnly: true,
			// Terraform wraps long messages: any space may be a line break.
			ExpectError: regexp.MustCompile(`(?s)Invalid yaml.*` + strings.ReplaceAll(c.want, " ", `\s+`)),
		})
	}
	for _, manager := range []string{"", strings.Repeat("m", 129)} {
		steps = append(steps, resource.TestStep{
			Config:      objectsConfig(f, ns, fmt.Sprintf("  field_manager = %q\n", manager)),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)field_manager\s+string\s+length\s+must\s+be\s+between\s+1\s+and\s+128`),
		})
	}
	steps = append(steps, resource.TestStep{
		Config:      objectsConfig(f, ns, "  timeouts {\n    create = \"0s\"\n  }\n"),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`(?s)Invalid timeout.*timeouts\.create\s+must\s+be\s+a\s+duration\s+more\s+than\s+0`),
	})
	acctest.Test(t, nil, steps)
	if r := f.Requests(); len(r) > 0 {
		t.Errorf("bad input reached the cluster: %v", r)
	}
}

// A kind whose CRD is missing fails the apply with the CRD's name and how
// to install it; nothing is saved.
func TestAccKubernetesObjects_missingCRD(t *testing.T) {
	f := kubeapi.NewFake(t)
	acctest.Test(t, onServer(f), []resource.TestStep{{
		Config:      objectsConfig(f, pool, ""),
		ExpectError: regexp.MustCompile(`(?s)CRD\s+nodepools\.karpenter\.sh\s+is\s+not\s+installed.*install\s+Karpenter's\s+CRDs.*karpenter\.sh_nodepools\.yaml`),
	}})
}

// Without the provider's kubernetes block the plan fails, naming it.
func TestAccKubernetesObjects_missingProviderBlock(t *testing.T) {
	acctest.Test(t, nil, []resource.TestStep{{
		Config:      acctest.OfflineProviderConfig + fmt.Sprintf("resource \"scaling_kubernetes_objects\" \"test\" {\n  yaml = %q\n}\n", ns),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`(?s)Missing provider kubernetes block.*kubernetes \{.*host.*cluster_ca_certificate.*config_path`),
	}})
}

// An apply that runs out of time half-way saves what it applied (Terraform
// marks the resource tainted), and the next apply converges.
func TestAccKubernetesObjects_interrupted(t *testing.T) {
	f := kubeapi.NewFake(t)
	config := objectsConfig(f, docs(ns, cm("a", "1"), cm("b", "1")), "  timeouts {\n    create = \"2s\"\n  }\n")
	f.SetOnRequest(func(method, _, name string) bool { return method == "PATCH" && name == "b" })
	acctest.Test(t, onServer(f), []resource.TestStep{
		{
			Config:      config,
			ExpectError: regexp.MustCompile(`(?s)context\s+deadline\s+exceeded.*saved\s+in\s+the\s+state`),
		},
		{
			PreConfig: func() { f.SetOnRequest(nil) },
			Config:    config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				// Saved, so it is replaced: what it applied is deleted first.
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			Check: onServer(f, "Namespace/shop", "ConfigMap/a", "ConfigMap/b"),
		},
	})
}
