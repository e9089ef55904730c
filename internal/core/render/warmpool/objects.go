package warmpool

import (
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// ManagedBy marks every rendered object.
const ManagedBy = "terraform-provider-scaling"

func labels(s Spec) map[string]any {
	return map[string]any{
		"app.kubernetes.io/name":       s.Name,
		"app.kubernetes.io/component":  "warm-pool",
		"app.kubernetes.io/managed-by": ManagedBy,
	}
}

func selectorLabels(s Spec) map[string]any {
	return map[string]any{
		"app.kubernetes.io/name":      s.Name,
		"app.kubernetes.io/component": "warm-pool",
	}
}

func withLabels(obj k8sobj.Object, l map[string]any) k8sobj.Object {
	obj["metadata"].(map[string]any)["labels"] = l
	return obj
}

// priorityClass is cluster-scoped; a negative value lets every pod with the
// default priority 0 preempt the warm pods. It must not be the global
// default (globalDefault: false), but the field is left out: false is its
// default, and the API server drops a false globalDefault (omitempty), so
// kubernetes_manifest would see it vanish and fail with "inconsistent result
// after apply".
func priorityClass(s Spec) k8sobj.Object {
	pc := withLabels(k8sobj.New("scheduling.k8s.io/v1", "PriorityClass", s.PriorityClassName, ""), labels(s))
	pc["value"] = *s.PriorityValue
	pc["preemptionPolicy"] = "Never"
	pc["description"] = "Warm capacity for " + s.Namespace + "/" + s.Name + ": pods of this class are preempted by any default-priority pod."
	return pc
}

// resources requests the workload pod's shape. Extended resources and
// hugepages cannot be overcommitted, so their limits equal the requests.
// Quantities are written the way the API server writes them back ("2.5" as
// "2500m"), else kubernetes_manifest sees them change after apply.
func resources(p PodShape) map[string]any {
	req := map[string]any{}
	lim := map[string]any{}
	if p.CPU != "" {
		req["cpu"] = canonical(p.CPU)
	}
	if p.Memory != "" {
		req["memory"] = canonical(p.Memory)
	}
	for k, v := range p.Extended {
		req[k] = canonical(v)
		if k != "ephemeral-storage" {
			lim[k] = canonical(v)
		}
	}
	out := map[string]any{"requests": req}
	if len(lim) > 0 {
		out["limits"] = lim
	}
	return out
}

func nodeSelector(s Spec) map[string]any {
	out := map[string]any{}
	if len(s.NodeSelector) > 0 {
		for k, v := range s.NodeSelector {
			out[k] = v
		}
		return out
	}
	if s.NodePool != "" {
		out[NodePoolLabel] = s.NodePool
	}
	return out
}

func tolerations(s Spec) []any {
	var out []any
	for _, t := range s.Tolerations {
		m := map[string]any{}
		if t.Key != "" {
			m["key"] = t.Key
		}
		op := t.Operator
		if op == "" {
			op = "Equal"
		}
		m["operator"] = op
		if t.Value != "" {
			m["value"] = t.Value
		}
		if t.Effect != "" {
			m["effect"] = t.Effect
		}
		out = append(out, m)
	}
	return out
}

// podSpec is the warm pod: a pause container of the workload's shape that
// exits at once when preempted.
func podSpec(s Spec, withPriority bool) map[string]any {
	spec := map[string]any{
		"terminationGracePeriodSeconds": int64(0),
		"automountServiceAccountToken":  false,
		"containers": []any{map[string]any{
			"name":      "pause",
			"image":     s.Pod.Image,
			"resources": resources(s.Pod),
		}},
	}
	if withPriority {
		spec["priorityClassName"] = s.PriorityClassName
	}
	if ns := nodeSelector(s); len(ns) > 0 {
		spec["nodeSelector"] = ns
	}
	if t := tolerations(s); len(t) > 0 {
		spec["tolerations"] = t
	}
	return spec
}

// pauseDeployment holds the warm pods. With a KEDA scaler the HPA owns
// spec.replicas, so it is left out.
func pauseDeployment(s Spec, replicas *int64) k8sobj.Object {
	d := withLabels(k8sobj.New("apps/v1", "Deployment", s.Name, s.Namespace), labels(s))
	spec := map[string]any{
		"selector": map[string]any{"matchLabels": selectorLabels(s)},
		"strategy": map[string]any{"type": "Recreate"},
		"template": map[string]any{
			"metadata": map[string]any{"labels": labels(s)},
			"spec":     podSpec(s, true),
		},
	}
	if replicas != nil {
		spec["replicas"] = *replicas
	}
	d["spec"] = spec
	return d
}

// canonical is the quantity as the API server stores it (validation has
// already rejected anything that is not a quantity).
func canonical(q string) string {
	c, _ := k8sobj.CanonicalQuantity(q)
	return c
}
