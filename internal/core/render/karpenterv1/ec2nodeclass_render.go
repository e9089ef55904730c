package karpenterv1

import (
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Render validates nc and renders the EC2NodeClass. It renders nothing when
// there are errors.
func (nc EC2NodeClass) Render() (k8sobj.Object, problem.List) {
	probs := nc.Validate()
	if probs.HasErrors() {
		return nil, probs
	}
	nc = nc.WithDefaults()
	obj := k8sobj.New(EC2NodeClassAPIVersion, EC2NodeClassKind, nc.Name, "")
	spec := map[string]any{}

	if nc.AMIAlias != "" {
		spec["amiSelectorTerms"] = []any{map[string]any{"alias": nc.AMIAlias}}
	} else {
		terms := make([]any, 0, len(nc.AMISelectorTerms))
		for _, t := range nc.AMISelectorTerms {
			o := map[string]any{}
			k8sobj.SetString(o, "id", t.ID)
			k8sobj.SetString(o, "name", t.Name)
			k8sobj.SetString(o, "owner", t.Owner)
			k8sobj.SetString(o, "ssmParameter", t.SSMParameter)
			k8sobj.SetStringMap(o, "tags", t.Tags)
			terms = append(terms, o)
		}
		spec["amiSelectorTerms"] = terms
	}
	k8sobj.SetString(spec, "amiFamily", nc.AMIFamily)
	k8sobj.SetString(spec, "role", nc.Role)
	k8sobj.SetString(spec, "instanceProfile", nc.InstanceProfile)
	spec["subnetSelectorTerms"] = SelectorTermsObject(nc.SubnetSelectorTerms)
	spec["securityGroupSelectorTerms"] = SelectorTermsObject(nc.SecurityGroupSelectorTerms)
	if len(nc.CapacityReservationSelectorTerms) > 0 {
		terms := make([]any, 0, len(nc.CapacityReservationSelectorTerms))
		for _, t := range nc.CapacityReservationSelectorTerms {
			o := map[string]any{}
			k8sobj.SetString(o, "id", t.ID)
			k8sobj.SetString(o, "ownerID", t.OwnerID)
			k8sobj.SetString(o, "instanceMatchCriteria", t.InstanceMatchCriteria)
			k8sobj.SetStringMap(o, "tags", t.Tags)
			terms = append(terms, o)
		}
		spec["capacityReservationSelectorTerms"] = terms
	}

	if len(nc.BlockDeviceMappings) > 0 {
		bdms := make([]any, 0, len(nc.BlockDeviceMappings))
		for _, b := range nc.BlockDeviceMappings {
			ebs := map[string]any{}
			k8sobj.SetString(ebs, "volumeSize", b.VolumeSize)
			vt := b.VolumeType
			if vt == "" {
				vt = "gp3"
			}
			ebs["volumeType"] = vt
			k8sobj.SetInt(ebs, "iops", b.IOPS)
			k8sobj.SetInt(ebs, "throughput", b.Throughput)
			k8sobj.SetBool(ebs, "encrypted", b.Encrypted)
			k8sobj.SetBool(ebs, "deleteOnTermination", b.DeleteOnTermination)
			k8sobj.SetString(ebs, "kmsKeyID", b.KMSKeyID)
			k8sobj.SetString(ebs, "snapshotID", b.SnapshotID)
			o := map[string]any{"deviceName": b.DeviceName, "ebs": ebs}
			if b.RootVolume {
				o["rootVolume"] = true
			}
			bdms = append(bdms, o)
		}
		spec["blockDeviceMappings"] = bdms
	}

	m := nc.MetadataOptions
	spec["metadataOptions"] = map[string]any{
		"httpEndpoint":            m.HTTPEndpoint,
		"httpProtocolIPv6":        m.HTTPProtocolIPv6,
		"httpPutResponseHopLimit": *m.HTTPPutResponseHopLimit,
		"httpTokens":              m.HTTPTokens,
	}
	if nc.Kubelet != nil {
		if k := kubeletObj(*nc.Kubelet); len(k) > 0 {
			spec["kubelet"] = k
		}
	}
	k8sobj.SetStringMap(spec, "tags", nc.Tags)
	k8sobj.SetBool(spec, "associatePublicIPAddress", nc.AssociatePublicIPAddress)
	k8sobj.SetBool(spec, "detailedMonitoring", nc.DetailedMonitoring)

	ud, err := RenderUserData(nc.UserData, nc.Family())
	if err != nil {
		probs.Addf(problem.Path{"user_data"}, "rendering user data: %v", err)
		return nil, probs
	}
	k8sobj.SetString(spec, "userData", ud)

	obj["spec"] = spec
	return obj, probs
}

// SelectorTermsObject renders subnet or security group selector terms, as
// EC2NodeClass and EKS Auto Mode's NodeClass both write them.
func SelectorTermsObject(terms []SelectorTerm) []any {
	out := make([]any, 0, len(terms))
	for _, t := range terms {
		o := map[string]any{}
		k8sobj.SetString(o, "id", t.ID)
		k8sobj.SetString(o, "name", t.Name)
		k8sobj.SetStringMap(o, "tags", t.Tags)
		out = append(out, o)
	}
	return out
}

func kubeletObj(k Kubelet) map[string]any {
	o := map[string]any{}
	k8sobj.SetInt(o, "maxPods", k.MaxPods)
	k8sobj.SetInt(o, "podsPerCore", k.PodsPerCore)
	k8sobj.SetInt(o, "evictionMaxPodGracePeriod", k.EvictionMaxPodGracePeriod)
	k8sobj.SetInt(o, "imageGCHighThresholdPercent", k.ImageGCHighThresholdPercent)
	k8sobj.SetInt(o, "imageGCLowThresholdPercent", k.ImageGCLowThresholdPercent)
	k8sobj.SetBool(o, "cpuCFSQuota", k.CPUCFSQuota)
	for key, m := range map[string]map[string]string{
		"systemReserved": k.SystemReserved, "kubeReserved": k.KubeReserved,
		"evictionHard": k.EvictionHard, "evictionSoft": k.EvictionSoft,
		"evictionSoftGracePeriod": k.EvictionSoftGracePeriod,
	} {
		k8sobj.SetStringMap(o, key, m)
	}
	if len(k.ClusterDNS) > 0 {
		o["clusterDNS"] = k8sobj.Strings(k.ClusterDNS)
	}
	return o
}
