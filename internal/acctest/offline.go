package acctest

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// OfflineProviderConfig configures the provider without any AWS call: the
// rendering data sources and the estimates work offline.
const OfflineProviderConfig = `
provider "scaling" {
  region               = "us-east-1"
  use_test_credentials = true
}
`

// OfflineDataSourceConfig is OfflineProviderConfig and one data source of
// type ds labelled "test", with body as its arguments.
func OfflineDataSourceConfig(ds, body string) string {
	return OfflineProviderConfig + "\ndata \"" + ds + "\" \"test\" {\n" + body + "\n}\n"
}

// UnitTestOffline runs steps against the in-process provider: the
// rendering data sources need neither AWS nor TF_ACC.
func UnitTestOffline(t *testing.T, steps []resource.TestStep) {
	t.Helper()
	resource.UnitTest(t, resource.TestCase{ProtoV6ProviderFactories: ProtoV6ProviderFactories, Steps: steps})
}

// BadInputs are configuration bodies by case name, each with the error
// it must fail the plan with (an ErrorRegexp pattern).
type BadInputs = map[string]struct{ Body, Want string }

// ExpectErrors runs each case as a parallel subtest: config(body) must
// fail at plan time with an error matching want.
func ExpectErrors(t *testing.T, config func(body string) string, cases BadInputs) {
	t.Helper()
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			UnitTestOffline(t, []resource.TestStep{{Config: config(tc.Body), PlanOnly: true, ExpectError: ErrorRegexp(tc.Want)}})
		})
	}
}

// ErrorRegexp matches pattern in an error however terraform wraps its
// lines: each space matches any run of white space, and . matches
// newlines.
func ErrorRegexp(pattern string) *regexp.Regexp {
	return regexp.MustCompile("(?s)" + strings.ReplaceAll(pattern, " ", `\s+`))
}

// TestDataSourceExamplesRender plans the published example of each data
// source (examples/data-sources/<type>/data-source.tf) offline and checks
// that its first data source of that type renders yaml. Resource blocks
// are dropped first: kubernetes_manifest needs a cluster (test/k8s applies
// those against a real API server).
func TestDataSourceExamplesRender(t *testing.T, dataSources ...string) {
	t.Helper()
	for _, ds := range dataSources {
		t.Run(ds, func(t *testing.T) {
			t.Parallel()
			raw, err := os.ReadFile(filepath.Join(repoRoot(t), "examples", "data-sources", ds, "data-source.tf"))
			if err != nil {
				t.Fatal(err)
			}
			cfg := withoutResources(string(raw))
			if strings.Contains(cfg, `resource "`) {
				t.Fatalf("resource blocks not stripped:\n%s", cfg)
			}
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: OfflineProviderConfig + cfg,
					Check:  resource.TestCheckResourceAttrSet("data."+ds+"."+firstLabel(cfg, ds), "yaml"),
				}},
			})
		})
	}
}

// withoutResources drops top-level resource blocks and keeps the data
// sources and outputs.
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

// firstLabel is the name of the first data source of type ds in cfg.
func firstLabel(cfg, ds string) string {
	_, rest, _ := strings.Cut(cfg, `data "`+ds+`" "`)
	name, _, _ := strings.Cut(rest, `"`)
	return name
}

// repoRoot is the repository root, found from this file's location so the
// helper works from any package's test directory.
func repoRoot(t *testing.T) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the repository root")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}
