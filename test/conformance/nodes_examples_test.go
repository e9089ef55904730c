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

var nodeDataSource = regexp.MustCompile(`(?m)^data "(scaling_(?:node_readiness_rule|eks_auto_node_class|eks_auto_node_pool|image_prepull))" "([A-Za-z0-9_-]+)"`)

// Every example with a node-side data source is planned with terraform and
// the real provider; each object it renders must pass: NodeReadinessRules
// the pinned CRD, Auto Mode objects the NodeClass CRD written from the EKS
// user guide and Karpenter's NodePool CRD, DaemonSets kube-apiserver's own
// validation (and come back unchanged).
func TestNodeExamplesRenderValidObjects(t *testing.T) {
	set, _ := nrrCRDs(t)
	auto := autoModeCRDs(t)
	var files []string
	_ = filepath.WalkDir("../../examples", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".tf") {
			if raw, _ := os.ReadFile(path); nodeDataSource.Match(raw) {
				files = append(files, path)
			}
		}
		return nil
	})
	if len(files) < 4 {
		t.Fatalf("want the four node-side data source examples at least, found %v", files)
	}
	var validated atomic.Int64
	for _, f := range files {
		t.Run(strings.TrimPrefix(f, "../../"), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			cfg := withoutResources(string(raw))
			var checks []resource.TestCheckFunc
			for _, m := range nodeDataSource.FindAllStringSubmatch(cfg, -1) {
				checks = append(checks, validateNodeObjects(t, []*crdvalidate.Set{set, auto}, "data."+m[1]+"."+m[2], &validated))
			}
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: offlineProvider + cfg, Check: resource.ComposeAggregateTestCheckFunc(checks...)}},
			})
		})
	}
	t.Logf("node-side examples: %d rendered objects accepted", validated.Load())
}

func validateNodeObjects(t *testing.T, sets []*crdvalidate.Set, addr string, count *atomic.Int64) resource.TestCheckFunc {
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
			var set *crdvalidate.Set
			for _, s := range sets {
				if s.Knows(d.Object) {
					set = s
				}
			}
			if set == nil {
				set = crdvalidate.NewSet() // built-in kinds
			}
			if err := apiAccepts(t, set, d.Object); err != nil {
				return fmt.Errorf("%s: the API server would reject it: %w", d.Source, err)
			}
			count.Add(1)
		}
		return nil
	}
}
