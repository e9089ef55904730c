package karpenterv1

import (
	"maps"
	"slices"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// EKSAutoBuiltinNodePools are EKS Auto Mode's own pools: they cannot be
// changed, only enabled or disabled in the cluster's compute config.
var EKSAutoBuiltinNodePools = []string{"general-purpose", "system"}

// validateNodeClassFamily checks the label keys against the node class
// family: Auto Mode nodes carry eks.amazonaws.com/instance-* labels and no
// karpenter.k8s.aws ones, EC2NodeClass nodes the other way round. A key of
// the wrong family matches no instance type and only labels the node.
func validateNodeClassFamily(probs *problem.List, np NodePool) {
	np = np.WithDefaults()
	auto := np.AutoMode()
	if auto && slices.Contains(EKSAutoBuiltinNodePools, np.Name) {
		problem.Under(probs, "name").Addf("%q is a built-in EKS Auto Mode NodePool, which cannot be modified (only enabled or disabled in the cluster's compute config); give the pool another name", np.Name)
	}
	check := func(p *problem.At, key string) {
		domain, suffix, _ := strings.Cut(key, "/")
		switch {
		case auto && strings.HasSuffix(domain, KarpenterLabelKeys.Domain):
			p.Addf("%s is a Karpenter (EC2NodeClass) label; EKS Auto Mode nodes carry %s/%s instead", key, EKSAutoLabelKeys.Domain, suffix)
		case auto && key == LabelOS:
			p.Addf("EKS Auto Mode runs Linux nodes only and does not support the %s label; remove it", LabelOS)
		case !auto && domain == EKSAutoLabelKeys.Domain && strings.HasPrefix(suffix, "instance-"):
			p.Addf("%s is an EKS Auto Mode label; on an EC2NodeClass pool use %s/%s (or set node_class_group = %q for an Auto Mode pool)", key, KarpenterLabelKeys.Domain, suffix, EKSAutoNodeClassGroup)
		}
	}
	for i, r := range np.Requirements.Custom {
		check(problem.Under(probs, "requirements", i, "key"), r.Key)
	}
	for _, k := range slices.Sorted(maps.Keys(np.Labels)) {
		check(problem.Under(probs, "labels").Key(k), k)
	}
}

// validateReservedCapacity: reserved capacity comes only from the
// capacity reservations the node class selects.
func validateReservedCapacity(probs *problem.List, np NodePool) {
	np = np.WithDefaults()
	types := slices.Clone(np.Requirements.CapacityTypes)
	attr := problem.Under(probs, "capacity_types")
	for i, r := range np.Requirements.Custom {
		if r.Key == LabelCapacityType && r.Operator == "In" {
			types = append(types, r.Values...)
			attr = problem.Under(probs, "requirements", i, "values")
		}
	}
	if !slices.Contains(types, "reserved") {
		return
	}
	only := !slices.ContainsFunc(types, func(t string) bool { return t != "reserved" })
	field := "capacity_reservation_selector_terms"
	switch sel := np.NodeClassSelectsReservations; {
	case sel != nil && !*sel && only:
		attr.Addf("reserved capacity needs capacity reservations selected by the node class %q, which has no %s: add them there (e.g. { id = \"cr-0123456789abcdef0\" }), or add on-demand to the capacity types", np.NodeClass.Name, field)
	case sel != nil && !*sel:
		attr.Warnf("reserved matches nothing: the node class %q has no %s, so nodes come from the other capacity types", np.NodeClass.Name, field)
	case sel == nil:
		attr.Warnf("reserved capacity comes only from the reservations that the node class %q selects with %s; without them this pool launches no reserved nodes", np.NodeClass.Name, field)
	}
}
