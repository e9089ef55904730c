package conformance

import (
	"regexp"
	"testing"

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
	n := checkExamples(t, nodeDataSource, 4, func(d crdvalidate.Document) error {
		for _, s := range []*crdvalidate.Set{set, auto} {
			if s.Knows(d.Object) {
				return apiAccepts(t, s, d.Object)
			}
		}
		return apiAccepts(t, crdvalidate.NewSet(), d.Object) // built-in kinds
	})
	t.Logf("node-side examples: %d rendered objects accepted", n)
}
