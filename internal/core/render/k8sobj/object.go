// Package k8sobj holds the conventions every renderer follows: a rendered
// Kubernetes object is a plain map (as encoding/json would decode it), and
// its YAML and JSON forms are deterministic (keys sorted, two-space indent),
// so the same inputs always give byte-identical output and plans show no
// spurious diffs. It knows nothing of Terraform.
package k8sobj

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"sigs.k8s.io/yaml"
)

// Object is one Kubernetes object: apiVersion, kind, metadata, spec...
// Values are string, bool, int64, float64, []any, map[string]any or nil.
type Object = map[string]any

// New starts an object with its type and name (and namespace, when not "").
func New(apiVersion, kind, name, namespace string) Object {
	meta := map[string]any{"name": name}
	if namespace != "" {
		meta["namespace"] = namespace
	}
	return Object{"apiVersion": apiVersion, "kind": kind, "metadata": meta}
}

// Normalize round-trips v through JSON so the result holds only the plain
// types listed on Object (typed structs, []string, int become generic).
// Numbers that are whole become int64, others float64.
func Normalize(v any) (any, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		return nil, err
	}
	return fromJSONNumbers(out), nil
}

func fromJSONNumbers(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			t[k] = fromJSONNumbers(e)
		}
		return t
	case []any:
		for i, e := range t {
			t[i] = fromJSONNumbers(e)
		}
		return t
	case json.Number:
		if i, err := t.Int64(); err == nil {
			return i
		}
		f, _ := t.Float64()
		return f
	default:
		return v
	}
}

// JSON renders one object as indented JSON with sorted keys.
func JSON(obj any) (string, error) {
	raw, err := json.MarshalIndent(obj, "", "  ")
	if err != nil {
		return "", fmt.Errorf("encoding JSON: %w", err)
	}
	return string(raw) + "\n", nil
}

// YAML renders one object as YAML with sorted keys.
func YAML(obj any) (string, error) {
	raw, err := json.Marshal(obj)
	if err != nil {
		return "", fmt.Errorf("encoding YAML: %w", err)
	}
	out, err := yaml.JSONToYAML(raw)
	if err != nil {
		return "", fmt.Errorf("encoding YAML: %w", err)
	}
	return string(out), nil
}

// MultiYAML renders objects as one YAML stream ("---" between documents),
// in the given order (callers order them for apply).
func MultiYAML(objs []Object) (string, error) {
	docs := make([]string, 0, len(objs))
	for _, o := range objs {
		y, err := YAML(o)
		if err != nil {
			return "", err
		}
		docs = append(docs, y)
	}
	return strings.Join(docs, "---\n"), nil
}
