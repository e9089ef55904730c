package eksauto

import (
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Render validates nc and renders the NodeClass; nothing when there are errors.
func (nc NodeClass) Render() (k8sobj.Object, problem.List) {
	probs := nc.Validate()
	if probs.HasErrors() {
		return nil, probs
	}
	obj := k8sobj.New(APIVersion, Kind, nc.Name, "")
	spec := map[string]any{
		"role":                       nc.Role,
		"subnetSelectorTerms":        termsObj(nc.SubnetSelectorTerms),
		"securityGroupSelectorTerms": termsObj(nc.SecurityGroupSelectorTerms),
	}
	if len(nc.PodSubnetSelectorTerms) > 0 {
		spec["podSubnetSelectorTerms"] = termsObj(nc.PodSubnetSelectorTerms)
		spec["podSecurityGroupSelectorTerms"] = termsObj(nc.PodSecurityGroupSelectorTerms)
	}
	if len(nc.CapacityReservationSelectorTerms) > 0 {
		terms := make([]any, 0, len(nc.CapacityReservationSelectorTerms))
		for _, t := range nc.CapacityReservationSelectorTerms {
			o := map[string]any{}
			setStr(o, "id", t.ID)
			setStr(o, "owner", t.Owner)
			if len(t.Tags) > 0 {
				o["tags"] = stringMap(t.Tags)
			}
			terms = append(terms, o)
		}
		spec["capacityReservationSelectorTerms"] = terms
	}
	es := map[string]any{}
	setStr(es, "size", nc.EphemeralStorage.Size)
	setInt(es, "iops", nc.EphemeralStorage.IOPS)
	setInt(es, "throughput", nc.EphemeralStorage.Throughput)
	setStr(es, "kmsKeyID", nc.EphemeralStorage.KMSKeyID)
	if len(es) > 0 {
		spec["ephemeralStorage"] = es
	}
	setStr(spec, "networkPolicy", nc.NetworkPolicy)
	setStr(spec, "networkPolicyEventLogs", nc.NetworkPolicyEventLogs)
	setStr(spec, "snatPolicy", nc.SNATPolicy)
	an := map[string]any{}
	setStr(an, "httpsProxy", nc.AdvancedNetworking.HTTPSProxy)
	if len(nc.AdvancedNetworking.NoProxy) > 0 {
		an["noProxy"] = stringsAny(nc.AdvancedNetworking.NoProxy)
	}
	if v := nc.AdvancedNetworking.AssociatePublicIPAddress; v != nil {
		an["associatePublicIPAddress"] = *v
	}
	setStr(an, "ipv4PrefixSize", nc.AdvancedNetworking.IPv4PrefixSize)
	if len(an) > 0 {
		spec["advancedNetworking"] = an
	}
	if len(nc.CertificateBundles) > 0 {
		bundles := make([]any, 0, len(nc.CertificateBundles))
		for _, b := range nc.CertificateBundles {
			bundles = append(bundles, map[string]any{"name": b.Name, "data": b.Data})
		}
		spec["certificateBundles"] = bundles
	}
	if len(nc.Tags) > 0 {
		spec["tags"] = stringMap(nc.Tags)
	}
	obj["spec"] = spec
	return obj, probs
}

func termsObj(terms []SelectorTerm) []any {
	out := make([]any, 0, len(terms))
	for _, t := range terms {
		o := map[string]any{}
		setStr(o, "id", t.ID)
		setStr(o, "name", t.Name)
		if len(t.Tags) > 0 {
			o["tags"] = stringMap(t.Tags)
		}
		out = append(out, o)
	}
	return out
}

func setStr(o map[string]any, k, v string) {
	if v != "" {
		o[k] = v
	}
}

func setInt(o map[string]any, k string, v *int64) {
	if v != nil {
		o[k] = *v
	}
}

func stringMap(m map[string]string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func stringsAny(vals []string) []any {
	out := make([]any, len(vals))
	for i, v := range vals {
		out[i] = v
	}
	return out
}
