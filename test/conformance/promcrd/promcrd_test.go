// Package promcrd generates the PrometheusRule CRD of prometheus-operator
// v0.95.2 from its Go types, as the project's own `make generate-crds`
// does (controller-gen crd:crdVersions=v1 over pkg/apis/monitoring/v1):
// the Go module proxy serves the pkg/apis/monitoring module at v0.95.2 but
// not the main module that ships the YAML. It is a module of its own
// because the types need k8s.io v0.37 while the conformance suite pins
// v0.35. The generated CRD is committed (test/crds) for the other
// suites; this test fails when it no longer matches the pinned types.
package promcrd

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	// The types the CRD is generated from: imported so go.mod pins them.
	_ "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
	"sigs.k8s.io/controller-tools/pkg/crd"
	"sigs.k8s.io/controller-tools/pkg/genall"
)

// controllerTools is the controller-tools version this module pins.
func controllerTools(t *testing.T) string {
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*(?:require\s+)?sigs\.k8s\.io/controller-tools (v\S+)`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod does not require sigs.k8s.io/controller-tools")
	}
	return string(m[1])
}

var update = flag.Bool("update", false, "rewrite the committed CRD from the pinned types")

const (
	typesPackage = "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
	crdFile      = "monitoring.coreos.com_prometheusrules.yaml"
	committed    = "../../crds/prometheus-operator-v0.95.2/" + crdFile
)

func TestPrometheusRuleCRDMatchesPinnedTypes(t *testing.T) {
	out := t.TempDir()
	var gen genall.Generator = &crd.Generator{CRDVersions: []string{"v1"}}
	gens := genall.Generators{&gen}
	rt, err := gens.ForRoots(typesPackage)
	if err != nil {
		t.Fatal(err)
	}
	rt.OutputRules = genall.OutputRules{Default: genall.OutputToDirectory(out)}
	if failed := rt.Run(); failed {
		t.Fatal("controller-gen reported errors")
	}
	got, err := os.ReadFile(filepath.Join(out, crdFile))
	if err != nil {
		t.Fatal(err)
	}
	// The controller-gen binary stamps its own version; run as a library
	// it reads "(devel)", so stamp the pinned controller-tools version.
	got = bytes.Replace(got, []byte("controller-gen.kubebuilder.io/version: (devel)"), []byte("controller-gen.kubebuilder.io/version: "+controllerTools(t)), 1)
	if *update {
		if err := os.MkdirAll(filepath.Dir(committed), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(committed, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(committed)
	if err != nil {
		t.Fatalf("%v (run go test -update here)", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s differs from the CRD generated from %s: run go test -update in test/conformance/promcrd and review the diff", committed, typesPackage)
	}
}
