// Package fuzzcase turns fuzzer arguments into Karpenter renderer inputs.
// It is shared by the renderer's own fuzz test (never panics; accepted
// input renders) and test/conformance's (accepted input passes the real
// CRDs), so both explore the same input space.
package fuzzcase

import "github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1"

// Strings is the number of string arguments each builder takes.
const Strings = 8

// NodePool builds a NodePool; bits of flags switch optional parts on.
func NodePool(s [Strings]string, n1, n2 int64, flags uint16) karpenterv1.NodePool {
	on := func(bit uint) bool { return flags&(1<<bit) != 0 }
	np := karpenterv1.NodePool{Name: s[0]}
	if on(0) {
		np.Requirements.Custom = append(np.Requirements.Custom, karpenterv1.Requirement{Key: s[1], Operator: s[2], Values: values(s[3], s[4], on(1))})
		if on(2) {
			mv := n1
			np.Requirements.Custom[0].MinValues = &mv
		}
	}
	if on(3) {
		w := n2
		np.Weight = &w
	}
	if on(4) {
		np.Labels = map[string]string{s[1]: s[3]}
	}
	if on(5) {
		np.Disruption.Budgets = []karpenterv1.Budget{{Nodes: s[4], Schedule: s[5], Duration: s[6], Reasons: values(s[7], "", false)}}
	}
	if on(6) {
		np.Disruption.ConsolidateAfter = &s[6]
		np.Disruption.ConsolidationPolicy = s[7]
	}
	if on(7) {
		np.ExpireAfter = &s[5]
	}
	if on(8) {
		np.TerminationGracePeriod = &s[6]
	}
	if on(9) {
		np.Taints = []karpenterv1.Taint{{Key: s[1], Value: s[3], Effect: s[7]}}
	}
	if on(10) {
		np.Limits = map[string]string{"cpu": s[4]}
	}
	if on(11) {
		np.Requirements.CapacityTypes = values(s[3], s[4], on(1))
	}
	if on(12) {
		np.Requirements.Zones = values(s[3], s[4], on(1))
	}
	if on(13) {
		g := n1
		np.Requirements.MinInstanceGeneration = &g
	}
	if on(14) {
		np.NodeClass.Name = s[7]
	}
	if on(15) {
		np.Annotations = map[string]string{s[1]: s[5]}
	}
	return np
}

// EC2NodeClass builds an EC2NodeClass; bits of flags switch optional parts on.
func EC2NodeClass(s [Strings]string, n1, n2 int64, flags uint16) karpenterv1.EC2NodeClass {
	on := func(bit uint) bool { return flags&(1<<bit) != 0 }
	nc := karpenterv1.EC2NodeClass{Name: s[0], Role: s[1]}
	if on(0) {
		nc.AMIAlias = s[2]
	}
	if on(1) {
		nc.AMIFamily = s[3]
		nc.AMISelectorTerms = []karpenterv1.AMISelectorTerm{{ID: s[2]}}
	}
	if on(2) {
		nc.InstanceProfile = s[4]
	}
	subnet := karpenterv1.SelectorTerm{Tags: map[string]string{"karpenter.sh/discovery": "c"}}
	if on(3) {
		subnet = karpenterv1.SelectorTerm{ID: s[5]}
	}
	nc.SubnetSelectorTerms = []karpenterv1.SelectorTerm{subnet}
	sg := karpenterv1.SelectorTerm{Tags: map[string]string{s[6]: s[7]}}
	if on(4) {
		sg = karpenterv1.SelectorTerm{Name: s[6]}
	}
	nc.SecurityGroupSelectorTerms = []karpenterv1.SelectorTerm{sg}
	if on(5) {
		nc.Tags = map[string]string{s[6]: s[7]}
	}
	if on(6) {
		nc.BlockDeviceMappings = []karpenterv1.BlockDeviceMapping{{DeviceName: "/dev/xvda", RootVolume: on(7), VolumeSize: s[5], VolumeType: s[4]}}
	}
	if on(8) {
		h := n1
		nc.MetadataOptions.HTTPPutResponseHopLimit = &h
		nc.MetadataOptions.HTTPTokens = s[4]
	}
	if on(9) {
		hi, lo := n1, n2
		nc.Kubelet = &karpenterv1.Kubelet{ImageGCHighThresholdPercent: &hi, ImageGCLowThresholdPercent: &lo}
	}
	if on(10) {
		if nc.Kubelet == nil {
			nc.Kubelet = &karpenterv1.Kubelet{}
		}
		nc.Kubelet.EvictionHard = map[string]string{s[6]: s[7]}
		nc.Kubelet.KubeReserved = map[string]string{s[4]: s[5]}
	}
	if on(11) {
		nc.UserData.PrePullImages = []string{s[5]}
	}
	if on(12) {
		p := n2
		nc.UserData.MaxParallelImagePulls = &p
	}
	if on(13) {
		q := n1
		nc.UserData.RegistryPullQPS = &q
	}
	if on(14) {
		nc.UserData.Raw = s[7]
	}
	if on(15) {
		mp := n2
		if nc.Kubelet == nil {
			nc.Kubelet = &karpenterv1.Kubelet{}
		}
		nc.Kubelet.MaxPods = &mp
	}
	return nc
}

