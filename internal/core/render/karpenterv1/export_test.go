package karpenterv1

import (
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// YAMLWithout renders a NodePool without its name, weight and the
// requirement on key, to compare the rest of two pools.
func YAMLWithout(obj k8sobj.Object, key string) (string, error) {
	raw, err := k8sobj.Normalize(obj)
	if err != nil {
		return "", err
	}
	o := raw.(map[string]any)
	delete(o["metadata"].(map[string]any), "name")
	spec := o["spec"].(map[string]any)
	delete(spec, "weight")
	tmpl := spec["template"].(map[string]any)["spec"].(map[string]any)
	var kept []any
	for _, r := range tmpl["requirements"].([]any) {
		if r.(map[string]any)["key"] != key {
			kept = append(kept, r)
		}
	}
	tmpl["requirements"] = kept
	return k8sobj.YAML(o)
}
