package conformance

import (
	"strings"
	"sync"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/nodereadiness/fuzzcase"
	"github.com/scalingkit/terraform-provider-scaling/test/conformance/crdvalidate"
)

// The NodeReadinessRule CRDs are files copied into the repository (the
// controller's Go module is not on the module proxy); test/crds says where
// each comes from.
const (
	nrrCRD      = "../crds/node-readiness-controller/readiness.node.x-k8s.io_nodereadinessrules.yaml"
	nrrEarlyCRD = "../crds/node-readiness-controller/config-crd-bases-00ef9cbc/readiness.node.x-k8s.io_nodereadinessrules.yaml"
	nrrTestdata = "../../internal/core/render/nodereadiness/testdata"
)

var (
	nrrOnce            sync.Once
	nrrSet, nrrEarly   *crdvalidate.Set
	nrrErr, nrrEarlyEr error
)

// nrrCRDs returns the pinned (modelled) CRD and the early v1alpha1 one.
func nrrCRDs(t testing.TB) (pinned, early *crdvalidate.Set) {
	t.Helper()
	nrrOnce.Do(func() {
		nrrSet, nrrEarly = crdvalidate.NewSet(), crdvalidate.NewSet()
		nrrErr = nrrSet.AddFile(nrrCRD)
		nrrEarlyEr = nrrEarly.AddFile(nrrEarlyCRD)
	})
	if nrrErr != nil || nrrEarlyEr != nil {
		t.Fatal(nrrErr, nrrEarlyEr)
	}
	return nrrSet, nrrEarly
}

func TestNodeReadinessGoldenAndInvalidFiles(t *testing.T) {
	set, _ := nrrCRDs(t)
	c := crdvalidate.CheckDir(t, set, nrrTestdata+"/golden/*.yaml", "")
	if c.Valid < 4 || c.Skipped > 0 {
		t.Errorf("checked too little: %+v", c)
	}
	invalid := checkInvalidFiles(t, set, nrrTestdata+"/invalid/*.yaml")
	if invalid < 12 {
		t.Errorf("only %d known-invalid rules", invalid)
	}
	t.Logf("NodeReadinessRule: %d golden objects accepted, %d known-invalid objects rejected", c.Valid, invalid)
}

// Rules that work on the modelled CRD also work with the early v1alpha1
// controller, except default_status, which that schema does not have.
func TestNodeReadinessGoldenOnEarlyCRD(t *testing.T) {
	_, early := nrrCRDs(t)
	accepted, rejected := 0, 0
	for _, d := range readDocs(t, nrrTestdata+"/golden/*.yaml") {
		errs := early.Validate(d.Object)
		usesDefault := strings.Contains(k8sYAML(t, d.Object), "defaultStatus")
		switch {
		case usesDefault && len(errs) == 0:
			t.Errorf("%s: the early CRD accepted defaultStatus; the pin notes are wrong", d.Source)
		case usesDefault:
			rejected++
		case len(errs) > 0:
			t.Errorf("%s: the early CRD rejects it: %v", d.Source, errs.ToAggregate())
		default:
			accepted++
		}
	}
	if accepted < 3 || rejected < 1 {
		t.Fatalf("accepted %d, rejected %d", accepted, rejected)
	}
}

// Whatever the renderer's validator accepts, the pinned CRD accepts. Run
// longer with go test -run '^$' -fuzz FuzzNodeReadinessRuleAcceptedByCRD.
func FuzzNodeReadinessRuleAcceptedByCRD(f *testing.F) {
	set, _ := nrrCRDs(f)
	for _, s := range fuzzcase.Seeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.S[6], s.S[7], s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i string, flags uint16) {
		r := fuzzcase.Rule([fuzzcase.Strings]string{a, b, c, d, e, g, h, i}, flags)
		checkAcceptedByCRD(t, set, r.Render)
	})
}