func values(a, b string, two bool) []string {
	if two {
		return []string{a, b}
	}
	return []string{a}
}

// Seed is one seed corpus entry.
type Seed struct {
	S      [Strings]string
	N1, N2 int64
	Flags  uint16
}

// NodePoolSeeds start the fuzzer near valid and near-invalid inputs.
var NodePoolSeeds = []Seed{
	{S: [Strings]string{"default", "example.com/team", "In", "a", "b", "0 9 * * mon-fri", "8h", "Empty"}, N1: 2, N2: 50, Flags: 0xffff},
	{S: [Strings]string{"spot", "karpenter.k8s.aws/instance-family", "In", "c7i", "m7i", "@daily", "1h30m", "Drifted"}, N1: 2, N2: 1, Flags: 0x00ff},
	{S: [Strings]string{"gen", "karpenter.k8s.aws/instance-generation", "Gt", "4", "5", "61 * * * *", "30s", "Expired"}, N1: 0, N2: 0, Flags: 0x0fff},
	{S: [Strings]string{"x", "karpenter.sh/spot", "Exists", "", "10%", "", "Never", "WhenEmpty"}, N1: 51, N2: 101, Flags: 0x3ff1},
	{S: [Strings]string{"y", "topology.kubernetes.io/zone", "NotIn", "us-east-1a", "on-demand", "@weekly", "5m", "Balanced"}, N1: 1, N2: 100, Flags: 0xf9f3},
}

// EC2NodeClassSeeds start the fuzzer near valid and near-invalid inputs.
var EC2NodeClassSeeds = []Seed{
	{S: [Strings]string{"default", "KarpenterNodeRole-c", "al2023@latest", "AL2023", "gp3", "100Gi", "team", "web"}, N1: 2, N2: 5, Flags: 0x0001},
	{S: [Strings]string{"br", "role", "bottlerocket@latest", "Bottlerocket", "required", "subnet-0abc", "memory.available", "5%"}, N1: 85, N2: 80, Flags: 0x2769},
	{S: [Strings]string{"ids", "", "ami-0123", "AL2023", "profile", "nginx:1.27", "kubernetes.io/cluster/x", "owned"}, N1: 0, N2: 0, Flags: 0xfffe},
	{S: [Strings]string{"w", "role", "windows2022@latest", "Custom", "cpu", "100m", "nodefs.available", "10%"}, N1: 64, N2: 2, Flags: 0x9741},
}

// AutoModeNodePool is NodePool pointed at an EKS Auto Mode NodeClass, so
// the Auto Mode label keys and checks are explored too.
func AutoModeNodePool(s [Strings]string, n1, n2 int64, flags uint16) karpenterv1.NodePool {
	np := NodePool(s, n1, n2, flags)
	np.NodeClass.Group = karpenterv1.EKSAutoNodeClassGroup
	if flags&(1<<11) != 0 {
		r := n2%2 == 0
		np.NodeClassSelectsReservations = &r
	}
	return np
}

