package imageprepull

import (
	"fmt"
	"maps"
	"slices"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Render validates s and renders the DaemonSet; nothing when there are errors.
func (s Spec) Render() (k8sobj.Object, problem.List) {
	probs := s.Validate()
	if probs.HasErrors() {
		return nil, probs
	}
	s = s.WithDefaults()
	ds := k8sobj.New("apps/v1", "DaemonSet", s.Name, s.Namespace)
	selector := map[string]any{"app.kubernetes.io/name": s.Name, "app.kubernetes.io/component": "image-prepull"}
	labels := map[string]any{"app.kubernetes.io/managed-by": ManagedBy}
	for k, v := range selector {
		labels[k] = v
	}
	ds["metadata"].(map[string]any)["labels"] = labels

	pod := map[string]any{
		"automountServiceAccountToken":  false,
		"terminationGracePeriodSeconds": int64(0),
		"securityContext": map[string]any{
			"runAsNonRoot":   true,
			"runAsUser":      int64(65534),
			"runAsGroup":     int64(65534),
			"seccompProfile": map[string]any{"type": "RuntimeDefault"},
		},
		"initContainers": initContainers(s),
		"containers":     []any{container("pause", s.PauseImage, nil)},
		"volumes":        []any{map[string]any{"name": BinVolume, "emptyDir": map[string]any{"sizeLimit": "8Mi"}}},
		"affinity":       affinity(s),
	}
	if *s.HostNetwork {
		pod["hostNetwork"] = true
		// Keep cluster DNS even on the host network (nothing here resolves
		// names, but it is the setting a hostNetwork pod should have).
		pod["dnsPolicy"] = "ClusterFirstWithHostNet"
	}
	if tol := tolerations(s.Taints); len(tol) > 0 {
		pod["tolerations"] = tol
	}
	if len(s.ImagePullSecrets) > 0 {
		secrets := make([]any, 0, len(s.ImagePullSecrets))
		for _, n := range s.ImagePullSecrets {
			secrets = append(secrets, map[string]any{"name": n})
		}
		pod["imagePullSecrets"] = secrets
	}
	if s.PriorityClassName != "" {
		pod["priorityClassName"] = s.PriorityClassName
	}
	ds["spec"] = map[string]any{
		"selector": map[string]any{"matchLabels": selector},
		"updateStrategy": map[string]any{
			"type":          "RollingUpdate",
			"rollingUpdate": map[string]any{"maxUnavailable": "25%"},
		},
		"template": map[string]any{
			"metadata": map[string]any{"labels": labels},
			"spec":     pod,
		},
	}
	return ds, probs
}

// initContainers: copy the static busybox, then run each image once.
func initContainers(s Spec) []any {
	mount := []any{map[string]any{"name": BinVolume, "mountPath": BinDir}}
	out := []any{container("copy-true", s.HelperImage, []any{"/bin/cp", "/bin/busybox", ExitBinary})}
	out[0].(map[string]any)["volumeMounts"] = mount
	for i, img := range s.Images {
		c := container(fmt.Sprintf("pull-%d", i), img, []any{ExitBinary})
		c["volumeMounts"] = []any{map[string]any{"name": BinVolume, "mountPath": BinDir, "readOnly": true}}
		out = append(out, c)
	}
	return out
}

func container(name, image string, command []any) map[string]any {
	c := map[string]any{
		"name":            name,
		"image":           image,
		"imagePullPolicy": "IfNotPresent",
		"resources": map[string]any{
			"requests": map[string]any{"cpu": RequestCPU, "memory": RequestMemory},
			"limits":   map[string]any{"memory": LimitMemory},
		},
		"securityContext": map[string]any{
			"allowPrivilegeEscalation": false,
			"readOnlyRootFilesystem":   true,
			"capabilities":             map[string]any{"drop": []any{"ALL"}},
		},
	}
	if command != nil {
		c["command"] = command
	}
	return c
}

func affinity(s Spec) map[string]any {
	var exprs []any
	if len(s.NodePools) > 0 {
		exprs = append(exprs, map[string]any{"key": NodePoolLabel, "operator": "In", "values": k8sobj.Strings(s.NodePools)})
	}
	for _, k := range slices.Sorted(maps.Keys(s.NodeSelector)) {
		exprs = append(exprs, map[string]any{"key": k, "operator": "In", "values": []any{s.NodeSelector[k]}})
	}
	return map[string]any{"nodeAffinity": map[string]any{
		"requiredDuringSchedulingIgnoredDuringExecution": map[string]any{
			"nodeSelectorTerms": []any{map[string]any{"matchExpressions": exprs}},
		},
	}}
}

// tolerations: one per distinct taint; a taint without a value is
// tolerated whatever its value, one without an effect whatever its effect.
func tolerations(taints []Taint) []any {
	seen := map[Taint]bool{}
	var out []any
	for _, t := range taints {
		if seen[t] {
			continue
		}
		seen[t] = true
		tol := map[string]any{"key": t.Key, "operator": "Exists"}
		if t.Value != "" {
			tol["operator"], tol["value"] = "Equal", t.Value
		}
		if t.Effect != "" {
			tol["effect"] = t.Effect
		}
		out = append(out, tol)
	}
	return out
}
