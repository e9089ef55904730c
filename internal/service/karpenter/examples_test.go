package karpenter_test

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

// The published examples plan and render (test/conformance also validates
// what they render against the CRDs).
func TestExamplesRender(t *testing.T) {
	t.Parallel()
	for _, ds := range []string{"scaling_karpenter_node_pool", "scaling_karpenter_ec2_node_class", "scaling_karpenter_fallback_node_pools"} {
		t.Run(ds, func(t *testing.T) {
			t.Parallel()
			raw, err := os.ReadFile("../../../examples/data-sources/" + ds + "/data-source.tf")
			if err != nil {
				t.Fatal(err)
			}
			cfg := withoutResources(string(raw))
			_, rest, _ := strings.Cut(cfg, `data "`+ds+`" "`)
			name, _, _ := strings.Cut(rest, `"`)
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: factories,
				Steps: []resource.TestStep{{
					Config: offlineProvider + cfg,
					Check:  resource.TestCheckResourceAttrSet("data."+ds+"."+name, "yaml"),
				}},
			})
		})
	}
}