// EC2NodeClassExtras builds an EC2NodeClass around the parts the
// EC2NodeClass builder leaves out: volume performance, duplicate devices,
// capacity reservations and raw Bottlerocket user data.
func EC2NodeClassExtras(s [Strings]string, n1, n2 int64, flags uint16) karpenterv1.EC2NodeClass {
	on := func(bit uint) bool { return flags&(1<<bit) != 0 }
	nc := karpenterv1.EC2NodeClass{
		Name:                       "extras",
		Role:                       "KarpenterNodeRole-c",
		SubnetSelectorTerms:        []karpenterv1.SelectorTerm{{Tags: map[string]string{"karpenter.sh/discovery": "c"}}},
		SecurityGroupSelectorTerms: []karpenterv1.SelectorTerm{{Tags: map[string]string{"karpenter.sh/discovery": "c"}}},
	}
	b := karpenterv1.BlockDeviceMapping{DeviceName: "/dev/xvda", RootVolume: true, VolumeSize: s[0], VolumeType: s[1]}
	if on(0) {
		b.IOPS = &n1
	}
	if on(1) {
		b.Throughput = &n2
	}
	nc.BlockDeviceMappings = []karpenterv1.BlockDeviceMapping{b}
	if on(2) {
		nc.BlockDeviceMappings = append(nc.BlockDeviceMappings, karpenterv1.BlockDeviceMapping{DeviceName: s[2], VolumeSize: "20Gi"})
	}
	if on(3) {
		nc.CapacityReservationSelectorTerms = append(nc.CapacityReservationSelectorTerms, karpenterv1.CapacityReservationSelectorTerm{ID: s[3]})
	}
	if on(4) {
		t := karpenterv1.CapacityReservationSelectorTerm{OwnerID: s[4], InstanceMatchCriteria: s[5]}
		if on(5) {
			t.Tags = map[string]string{s[6]: s[7]}
		}
		if on(6) {
			t.ID = s[3]
		}
		nc.CapacityReservationSelectorTerms = append(nc.CapacityReservationSelectorTerms, t)
	}
	if on(7) {
		nc.AMIAlias = "bottlerocket@latest"
		nc.UserData.Raw = s[6]
	}
	if on(8) {
		nc.AMIAlias = "bottlerocket@latest"
		nc.UserData.Raw = "[settings.kubernetes.node-labels]\n\"" + s[6] + "\" = \"" + s[7] + "\"\n"
	}
	if on(9) {
		t := true
		nc.UserData.FastImagePull = &t
		if on(10) {
			nc.AMIAlias = "bottlerocket@" + s[5]
		}
	}
	return nc
}

// AutoModeNodePoolSeeds reuse the NodePool seeds; EC2NodeClassExtrasSeeds
// start near the volume and reservation limits.
var (
	AutoModeNodePoolSeeds   = NodePoolSeeds
	EC2NodeClassExtrasSeeds = []Seed{
		{S: [Strings]string{"100Gi", "gp3", "/dev/xvdb", "cr-0123456789abcdef0", "123456789012", "targeted", "team", "ml"}, N1: 80000, N2: 2000, Flags: 0x003b},
		{S: [Strings]string{"8Gi", "gp2", "/dev/xvda", "cr-1", "me", "open", "#!/bin/bash", "x"}, N1: 100000, N2: 5000, Flags: 0x00ff},
		{S: [Strings]string{"500Gi", "io2", "/dev/xvdc", "odcr-1", "", "any", "node-role.kubernetes.io/worker", "true"}, N1: 256000, N2: 125, Flags: 0x0115},
		{S: [Strings]string{"1Ti", "st1", "", "", "", "", "[settings.kubernetes]\nmax-pods = 110", ""}, N1: 3000, N2: 124, Flags: 0x0183},
	}
)
