package conformance

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/test/conformance/crdvalidate"
)

const offlineProvider = `
provider "scaling" {
  region               = "us-east-1"
  use_test_credentials = true
}
`

var karpenterDataSource = regexp.MustCompile(`(?m)^data "(scaling_karpenter_[a-z0-9_]+)" "([A-Za-z0-9_-]+)"`)

// Every example under examples/ that uses a scaling_karpenter_* data source
// is read with the real provider and terraform, and every object the
// data sources render (their yaml output) must pass the real CRDs.
func TestKarpenterExamplesRenderValidObjects(t *testing.T) {
	set := karpenterCRDs(t)
	var files []string
	_ = filepath.WalkDir("../../examples", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".tf") {
			if raw, _ := os.ReadFile(path); karpenterDataSource.Match(raw) {
				files = append(files, path)
			}
		}
		return nil
	})
	if len(files) < 3 {
		t.Fatalf("want the three scaling_karpenter_* examples at least, found %v", files)
	}
	var validated atomic.Int64
	for _, f := range files {
		t.Run(filepath.Base(filepath.Dir(f)), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			cfg := withoutResources(string(raw))
			var checks []resource.TestCheckFunc
			for _, m := range karpenterDataSource.FindAllStringSubmatch(cfg, -1) {
				addr := "data." + m[1] + "." + m[2]
				checks = append(checks, validateYAMLAttr(set, addr, &validated))
			}
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: offlineProvider + cfg,
					Check:  resource.ComposeAggregateTestCheckFunc(checks...),
				}},
			})
		})
	}
	t.Logf("examples: %d rendered objects accepted by the CRDs", validated.Load())
}

// validateYAMLAttr parses the data source's yaml output and validates each
// object in it.
func validateYAMLAttr(set *crdvalidate.Set, addr string, count *atomic.Int64) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		docs, err := crdvalidate.ParseYAML(addr, []byte(rs.Primary.Attributes["yaml"]))
		if err != nil {
			return err
		}
		if len(docs) == 0 {
			return fmt.Errorf("%s rendered no objects", addr)
		}
		for _, d := range docs {
			if errs := set.Validate(d.Object); len(errs) > 0 {
				return fmt.Errorf("%s: the API server would reject it: %v", d.Source, errs.ToAggregate())
			}
			count.Add(1)
		}
		return nil
	}
}

// withoutResources keeps what the data sources need (data, locals,
// variable blocks) and drops top-level resource, module, output, provider
// and terraform blocks: kubernetes_manifest needs a cluster and the
// hashicorp/kubernetes provider, which an offline test cannot install, and
// the test brings its own provider block.
func withoutResources(src string) string {
	var out []string
	skip := false
	for _, line := range strings.Split(src, "\n") {
		for _, kw := range []string{"resource ", "module ", "output ", "provider ", "terraform "} {
			if strings.HasPrefix(line, kw) {
				skip = true
			}
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
