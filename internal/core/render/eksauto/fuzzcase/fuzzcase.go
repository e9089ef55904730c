// Package fuzzcase turns fuzzer arguments into Auto Mode NodeClass inputs,
// shared by the renderer's fuzz test and test/conformance's.
package fuzzcase

import "github.com/scalingkit/terraform-provider-scaling/internal/core/render/eksauto"

// Strings is the number of string arguments NodeClass takes.
const Strings = 8

// NodeClass builds a NodeClass; bits of flags switch optional parts on.
func NodeClass(s [Strings]string, n1, n2 int64, flags uint16) eksauto.NodeClass {
	on := func(bit uint) bool { return flags&(1<<bit) != 0 }
	nc := eksauto.NodeClass{
		Name:                       s[0],
		Role:                       s[1],
		SubnetSelectorTerms:        []eksauto.SelectorTerm{{Tags: map[string]string{"kubernetes.io/role/internal-elb": "1"}}},
		SecurityGroupSelectorTerms: []eksauto.SelectorTerm{{Tags: map[string]string{"aws:eks:cluster-name": "c"}}},
	}
	if on(0) {
		nc.SubnetSelectorTerms = []eksauto.SelectorTerm{{ID: s[2]}}
	}
	if on(1) {
		nc.SecurityGroupSelectorTerms = []eksauto.SelectorTerm{{Name: s[2]}}
	}
	if on(2) {
		nc.PodSubnetSelectorTerms = []eksauto.SelectorTerm{{Tags: map[string]string{s[3]: s[4]}}}
	}
	if on(3) {
		nc.PodSecurityGroupSelectorTerms = []eksauto.SelectorTerm{{ID: s[5]}}
	}
	if on(4) {
		nc.CapacityReservationSelectorTerms = []eksauto.CapacityReservationSelectorTerm{{ID: s[5]}}
	}
	if on(5) {
		nc.CapacityReservationSelectorTerms = append(nc.CapacityReservationSelectorTerms, eksauto.CapacityReservationSelectorTerm{Tags: map[string]string{s[3]: s[4]}, Owner: s[6]})
	}
	if on(6) {
		nc.EphemeralStorage.Size = s[7]
	}
	if on(7) {
		nc.EphemeralStorage.IOPS = &n1
	}
	if on(8) {
		nc.EphemeralStorage.Throughput = &n2
	}
	if on(9) {
		nc.EphemeralStorage.KMSKeyID = s[6]
	}
	if on(10) {
		nc.NetworkPolicy, nc.SNATPolicy = s[3], s[4]
	}
	if on(11) {
		nc.AdvancedNetworking.HTTPSProxy = s[6]
		nc.AdvancedNetworking.NoProxy = []string{s[7], "169.254.169.254"}
	}
	if on(12) {
		nc.AdvancedNetworking.IPv4PrefixSize = s[4]
	}
	if on(13) {
		nc.Tags = map[string]string{s[3]: s[4]}
	}
	if on(14) {
		nc.CertificateBundles = []eksauto.CertificateBundle{{Name: s[3], Data: s[7]}}
	}
	if on(15) {
		nc.NetworkPolicyEventLogs = s[3]
	}
	return nc
}

// Seed is one seed corpus entry.
type Seed struct {
	S      [Strings]string
	N1, N2 int64
	Flags  uint16
}

// Seeds start the fuzzer near valid and near-invalid inputs.
var Seeds = []Seed{
	{S: [Strings]string{"private-compute", "AmazonEKSAutoNodeRole", "subnet-0abc", "DefaultDeny", "Disabled", "sg-0abc", "012345678901", "160Gi"}, N1: 6000, N2: 500, Flags: 0x11ff},
	{S: [Strings]string{"default", "arn:aws:iam::1:role/x", "x", "Deny", "Enabled", "cr-0abc", "http://192.0.2.4:3128", "80GB"}, N1: 20000, N2: 2000, Flags: 0xffff},
	{S: [Strings]string{"gpu", "role", "eks-node-sg", "Enabled", "32", "cr-56fac701cc1951b03", "alias/eks", "1Ti"}, N1: 3000, N2: 125, Flags: 0x9a42},
	{S: [Strings]string{"a", "r", "subnet-1", "kubernetes.io/cluster/x", "owned", "sg-1", "me", ""}, N1: 0, N2: 0, Flags: 0x200c},
}
