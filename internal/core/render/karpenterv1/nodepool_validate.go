package karpenterv1

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sname"
)

// Validate reports every problem with np (after defaults) that the API
// server or Karpenter would reject, with the attribute path and the fix.
func (np NodePool) Validate() problem.List {
	var probs problem.List
	np = np.WithDefaults()
	validateNodePoolName(problem.Under(&probs, "name"), np.Name)
	validateNodeClassRef(&probs, np.NodeClass)
	validateRequirements(&probs, np.Requirements, np.LabelKeys())
	validateNodeClassFamily(&probs, np)
	validateReservedCapacity(&probs, np)
	validateLabels(problem.Under(&probs, "labels"), np.Labels)
	validateAnnotations(problem.Under(&probs, "annotations"), np.Annotations)
	seen := map[string]string{}
	validateTaints(problem.Under(&probs, "taints"), np.Taints, seen, "taints")
	validateTaints(problem.Under(&probs, "startup_taints"), np.StartupTaints, seen, "startup_taints")
	if np.ExpireAfter != nil {
		checkDurationOrNever(problem.Under(&probs, "expire_after"), *np.ExpireAfter, "720h")
	}
	if np.TerminationGracePeriod != nil {
		checkDuration(problem.Under(&probs, "termination_grace_period"), *np.TerminationGracePeriod, "48h")
	}
	validateDisruption(problem.Under(&probs, "disruption"), np.Disruption)
	validateLimits(problem.Under(&probs, "limits"), np.Limits)
	if np.Weight != nil && (*np.Weight < 1 || *np.Weight > 100) {
		problem.Under(&probs, "weight").Addf("must be 1-100 (higher is tried first), got %d; leave it unset for no preference (0 is invalid)", *np.Weight)
	}
	return probs
}

func validateNodePoolName(p *problem.At, name string) {
	switch {
	case name == "":
		p.Addf("is required: a lowercase name such as \"default\" or \"spot\"")
	case len(name) > 63 || !reDNS1123Subdomain.MatchString(name):
		// Karpenter puts the name in the karpenter.sh/nodepool label, so it
		// must also be a valid label value (at most 63 characters).
		p.Addf("%q must be at most 63 lowercase letters, digits, '-' or '.', starting and ending with a letter or digit", name)
	}
}

func validateNodeClassRef(probs *problem.List, ref NodeClassRef) {
	if strings.Contains(ref.Group, "/") {
		problem.Under(probs, "node_class_group").Addf("%q is an API group without version (e.g. karpenter.k8s.aws), not an apiVersion", ref.Group)
	}
	switch {
	case ref.Group == EKSAutoNodeClassGroup && ref.Kind != EKSAutoNodeClassKind:
		problem.Under(probs, "node_class_kind").Addf("%q is not EKS Auto Mode's node class kind: with node_class_group = %q use kind %q (or leave node_class_kind unset)", ref.Kind, EKSAutoNodeClassGroup, EKSAutoNodeClassKind)
	case ref.Group == EC2NodeClassGroup && ref.Kind != EC2NodeClassKind:
		problem.Under(probs, "node_class_kind").Addf("%q is not a %s kind: use %s, or node_class_group = %q for an EKS Auto Mode NodeClass", ref.Kind, EC2NodeClassGroup, EC2NodeClassKind, EKSAutoNodeClassGroup)
	}
	if ref.Name != "" && (len(ref.Name) > 253 || !reDNS1123Subdomain.MatchString(ref.Name)) {
		problem.Under(probs, "node_class_name").Addf("%q must be the name of an EC2NodeClass: lowercase letters, digits, '-' or '.'", ref.Name)
	}
}

