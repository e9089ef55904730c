package kubernetes_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/acctest/kubeapi"
)

// crdFor is a minimal CRD serving one kind (the fake API server does not
// validate schemas).
func crdFor(group, kind, plural, scope string) string {
	return fmt.Sprintf(`apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: %s.%s}
spec:
  group: %s
  names: {kind: %s, plural: %s}
  scope: %s
  versions: [{name: %s, served: true, storage: true}]
`, plural, group, group, kind, plural, scope, map[string]string{"keda.sh": "v1alpha1"}[group]+map[bool]string{true: "v1"}[group != "keda.sh"])
}

// The documented example applies as written, with a crds/ folder, and
// every object it renders ends up on the server.
func TestAccKubernetesObjects_example(t *testing.T) {
	f := kubeapi.NewFake(t)
	example, err := os.ReadFile("../../../examples/resources/scaling_kubernetes_objects/resource.tf")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("crds/karpenter.sh_nodepools.yaml", crdFor("karpenter.sh", "NodePool", "nodepools", "Cluster"))
	write("crds/karpenter.k8s.aws_ec2nodeclasses.yaml", crdFor("karpenter.k8s.aws", "EC2NodeClass", "ec2nodeclasses", "Cluster"))
	write("crds/keda.sh_scaledobjects.yaml", crdFor("keda.sh", "ScaledObject", "scaledobjects", "Namespaced"))

	// The test's working directory is terraform's own: point the example's
	// path.module at the folder holding crds/.
	cfg := providerConfig(f) + strings.ReplaceAll(string(example), "path.module", fmt.Sprintf("%q", dir))
	acctest.Test(t, onServer(f), []resource.TestStep{{
		Config: cfg,
		Check: func(*terraform.State) error {
			got := strings.Join(f.Names(), " ")
			for _, want := range []string{
				"CustomResourceDefinition/nodepools.karpenter.sh", "EC2NodeClass/default", "NodePool/general-spot",
				"NodePool/general-on-demand", "Namespace/shop", "Deployment/checkout-warm", "ScaledObject/checkout",
			} {
				if !strings.Contains(got, want) {
					return fmt.Errorf("%s is not on the server: %s", want, got)
				}
			}
			role := f.Find("EC2NodeClass", "default")["spec"].(map[string]any)["role"]
			if role != "KarpenterNodeRole-prod-use1" {
				return fmt.Errorf("EC2NodeClass role = %v", role)
			}
			return nil
		},
	}})
}
