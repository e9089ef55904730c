package workload_test

import (
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// withoutResources drops top-level resource blocks (kubernetes_manifest
// needs a cluster) and keeps the data sources and outputs.
func withoutResources(src string) string {
	var out []string
	skip := false
	for _, line := range strings.Split(src, "\n") {
		if strings.HasPrefix(line, "resource ") {
			skip = true
		}
		if !skip {
			out = append(out, line)
		}
		if skip && line == "}" {
			skip = false
		}
	}
	return strings.Join(out, "\n")
}

// The published examples plan cleanly against the provider.
func TestExamplesPlan(t *testing.T) {
	t.Parallel()
	for _, ds := range []string{"scaling_warm_pool", "scaling_horizontal_pod_autoscaler", "scaling_keda_scaled_object"} {
		t.Run(ds, func(t *testing.T) {
			t.Parallel()
			raw, err := os.ReadFile("../../../examples/data-sources/" + ds + "/data-source.tf")
			if err != nil {
				t.Fatal(err)
			}
			cfg := withoutResources(string(raw))
			if strings.Contains(cfg, `resource "`) {
				t.Fatalf("resource blocks not stripped:\n%s", cfg)
			}
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: factories,
				Steps: []resource.TestStep{{
					Config: offlineProvider + cfg,
					Check:  resource.TestCheckResourceAttrSet("data."+ds+"."+firstLabel(cfg, ds), "yaml"),
				}},
			})
		})
	}
}

// firstLabel is the name of the first data source of type ds in cfg.
func firstLabel(cfg, ds string) string {
	_, rest, _ := strings.Cut(cfg, `data "`+ds+`" "`)
	name, _, _ := strings.Cut(rest, `"`)
	return name
}