func validateRequirements(probs *problem.List, r Requirements, keys LabelKeys) {
	lists := []struct {
		attr, key string
		values    []string
		allowed   []string
	}{
		{"instance_categories", LabelInstanceCategory, r.InstanceCategories, nil},
		{"instance_families", LabelInstanceFamily, r.InstanceFamilies, nil},
		{"instance_types", LabelInstanceType, r.InstanceTypes, nil},
		{"instance_sizes", LabelInstanceSize, r.InstanceSizes, nil},
		{"capacity_types", LabelCapacityType, r.CapacityTypes, CapacityTypes},
		{"architectures", LabelArch, r.Architectures, Architectures},
		{"zones", LabelZone, r.Zones, nil},
	}
	for _, l := range lists {
		for i, v := range l.values {
			p := problem.Under(probs, l.attr, i)
			if l.allowed != nil && !slices.Contains(l.allowed, v) {
				p.Addf("%q is not one of %s", v, strings.Join(l.allowed, ", "))
				continue
			}
			if v == "" {
				p.Addf("must not be empty")
			} else if msg := k8sname.LabelValueError(v); msg != "" {
				p.Addf("%s", msg)
			}
		}
	}
	if g := r.MinInstanceGeneration; g != nil && (*g < 1 || *g > 1000) {
		problem.Under(probs, "min_instance_generation").Addf("must be 1 or more (e.g. 5 for c5/m5/r5 and newer), got %d", *g)
	}
	if n := len(r.rendered(keys)); n > 100 {
		problem.Under(probs, "requirements").Addf("at most 100 requirements in total, got %d", n)
	}
	for i, c := range r.Custom {
		validateRequirement(problem.Under(probs, "requirements", i), c)
	}
}

func validateRequirement(p *problem.At, r Requirement) {
	if msg := k8sname.QualifiedNameError(r.Key); msg != "" {
		p.Child("key").Addf("%q is not a valid label key: %s", r.Key, msg)
	} else if len(r.Key) > 316 {
		p.Child("key").Addf("must be at most 316 characters")
	} else if msg := restrictedLabelError(r.Key); msg != "" {
		p.Child("key").Addf("%s", msg)
	}
	if !slices.Contains(Operators, r.Operator) {
		p.Child("operator").Addf("%q is not an operator: use one of %s", r.Operator, strings.Join(Operators, ", "))
		return
	}
	for i, v := range r.Values {
		if msg := k8sname.LabelValueError(v); msg != "" {
			p.Child("values", i).Addf("%s", msg)
		}
	}
	switch r.Operator {
	case "In":
		if len(r.Values) == 0 {
			p.Child("values").Addf("operator In needs at least one value (use Exists to match any value)")
		}
	case "Exists", "DoesNotExist":
		if len(r.Values) > 0 {
			p.Child("values").Addf("operator %s takes no values; remove them or use In/NotIn", r.Operator)
		}
	case "Gt", "Lt", "Gte", "Lte":
		if len(r.Values) != 1 || !isNonNegativeInt(r.Values[0]) {
			p.Child("values").Addf("operator %s needs exactly one non-negative integer value, e.g. [\"4\"]", r.Operator)
		}
	}
	if r.Key == LabelCapacityType && (r.Operator == "In") {
		for i, v := range r.Values {
			if !slices.Contains(CapacityTypes, v) {
				p.Child("values", i).Addf("%q is not a capacity type: use %s", v, strings.Join(CapacityTypes, ", "))
			}
		}
	}
	if r.MinValues != nil {
		mv := *r.MinValues
		switch {
		case mv < 1 || mv > 50:
			p.Child("min_values").Addf("must be 1-50, got %d", mv)
		case r.Operator == "In" && int64(len(r.Values)) < mv:
			p.Child("min_values").Addf("is %d but only %d value(s) are given: list at least %d values or lower min_values", mv, len(r.Values), mv)
		}
	}
}

func validateLabels(p *problem.At, labels map[string]string) {
	if len(labels) > 100 {
		p.Addf("at most 100 labels, got %d", len(labels))
	}
	for _, k := range slices.Sorted(maps.Keys(labels)) {
		kp := p.Key(k)
		if msg := k8sname.QualifiedNameError(k); msg != "" {
			kp.Addf("label key %q is invalid: %s", k, msg)
			continue
		}
		if msg := restrictedLabelError(k); msg != "" {
			kp.Addf("%s", msg)
		}
		if msg := k8sname.LabelValueError(labels[k]); msg != "" {
			kp.Addf("label value %s", msg)
		}
	}
}

