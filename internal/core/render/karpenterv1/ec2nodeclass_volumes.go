package karpenterv1

import (
	"slices"
	"strconv"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// EBS limits per volume type, from the EC2 API reference for
// EbsBlockDevice (aws-sdk-go-v2 service/ec2 v1.347.0): gp3 3,000-80,000
// IOPS and 125-2,000 MiB/s since AWS raised the gp3 limits in 2025 (they
// were 16,000 and 1,000), io1 100-64,000 and io2 100-256,000 IOPS. IOPS are
// not settable on gp2, st1, sc1 or standard, throughput only on gp3. The
// EBS user guide's ratios: at most 500 IOPS per GiB of gp3 (1,000 on io2,
// 50 on io1) and 0.25 MiB/s of throughput per provisioned IOPS.
var volumeIOPS = map[string]struct{ min, max, perGiB int64 }{
	"gp3": {3000, 80000, 500},
	"io1": {100, 64000, 50},
	"io2": {100, 256000, 1000},
}

const (
	gp3MinThroughput        = 125
	gp3MaxThroughput        = 2000
	throughputPerIOPS       = 0.25
	maxBlockDeviceMappings  = 50
	defaultVolumeTypeForEBS = "gp3"
)

func validateBlockDevices(p *problem.At, bdms []BlockDeviceMapping) {
	if len(bdms) > maxBlockDeviceMappings {
		p.Addf("at most %d block device mappings, got %d", maxBlockDeviceMappings, len(bdms))
	}
	roots := 0
	devices := map[string]int{}
	for i, b := range bdms {
		bp := p.Child(i)
		if b.RootVolume {
			roots++
			if roots > 1 {
				bp.Child("root_volume").Addf("only one block device mapping can be the root volume")
			}
		}
		switch prev, dup := devices[b.DeviceName]; {
		case b.DeviceName == "":
			bp.Child("device_name").Addf("is required, e.g. /dev/xvda (the root device on AL2023 and Bottlerocket's OS volume)")
		case dup:
			bp.Child("device_name").Addf("%q is already used by block_device_mappings[%d]: each volume needs its own device name (e.g. /dev/xvdb)", b.DeviceName, prev)
		default:
			devices[b.DeviceName] = i
		}
		if b.VolumeSize == "" && b.SnapshotID == "" {
			bp.Child("volume_size").Addf("set volume_size (e.g. 100Gi) or snapshot_id")
		}
		if b.VolumeSize != "" && !reVolumeSize.MatchString(b.VolumeSize) {
			bp.Child("volume_size").Addf("%q must be a size such as 20Gi, 100Gi or 1Ti (1Gi to 64000G)", b.VolumeSize)
		}
		vt := b.VolumeType
		if vt == "" {
			vt = defaultVolumeTypeForEBS
		} else if !slices.Contains(VolumeTypes, vt) {
			bp.Child("volume_type").Addf("%q is not an EBS volume type: use %s", vt, strings.Join(VolumeTypes, ", "))
			continue
		}
		validateVolumePerformance(bp, b, vt)
	}
}

func validateVolumePerformance(bp *problem.At, b BlockDeviceMapping, vt string) {
	limits, iopsSettable := volumeIOPS[vt]
	switch {
	case b.IOPS == nil && (vt == "io1" || vt == "io2"):
		bp.Child("iops").Addf("is required for %s volumes (%d-%d)", vt, limits.min, limits.max)
	case b.IOPS == nil:
	case !iopsSettable:
		bp.Child("iops").Addf("cannot be set on %s volumes (their IOPS follow the size); remove iops, or use volume_type = \"gp3\" (3,000-80,000 IOPS)", vt)
	case *b.IOPS < limits.min || *b.IOPS > limits.max:
		bp.Child("iops").Addf("must be %d-%d for %s, got %d", limits.min, limits.max, vt, *b.IOPS)
	default:
		if gib, ok := volumeGiB(b.VolumeSize); ok && *b.IOPS > limits.perGiB*gib {
			bp.Child("iops").Warnf("%d IOPS on %d GiB is more than %s allows (%d IOPS per GiB): EC2 rejects the launch; raise volume_size to at least %dGi or lower iops", *b.IOPS, gib, vt, limits.perGiB, (*b.IOPS+limits.perGiB-1)/limits.perGiB)
		}
	}
	if b.Throughput == nil {
		return
	}
	t := *b.Throughput
	switch {
	case vt != "gp3":
		bp.Child("throughput").Addf("can only be set on gp3 volumes (125-2,000 MiB/s); remove throughput or use volume_type = \"gp3\"")
	case t < gp3MinThroughput || t > gp3MaxThroughput:
		bp.Child("throughput").Addf("must be %d-%d MiB/s for gp3, got %d", gp3MinThroughput, gp3MaxThroughput, t)
	default:
		iops := volumeIOPS["gp3"].min
		if b.IOPS != nil {
			iops = *b.IOPS
		}
		if float64(t) > float64(iops)*throughputPerIOPS {
			bp.Child("throughput").Warnf("%d MiB/s needs at least %d IOPS (0.25 MiB/s per IOPS), the volume has %d: EC2 rejects the launch; raise iops", t, int64(float64(t)/throughputPerIOPS), iops)
		}
	}
}

// volumeGiB converts a volume size (validated by reVolumeSize) to GiB,
// rounding decimal units down.
func volumeGiB(size string) (int64, bool) {
	units := []struct {
		suffix string
		gib    float64
	}{{"Gi", 1}, {"Ti", 1024}, {"G", 1e9 / (1 << 30)}, {"T", 1e12 / (1 << 30)}}
	for _, u := range units {
		if n, ok := strings.CutSuffix(size, u.suffix); ok {
			v, err := strconv.ParseInt(n, 10, 64)
			if err != nil || !reVolumeSize.MatchString(size) {
				return 0, false
			}
			return int64(float64(v) * u.gib), true
		}
	}
	return 0, false
}
