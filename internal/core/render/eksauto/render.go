package eksauto

import (
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1"
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
		"subnetSelectorTerms":        karpenterv1.SelectorTermsObject(nc.SubnetSelectorTerms),
		"securityGroupSelectorTerms": karpenterv1.SelectorTermsObject(nc.SecurityGroupSelectorTerms),
	}
	if len(nc.PodSubnetSelectorTerms) > 0 {
		spec["podSubnetSelectorTerms"] = karpenterv1.SelectorTermsObject(nc.PodSubnetSelectorTerms)
		spec["podSecurityGroupSelectorTerms"] = karpenterv1.SelectorTermsObject(nc.PodSecurityGroupSelectorTerms)
	}
	if len(nc.CapacityReservationSelectorTerms) > 0 {
		terms := make([]any, 0, len(nc.CapacityReservationSelectorTerms))
		for _, t := range nc.CapacityReservationSelectorTerms {
			o := map[string]any{}
			k8sobj.SetString(o, "id", t.ID)
			k8sobj.SetString(o, "owner", t.Owner)
			k8sobj.SetStringMap(o, "tags", t.Tags)
			terms = append(terms, o)
		}
		spec["capacityReservationSelectorTerms"] = terms
	}
	es := map[string]any{}
	k8sobj.SetString(es, "size", nc.EphemeralStorage.Size)
	k8sobj.SetInt(es, "iops", nc.EphemeralStorage.IOPS)
	k8sobj.SetInt(es, "throughput", nc.EphemeralStorage.Throughput)
	k8sobj.SetString(es, "kmsKeyID", nc.EphemeralStorage.KMSKeyID)
	if len(es) > 0 {
		spec["ephemeralStorage"] = es
	}
	k8sobj.SetString(spec, "networkPolicy", nc.NetworkPolicy)
	k8sobj.SetString(spec, "networkPolicyEventLogs", nc.NetworkPolicyEventLogs)
	k8sobj.SetString(spec, "snatPolicy", nc.SNATPolicy)
	an := map[string]any{}
	k8sobj.SetString(an, "httpsProxy", nc.AdvancedNetworking.HTTPSProxy)
	if len(nc.AdvancedNetworking.NoProxy) > 0 {
		an["noProxy"] = k8sobj.Strings(nc.AdvancedNetworking.NoProxy)
	}
	k8sobj.SetBool(an, "associatePublicIPAddress", nc.AdvancedNetworking.AssociatePublicIPAddress)
	k8sobj.SetString(an, "ipv4PrefixSize", nc.AdvancedNetworking.IPv4PrefixSize)
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
	k8sobj.SetStringMap(spec, "tags", nc.Tags)
	obj["spec"] = spec
	return obj, probs
}
