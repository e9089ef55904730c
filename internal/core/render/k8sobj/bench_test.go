package k8sobj

import "testing"

// benchObject is Deployment-sized: nested maps, a list, numbers and strings.
func benchObject() Object {
	obj := New("apps/v1", "Deployment", "checkout", "shop")
	obj["spec"] = map[string]any{
		"replicas": int64(3),
		"selector": map[string]any{"matchLabels": map[string]any{"app": "checkout"}},
		"template": map[string]any{
			"metadata": map[string]any{"labels": map[string]any{"app": "checkout", "tier": "web"}},
			"spec": map[string]any{
				"priorityClassName": "warm-pool",
				"containers": []any{map[string]any{
					"name":  "app",
					"image": "registry.k8s.io/pause:3.10",
					"resources": map[string]any{
						"requests": map[string]any{"cpu": "500m", "memory": "512Mi"},
						"limits":   map[string]any{"memory": "512Mi"},
					},
				}},
				"terminationGracePeriodSeconds": int64(0),
			},
		},
	}
	return obj
}

func BenchmarkYAML(b *testing.B) {
	obj := benchObject()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := YAML(obj); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSON(b *testing.B) {
	obj := benchObject()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := JSON(obj); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMultiYAML3(b *testing.B) {
	objs := []Object{benchObject(), benchObject(), benchObject()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := MultiYAML(objs); err != nil {
			b.Fatal(err)
		}
	}
}
