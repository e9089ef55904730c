package objectset

import (
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

var attr = problem.Path{"yaml"}

func TestParseNumbersDocumentsAndSkipsEmptyOnes(t *testing.T) {
	src := `# header comment only
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
---

---   # a comment after the marker
apiVersion: karpenter.sh/v1
kind: NodePool
metadata: {name: general}
spec: {weight: 10}
--- {apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: shop}, data: {a: "1"}}
`
	objs, probs := Parse(src, attr)
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	want := []struct {
		key       string
		doc, line int
	}{
		{"Namespace/shop", 1, 3},
		{"NodePool.karpenter.sh/general", 2, 10},
		{"ConfigMap/shop/c", 3, 14},
	}
	if len(objs) != len(want) {
		t.Fatalf("got %d objects, want %d", len(objs), len(want))
	}
	for i, w := range want {
		if objs[i].Key() != w.key || objs[i].Doc != w.doc || objs[i].Line != w.line {
			t.Errorf("object %d = %s doc %d line %d, want %s doc %d line %d", i, objs[i].Key(), objs[i].Doc, objs[i].Line, w.key, w.doc, w.line)
		}
	}
	if got := objs[1].APIVersion(); got != "karpenter.sh/v1" {
		t.Errorf("apiVersion = %q", got)
	}
	// Whole numbers stay exact integers, not float64.
	if w := objs[1].Body["spec"].(map[string]any)["weight"]; w != int64(10) {
		t.Errorf("weight = %#v, want int64(10)", w)
	}
}

func TestParseExpandsLists(t *testing.T) {
	src := `apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: ServiceAccount, metadata: {name: a, namespace: x}}
- {apiVersion: v1, kind: ServiceAccount, metadata: {name: b, namespace: x}}
`
	objs, probs := Parse(src, attr)
	if len(probs) > 0 || len(objs) != 2 || objs[1].Key() != "ServiceAccount/x/b" {
		t.Fatalf("objs %v, problems %v", objs, probs)
	}
}

func TestParseEmptyInputHasNoObjects(t *testing.T) {
	for _, src := range []string{"", "\n", "# nothing\n---\n---\n"} {
		objs, probs := Parse(src, attr)
		if len(objs) != 0 || len(probs) != 0 {
			t.Errorf("%q: objs %v, problems %v", src, objs, probs)
		}
	}
}

// Bad input names the document, its line, what is wrong and the fix.
func TestParseBadInput(t *testing.T) {
	ok := "apiVersion: v1\nkind: Namespace\nmetadata: {name: ok}\n"
	cases := []struct {
		name, src string
		want      []string
	}{
		{"invalid YAML", ok + "---\napiVersion: v1\nkind: [unclosed\n", []string{"document 2 (line 5) is not valid YAML", "line 6"}},
		{"not a mapping", ok + "---\n- a\n- b\n", []string{"document 2 (line 5) is a list, not a Kubernetes object"}},
		{"scalar", "just text\n", []string{"document 1 (line 1) is a string"}},
		{"no apiVersion", "kind: Namespace\nmetadata: {name: x}\n", []string{"document 1 (line 1): apiVersion is missing", "e.g. apiVersion: karpenter.sh/v1"}},
		{"no kind", ok + "---\n# why\napiVersion: v1\nmetadata: {name: x}\n", []string{"document 2 (line 6): kind is missing"}},
		{"no metadata", "apiVersion: v1\nkind: Namespace\n", []string{"document 1 (line 1): metadata is missing"}},
		{"no name", "apiVersion: v1\nkind: Namespace\nmetadata: {labels: {a: b}}\n", []string{"metadata.name is missing"}},
		{"generateName", "apiVersion: v1\nkind: Pod\nmetadata: {generateName: p-}\n", []string{"generateName is not supported: set metadata.name"}},
		{"name not a string", "apiVersion: v1\nkind: Namespace\nmetadata: {name: 12}\n", []string{"metadata.name is missing or not a string"}},
		{"bad apiVersion", "apiVersion: a/b/c\nkind: X\nmetadata: {name: x}\n", []string{`apiVersion "a/b/c" is not group/version`}},
		{"slash in name", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a/b}\n", []string{`cannot contain "/"`}},
		{"duplicate", ok + "---\n" + ok, []string{"document 1 (line 1) and document 2 (line 5) are the same object (Namespace/ok)"}},
		{"list item", "apiVersion: v1\nkind: List\nitems:\n- {kind: X}\n", []string{"items[0] of document 1 (line 1): apiVersion is missing"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, probs := Parse(c.src, attr)
			if !probs.HasErrors() {
				t.Fatalf("no error for:\n%s", c.src)
			}
			msg := probs.Err().Error()
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q lacks %q", msg, w)
				}
			}
			if probs[0].Path.String() != "yaml" {
				t.Errorf("problem path = %q, want yaml", probs[0].Path)
			}
		})
	}
}

func TestKeyRoundTrips(t *testing.T) {
	for _, r := range []Ref{
		{Kind: "Namespace", Name: "shop"},
		{Group: "karpenter.sh", Kind: "NodePool", Name: "general"},
		{Group: "keda.sh", Kind: "ScaledObject", Namespace: "shop", Name: "checkout"},
		{Group: "apiextensions.k8s.io", Kind: "CustomResourceDefinition", Name: "nodepools.karpenter.sh"},
		{Kind: "ConfigMap", Namespace: "default", Name: "a.b"},
	} {
		got, err := ParseKey(r.Key())
		if err != nil || got != r {
			t.Errorf("%s: got %+v, %v", r.Key(), got, err)
		}
	}
	for _, bad := range []string{"", "Namespace", "a/b/c/d", "/x", "Kind//x"} {
		if _, err := ParseKey(bad); err == nil {
			t.Errorf("ParseKey(%q): want an error", bad)
		}
	}
}
