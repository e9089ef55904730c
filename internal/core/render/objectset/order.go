package objectset

import (
	"sort"
)

// Phase is when an object is applied: every object of a phase is applied
// before the next phase starts, and deleted after the next phase is gone.
type Phase int

const (
	// PhaseDefinitions: Namespaces and CustomResourceDefinitions, which
	// other objects live in or are instances of. CRDs must then be
	// Established before the next phase.
	PhaseDefinitions Phase = iota
	// PhaseReferenced: objects that others name (a PriorityClass, a
	// ServiceAccount, an EC2NodeClass a NodePool uses, a KEDA
	// TriggerAuthentication a ScaledObject uses), so the referrers never
	// point at something missing, even for a moment.
	PhaseReferenced
	// PhaseWorkloads: everything else, in the order written.
	PhaseWorkloads
)

// referenced lists the kinds of PhaseReferenced, by group.
var referenced = map[string]map[string]bool{
	"": {
		"ServiceAccount": true, "Secret": true, "ConfigMap": true,
		"ResourceQuota": true, "LimitRange": true,
	},
	"scheduling.k8s.io":         {"PriorityClass": true},
	"storage.k8s.io":            {"StorageClass": true},
	"rbac.authorization.k8s.io": {"ClusterRole": true, "ClusterRoleBinding": true, "Role": true, "RoleBinding": true},
	"karpenter.k8s.aws":         {"EC2NodeClass": true},
	"keda.sh":                   {"TriggerAuthentication": true, "ClusterTriggerAuthentication": true},
}

// PhaseOf is the phase an object belongs to.
func PhaseOf(r Ref) Phase {
	switch {
	case r.IsNamespace(), r.IsCRD():
		return PhaseDefinitions
	case referenced[r.Group][r.Kind]:
		return PhaseReferenced
	}
	return PhaseWorkloads
}

// ApplyOrder sorts objects into phases, keeping the input order within a
// phase. The result has one slice per phase, in apply order.
func ApplyOrder(objs []Object) [][]Object {
	out := make([][]Object, PhaseWorkloads+1)
	for _, o := range objs {
		p := PhaseOf(o.Ref)
		out[p] = append(out[p], o)
	}
	return out
}

// DeleteOrder sorts refs into phases for deletion: the last phase first.
// Within a phase the order is by key, reversed, so it is stable whatever
// order the refs came in.
func DeleteOrder(refs []Ref) [][]Ref {
	out := make([][]Ref, PhaseWorkloads+1)
	for _, r := range refs {
		p := PhaseWorkloads - PhaseOf(r)
		out[p] = append(out[p], r)
	}
	for _, phase := range out {
		sort.Slice(phase, func(i, j int) bool { return phase[i].Key() > phase[j].Key() })
	}
	return out
}
