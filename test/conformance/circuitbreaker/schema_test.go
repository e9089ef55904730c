package circuitbreaker

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/scalingkit/terraform-provider-scaling/test/conformance/crdvalidate"
)

var updateSchema = flag.Bool("update-schema", false, "rewrite internal/core/render/circuitbreaker/trafficpolicy_schema.json from the pinned CRD")

const schemaFile = "../../../internal/core/render/circuitbreaker/trafficpolicy_schema.json"

// The renderer checks user trafficPolicy fields against a copy of the
// DestinationRule v1 schema; this regenerates the copy from the pinned
// Istio CRD and fails when the committed one differs.
func TestTrafficPolicySchemaIsTheCRDs(t *testing.T) {
	path, err := crdvalidate.Istio.File(crdvalidate.IstioCRDFile)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var tp any
	for _, doc := range bytes.Split(raw, []byte("\n---\n")) {
		var crd map[string]any
		if err := yaml.Unmarshal(doc, &crd); err != nil || crd == nil {
			continue
		}
		if crd["metadata"].(map[string]any)["name"] != "destinationrules.networking.istio.io" {
			continue
		}
		for _, v := range crd["spec"].(map[string]any)["versions"].([]any) {
			vm := v.(map[string]any)
			if vm["name"] == "v1" {
				spec := vm["schema"].(map[string]any)["openAPIV3Schema"].(map[string]any)["properties"].(map[string]any)["spec"]
				tp = spec.(map[string]any)["properties"].(map[string]any)["trafficPolicy"]
			}
		}
	}
	if tp == nil {
		t.Fatal("no DestinationRule v1 trafficPolicy schema in the pinned CRD file")
	}
	got, err := json.MarshalIndent(stripDescriptions(tp), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *updateSchema {
		if err := os.WriteFile(schemaFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is not the pinned CRD's trafficPolicy schema: run go test -run TestTrafficPolicySchemaIsTheCRDs -update-schema in test/conformance/circuitbreaker", schemaFile)
	}
}

func stripDescriptions(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range t {
			if k != "description" {
				out[k] = stripDescriptions(e)
			}
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = stripDescriptions(e)
		}
		return out
	}
	return v
}
