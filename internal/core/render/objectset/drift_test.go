package objectset

import (
	"reflect"
	"testing"
)

func TestProjectKeepsOnlyWhatDesiredSets(t *testing.T) {
	desired := map[string]any{
		"spec": map[string]any{"limits": map[string]any{"cpu": "1000"}, "list": []any{map[string]any{"a": "1"}}},
	}
	live := map[string]any{
		"metadata": map[string]any{"uid": "u"},
		"spec": map[string]any{
			"limits":   map[string]any{"cpu": "500", "memory": "1Gi"},
			"weight":   int64(10),
			"list":     []any{map[string]any{"a": "1", "defaulted": true}, "extra"},
			"untouchd": true,
		},
		"status": map[string]any{"ok": true},
	}
	want := map[string]any{
		"spec": map[string]any{"limits": map[string]any{"cpu": "500"}, "list": []any{map[string]any{"a": "1"}, "extra"}},
	}
	if got := Project(live, desired); !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v\nwant %#v", got, want)
	}
}

func TestOwnedFields(t *testing.T) {
	obj := func(fields map[string]any) map[string]any {
		return map[string]any{"metadata": map[string]any{"managedFields": []any{
			map[string]any{"manager": "kubectl-edit", "operation": "Update", "fieldsV1": map[string]any{"f:spec": map[string]any{}}},
			map[string]any{"manager": "me", "operation": "Apply", "subresource": "status", "fieldsV1": map[string]any{"f:status": map[string]any{}}},
			map[string]any{"manager": "me", "operation": "Apply", "fieldsV1": fields},
		}}}
	}
	a, ok := OwnedFields(obj(map[string]any{"f:spec": map[string]any{"f:a": map[string]any{}, "f:b": map[string]any{}}}), "me")
	if !ok {
		t.Fatal("no entry found")
	}
	b, _ := OwnedFields(obj(map[string]any{"f:spec": map[string]any{"f:b": map[string]any{}, "f:a": map[string]any{}}}), "me")
	c, _ := OwnedFields(obj(map[string]any{"f:spec": map[string]any{"f:b": map[string]any{}}}), "me")
	if a != b {
		t.Error("the digest depends on key order")
	}
	if a == c {
		t.Error("losing a field did not change the digest")
	}
	if _, ok := OwnedFields(obj(nil), "someone-else"); ok {
		t.Error("found an entry for a manager that has none")
	}
}
