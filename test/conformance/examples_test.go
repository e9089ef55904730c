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

// checkExamples plans every example under examples/ that uses a data
// source dataSource matches (at least min files) with terraform and the
// real provider, its resource blocks dropped, and passes each object those
// data sources render (their yaml output) to accept. It returns how many
// objects were accepted.
func checkExamples(t *testing.T, dataSource *regexp.Regexp, min int, accept func(crdvalidate.Document) error) int64 {
	t.Helper()
	var files []string
	_ = filepath.WalkDir("../../examples", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".tf") {
			if raw, _ := os.ReadFile(path); dataSource.Match(raw) {
				files = append(files, path)
			}
		}
		return nil
	})
	if len(files) < min {
		t.Fatalf("want at least %d examples that use %s, found %v", min, dataSource, files)
	}
	var accepted atomic.Int64
	for _, f := range files {
		t.Run(strings.TrimPrefix(f, "../../"), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			cfg := withoutResources(string(raw))
			var checks []resource.TestCheckFunc
			for _, m := range dataSource.FindAllStringSubmatch(cfg, -1) {
				checks = append(checks, checkRendered("data."+m[1]+"."+m[2], accept, &accepted))
			}
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: offlineProvider + cfg, Check: resource.ComposeAggregateTestCheckFunc(checks...)}},
			})
		})
	}
	return accepted.Load()
}

// checkRendered passes each object of the data source's yaml output to
// accept.
func checkRendered(addr string, accept func(crdvalidate.Document) error, count *atomic.Int64) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		docs, err := crdvalidate.ParseYAML(addr, []byte(rs.Primary.Attributes["yaml"]))
		if err != nil || len(docs) == 0 {
			return fmt.Errorf("%s rendered no objects: %v", addr, err)
		}
		for _, d := range docs {
			if err := accept(d); err != nil {
				return fmt.Errorf("%s: the API server would reject it: %w", d.Source, err)
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
