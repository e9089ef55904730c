package warmpool

import (
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Feature gates the native modes need, as FEATURE_GATES spells them; the
// Helm chart sets them from settings.featureGates.capacityBuffer and
// .staticCapacity. Both are alpha and off by default in v1.14.
const (
	FeatureGateCapacityBuffer = "CapacityBuffer"
	FeatureGateStaticCapacity = "StaticCapacity"
)

// CapacityBufferAPIVersion is what the CRD in sigs.k8s.io/karpenter@v1.14.1
// serves (pkg/apis/crds/autoscaling.x-k8s.io_capacitybuffers.yaml): v1beta1,
// not the v1alpha1 that older write-ups show.
const CapacityBufferAPIVersion = "autoscaling.x-k8s.io/v1beta1"

// podTemplate declares one buffer chunk for a CapacityBuffer.
func podTemplate(s Spec) k8sobj.Object {
	pt := withLabels(k8sobj.New("v1", "PodTemplate", s.Name, s.Namespace), labels(s))
	pt["template"] = map[string]any{
		"metadata": map[string]any{"labels": labels(s)},
		"spec":     podSpec(s, false),
	}
	return pt
}

// capacityBuffer asks Karpenter to keep room for replicas chunks, each the
// shape of the PodTemplate, or a share of an existing workload.
func capacityBuffer(s Spec, replicas int64) k8sobj.Object {
	cb := withLabels(k8sobj.New(CapacityBufferAPIVersion, "CapacityBuffer", s.Name, s.Namespace), labels(s))
	spec := map[string]any{"replicas": replicas}
	b := s.Buffer
	if r := b.ScalableRef; r != nil {
		ref := map[string]any{"kind": r.Kind, "name": r.Name}
		if r.APIGroup != "" {
			ref["apiGroup"] = r.APIGroup
		}
		spec["scalableRef"] = ref
		if b.Percentage != nil {
			spec["percentage"] = *b.Percentage
		}
	} else {
		spec["podTemplateRef"] = map[string]any{"name": s.Name}
	}
	if len(b.Limits) > 0 {
		lim := map[string]any{}
		for k, v := range b.Limits {
			lim[k] = v
		}
		spec["limits"] = lim
	}
	cb["spec"] = spec
	return cb
}

// staticNodePool keeps nodes warm: a NodePool with spec.replicas holds that
// many nodes whatever the pods (only limits.nodes and no weight allowed).
func staticNodePool(s Spec, nodes int64) k8sobj.Object {
	st := s.Static
	np := withLabels(k8sobj.New("karpenter.sh/v1", "NodePool", s.Name, ""), labels(s))
	reqs := []any{map[string]any{
		"key": "karpenter.sh/capacity-type", "operator": "In", "values": []any{st.CapacityType},
	}}
	if len(st.InstanceTypes) > 0 {
		vals := make([]any, len(st.InstanceTypes))
		for i, it := range st.InstanceTypes {
			vals[i] = it
		}
		reqs = append(reqs, map[string]any{"key": "node.kubernetes.io/instance-type", "operator": "In", "values": vals})
	}
	np["spec"] = map[string]any{
		"replicas": nodes,
		"template": map[string]any{
			"metadata": map[string]any{"labels": selectorLabels(s)},
			"spec": map[string]any{
				"nodeClassRef": map[string]any{"group": st.NodeClassGroup, "kind": st.NodeClassKind, "name": st.NodeClassName},
				"requirements": reqs,
			},
		},
	}
	return np
}
