package objectset

import (
	"strconv"
	"strings"
	"testing"
)

func TestShowKeepsSmallObjectsWhole(t *testing.T) {
	objs, _ := Parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {b: '2', a: '1'}\n", attr)
	got, err := Show(objs[0].Body)
	if err != nil {
		t.Fatal(err)
	}
	want := "apiVersion: v1\ndata:\n  a: \"1\"\n  b: \"2\"\nkind: ConfigMap\nmetadata:\n  name: c\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A CRD's schema is shown as a digest; its names and versions stay readable,
// and a change inside the schema changes the digest.
func TestShowDigestsLargeValues(t *testing.T) {
	crd := func(desc string) map[string]any {
		props := map[string]any{}
		for i := 0; i < 400; i++ {
			props[strings.Repeat("f", 5)+string(rune('a'+i%26))+strings.Repeat("x", i%7)+"_"+strconv.Itoa(i)] = map[string]any{"type": "string", "description": desc}
		}
		return map[string]any{
			"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
			"metadata": map[string]any{"name": "nodepools.karpenter.sh"},
			"spec": map[string]any{
				"group": "karpenter.sh",
				"versions": []any{map[string]any{
					"name": "v1", "served": true, "storage": true,
					"schema": map[string]any{"openAPIV3Schema": map[string]any{"properties": props}},
				}},
			},
		}
	}
	a, err := Show(crd("one"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Show(crd("two"))
	if len(a) > 1000 {
		t.Fatalf("shown CRD is %d bytes:\n%s", len(a), a)
	}
	for _, w := range []string{"group: karpenter.sh", "name: v1", "served: true", "schema: (", "too large to show in a plan"} {
		if !strings.Contains(a, w) {
			t.Errorf("shown CRD lacks %q:\n%s", w, a)
		}
	}
	if a == b {
		t.Error("a schema change did not change what the plan shows")
	}
}
