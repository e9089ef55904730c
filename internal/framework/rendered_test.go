package framework

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestToDynamicBuildsObjectsAndTuples(t *testing.T) {
	d, err := toDynamic(map[string]any{
		"kind":  "NodePool",
		"spec":  map[string]any{"weight": int64(50), "skip": nil},
		"items": []any{map[string]any{"a": "x"}, "mixed", nil},
	})
	if err != nil {
		t.Fatal(err)
	}
	obj, ok := d.UnderlyingValue().(types.Object)
	if !ok {
		t.Fatalf("got %T, want object", d.UnderlyingValue())
	}
	spec := obj.Attributes()["spec"].(types.Object)
	if _, present := spec.Attributes()["skip"]; present {
		t.Fatal("nil entries must be dropped")
	}
	items := obj.Attributes()["items"].(types.Tuple)
	if len(items.Elements()) != 2 {
		t.Fatalf("want 2 tuple elements, got %d", len(items.Elements()))
	}
}

func TestToDynamicRejectsUnknownTypes(t *testing.T) {
	if _, err := toDynamic(struct{}{}); err == nil {
		t.Fatal("want an error for a struct")
	}
}
