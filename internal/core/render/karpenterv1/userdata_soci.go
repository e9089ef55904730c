package karpenterv1

import (
	"strconv"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// fastImagePullMinThroughput: AWS reports slower pulls with SOCI parallel
// pull below 600 MiB/s of root volume throughput.
const fastImagePullMinThroughput = 600

// bottlerocketSOCIVersion is the first Bottlerocket release with the SOCI
// snapshotter in its Kubernetes variants.
var bottlerocketSOCIVersion = [3]int{1, 44, 0}

func validateFastImagePull(p *problem.At, nc EC2NodeClass) {
	if nc.UserData.FastImagePull == nil || !*nc.UserData.FastImagePull || nc.UserData.Raw != "" {
		return
	}
	switch fam := nc.Family(); fam {
	case "AL2023":
		root := rootVolume(nc.BlockDeviceMappings)
		t := int64(gp3MinThroughput)
		if root != nil && root.Throughput != nil {
			t = *root.Throughput
		}
		if t < fastImagePullMinThroughput {
			p.Warnf("AWS reports image pulls get slower with FastImagePull below %d MiB/s of root volume throughput, and the root volume has %d; raise block_device_mappings[].throughput on the root volume (gp3, up to 2000)", fastImagePullMinThroughput, t)
		}
	case "Bottlerocket":
		if v, ok := bottlerocketVersion(nc.AMIAlias); ok && versionLess(v, bottlerocketSOCIVersion) {
			p.Addf("the SOCI snapshotter needs Bottlerocket 1.44.0 or later, the alias pins %s; use bottlerocket@latest or a newer version", nc.AMIAlias)
		}
	}
}

func rootVolume(bdms []BlockDeviceMapping) *BlockDeviceMapping {
	for i := range bdms {
		if bdms[i].RootVolume {
			return &bdms[i]
		}
	}
	for i := range bdms {
		if bdms[i].DeviceName == "/dev/xvda" {
			return &bdms[i]
		}
	}
	return nil
}

// bottlerocketVersion reads bottlerocket@v1.44.0 (or @1.44.0); latest and
// other forms are not pinned versions.
func bottlerocketVersion(alias string) ([3]int, bool) {
	fam, ver := cutAt(alias)
	if fam != "bottlerocket" {
		return [3]int{}, false
	}
	parts := strings.Split(strings.TrimPrefix(ver, "v"), ".")
	if len(parts) != 3 {
		return [3]int{}, false
	}
	var v [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return [3]int{}, false
		}
		v[i] = n
	}
	return v, true
}

func versionLess(a, b [3]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}
