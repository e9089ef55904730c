package k8sobj

import (
	"strings"
	"testing"
)

func TestYAMLIsDeterministicAndSorted(t *testing.T) {
	obj := New("v1", "ConfigMap", "demo", "default")
	obj["data"] = map[string]any{"b": "2", "a": "1"}
	first, err := YAML(obj)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		again, _ := YAML(obj)
		if again != first {
			t.Fatalf("YAML changed between runs:\n%s\n%s", first, again)
		}
	}
	if strings.Index(first, "a: \"1\"") > strings.Index(first, "b: \"2\"") {
		t.Fatalf("keys not sorted:\n%s", first)
	}
	if !strings.HasPrefix(first, "apiVersion: v1\n") {
		t.Fatalf("apiVersion should come first:\n%s", first)
	}
}

func TestNormalizeTurnsWholeNumbersIntoInt64(t *testing.T) {
	type spec struct {
		Weight int      `json:"weight"`
		Ratio  float64  `json:"ratio"`
		Names  []string `json:"names"`
	}
	v, err := Normalize(spec{Weight: 50, Ratio: 0.5, Names: []string{"a"}})
	if err != nil {
		t.Fatal(err)
	}
	m := v.(map[string]any)
	if _, ok := m["weight"].(int64); !ok {
		t.Fatalf("weight is %T, want int64", m["weight"])
	}
	if _, ok := m["ratio"].(float64); !ok {
		t.Fatalf("ratio is %T, want float64", m["ratio"])
	}
	if _, ok := m["names"].([]any); !ok {
		t.Fatalf("names is %T, want []any", m["names"])
	}
}

func TestMultiYAMLSeparatesDocuments(t *testing.T) {
	out, err := MultiYAML([]Object{New("v1", "Namespace", "a", ""), New("v1", "Namespace", "b", "")})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(out, "---\n") != 1 {
		t.Fatalf("want one separator:\n%s", out)
	}
}
