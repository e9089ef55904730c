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
			setStr(o, "id", t.ID)
			setStr(o, "name", t.Name)
			setStr(o, "owner", t.Owner)
			setStr(o, "ssmParameter", t.SSMParameter)
			if len(t.Tags) > 0 {
				o["tags"] = stringMap(t.Tags)
			}
			terms = append(terms, o)
		}
		spec["amiSelectorTerms"] = terms
	}
	setStr(spec, "amiFamily", nc.AMIFamily)
	setStr(spec, "role", nc.Role)
	setStr(spec, "instanceProfile", nc.InstanceProfile)
	spec["subnetSelectorTerms"] = selectorTermsObj(nc.SubnetSelectorTerms)
	spec["securityGroupSelectorTerms"] = selectorTermsObj(nc.SecurityGroupSelectorTerms)
	if len(nc.CapacityReservationSelectorTerms) > 0 {
		terms := make([]any, 0, len(nc.CapacityReservationSelectorTerms))
		for _, t := range nc.CapacityReservationSelectorTerms {
			o := map[string]any{}
			setStr(o, "id", t.ID)
			setStr(o, "ownerID", t.OwnerID)
			setStr(o, "instanceMatchCriteria", t.InstanceMatchCriteria)
			if len(t.Tags) > 0 {
				o["tags"] = stringMap(t.Tags)
			}
			terms = append(terms, o)
		}
		spec["capacityReservationSelectorTerms"] = terms
	}

	if len(nc.BlockDeviceMappings) > 0 {
		bdms := make([]any, 0, len(nc.BlockDeviceMappings))
		for _, b := range nc.BlockDeviceMappings {
			ebs := map[string]any{}
			setStr(ebs, "volumeSize", b.VolumeSize)
			vt := b.VolumeType
			if vt == "" {
				vt = "gp3"
			}
			ebs["volumeType"] = vt
			setInt(ebs, "iops", b.IOPS)
			setInt(ebs, "throughput", b.Throughput)
			setBool(ebs, "encrypted", b.Encrypted)
			setBool(ebs, "deleteOnTermination", b.DeleteOnTermination)
			setStr(ebs, "kmsKeyID", b.KMSKeyID)
			setStr(ebs, "snapshotID", b.SnapshotID)
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
	if len(nc.Tags) > 0 {
		spec["tags"] = stringMap(nc.Tags)
	}
	setBool(spec, "associatePublicIPAddress", nc.AssociatePublicIPAddress)
	setBool(spec, "detailedMonitoring", nc.DetailedMonitoring)

	ud, err := RenderUserData(nc.UserData, nc.Family())
	if err != nil {
		probs.Addf(problem.Path{"user_data"}, "rendering user data: %v", err)
		return nil, probs
	}
	setStr(spec, "userData", ud)

	obj["spec"] = spec
	return obj, probs
}

func selectorTermsObj(terms []SelectorTerm) []any {
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

func kubeletObj(k Kubelet) map[string]any {
	o := map[string]any{}
	setInt(o, "maxPods", k.MaxPods)
	setInt(o, "podsPerCore", k.PodsPerCore)
	setInt(o, "evictionMaxPodGracePeriod", k.EvictionMaxPodGracePeriod)
	setInt(o, "imageGCHighThresholdPercent", k.ImageGCHighThresholdPercent)
	setInt(o, "imageGCLowThresholdPercent", k.ImageGCLowThresholdPercent)
	setBool(o, "cpuCFSQuota", k.CPUCFSQuota)
	for key, m := range map[string]map[string]string{
		"systemReserved": k.SystemReserved, "kubeReserved": k.KubeReserved,
		"evictionHard": k.EvictionHard, "evictionSoft": k.EvictionSoft,
		"evictionSoftGracePeriod": k.EvictionSoftGracePeriod,
	} {
		if len(m) > 0 {
			o[key] = stringMap(m)
		}
	}
	if len(k.ClusterDNS) > 0 {
		o["clusterDNS"] = stringsAny(k.ClusterDNS)
	}
	return o
}

func setStr(o map[string]any, key, v string) {
	if v != "" {
		o[key] = v
	}
}

func setInt(o map[string]any, key string, v *int64) {
	if v != nil {
		o[key] = *v
	}
}

func setBool(o map[string]any, key string, v *bool) {
	if v != nil {
		o[key] = *v
	}
}