func validateAnnotations(p *problem.At, annotations map[string]string) {
	for _, k := range slices.Sorted(maps.Keys(annotations)) {
		if msg := k8sname.QualifiedNameError(k); msg != "" {
			p.Key(k).Addf("annotation key %q is invalid: %s", k, msg)
		}
	}
}

func validateTaints(p *problem.At, taints []Taint, seen map[string]string, attr string) {
	for i, t := range taints {
		tp := p.Child(i)
		if msg := k8sname.QualifiedNameError(t.Key); msg != "" {
			tp.Child("key").Addf("%q is not a valid taint key: %s", t.Key, msg)
		}
		// The Node API checks a taint value as a label value (no prefix, at
		// most 63 characters), stricter than the NodePool CRD: a value the
		// CRD takes but the Node refuses would leave every node unregistered.
		if msg := k8sname.LabelValueError(t.Value); msg != "" {
			tp.Child("value").Addf("%q is not a valid taint value: %s", t.Value, msg)
		}
		if !slices.Contains(TaintEffects, t.Effect) {
			tp.Child("effect").Addf("%q is not a taint effect: use %s", t.Effect, strings.Join(TaintEffects, ", "))
		}
		id := t.Key + "=" + t.Effect
		if prev, dup := seen[id]; dup {
			tp.Addf("duplicate taint %s:%s (already in %s); key and effect must be unique across taints and startup_taints", t.Key, t.Effect, prev)
		}
		seen[id] = fmt.Sprintf("%s[%d]", attr, i)
	}
}

func validateDisruption(p *problem.At, d Disruption) {
	if !slices.Contains(ConsolidationPolicies, d.ConsolidationPolicy) {
		p.Child("consolidation_policy").Addf("%q is not a consolidation policy: use %s", d.ConsolidationPolicy, strings.Join(ConsolidationPolicies, ", "))
	}
	if d.ConsolidateAfter != nil {
		checkDurationOrNever(p.Child("consolidate_after"), *d.ConsolidateAfter, "1m")
	}
	if len(d.Budgets) > 50 {
		p.Child("budgets").Addf("at most 50 budgets, got %d", len(d.Budgets))
	}
	for i, b := range d.Budgets {
		bp := p.Child("budgets", i)
		if b.Nodes != "" && !reBudgetNodes.MatchString(b.Nodes) {
			bp.Child("nodes").Addf("%q must be a node count (\"5\") or a percentage 0-100%% (\"10%%\")", b.Nodes)
		}
		switch {
		case b.Schedule != "" && b.Duration == "":
			bp.Child("schedule").Addf("budgets[%d].schedule needs a duration, e.g. 8h (set duration)", i)
		case b.Schedule == "" && b.Duration != "":
			bp.Child("duration").Addf("budgets[%d].duration needs a schedule (cron, UTC), e.g. \"0 9 * * mon-fri\"", i)
		}
		if b.Schedule != "" {
			if msg := cronError(b.Schedule); msg != "" {
				bp.Child("schedule").Addf("%s", msg)
			}
		}
		if b.Duration != "" && !reBudgetDuration.MatchString(b.Duration) {
			bp.Child("duration").Addf("%q must be hours and/or minutes, e.g. 8h, 90m or 1h30m (no seconds, no Never)", b.Duration)
		}
		seen := map[string]bool{}
		for j, r := range b.Reasons {
			if !slices.Contains(DisruptionReasons, r) {
				bp.Child("reasons", j).Addf("%q is not a disruption reason: use %s", r, strings.Join(DisruptionReasons, ", "))
			} else if seen[r] {
				bp.Child("reasons", j).Addf("%q is listed twice", r)
			}
			seen[r] = true
		}
	}
}

func validateLimits(p *problem.At, limits map[string]string) {
	for _, k := range slices.Sorted(maps.Keys(limits)) {
		if msg := k8sname.QualifiedNameError(k); msg != "" {
			p.Key(k).Addf("resource name %q is invalid: %s", k, msg)
		}
		if !reQuantity.MatchString(limits[k]) {
			p.Key(k).Addf("%q is not a quantity: e.g. \"1000\" for cpu, \"1000Gi\" for memory", limits[k])
		} else if strings.HasPrefix(limits[k], "-") {
			p.Key(k).Addf("%q is negative", limits[k])
		}
	}
}
