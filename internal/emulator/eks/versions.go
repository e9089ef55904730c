package eks

import (
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// Kubernetes versions and their control-plane tiers, for
// DescribeClusterVersions. Dates are plausible, not authoritative.

const defaultClusterVersion = "1.34"

type version struct {
	Version       string
	Status        types.VersionStatus
	LegacyStatus  types.ClusterVersionStatus // the deprecated status field
	Patch         string
	Released      time.Time
	EndOfStandard time.Time
	EndOfExtended time.Time
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var versions = []version{
	{"1.30", types.VersionStatusUnsupported, types.ClusterVersionStatusUnsupported, "1.30.14", day(2024, 5, 23), day(2025, 7, 23), day(2026, 7, 23)},
	{"1.31", types.VersionStatusExtendedSupport, types.ClusterVersionStatusExtendedSupport, "1.31.13", day(2024, 9, 26), day(2025, 11, 26), day(2026, 11, 26)},
	{"1.32", types.VersionStatusExtendedSupport, types.ClusterVersionStatusExtendedSupport, "1.32.9", day(2025, 1, 23), day(2026, 3, 23), day(2027, 3, 23)},
	{"1.33", types.VersionStatusStandardSupport, types.ClusterVersionStatusStandardSupport, "1.33.5", day(2025, 5, 29), day(2026, 7, 29), day(2027, 7, 29)},
	{"1.34", types.VersionStatusStandardSupport, types.ClusterVersionStatusStandardSupport, "1.34.1", day(2025, 10, 2), day(2026, 12, 2), day(2027, 12, 2)},
	{"1.35", types.VersionStatusStandardSupport, types.ClusterVersionStatusStandardSupport, "1.35.0", day(2026, 1, 27), day(2027, 3, 27), day(2028, 3, 27)},
}

func knownClusterVersion(v string) bool {
	for _, ev := range versions {
		if ev.Version == v && ev.Status != types.VersionStatusUnsupported {
			return true
		}
	}
	return false
}

// The tiers the API accepts (types.ProvisionedControlPlaneTier), smallest
// first, written out here rather than taken from the provider's own table,
// so a wrong table in the provider shows up against the emulator.
const tierStandard = "standard"

// tier is one control-plane tier as DescribeClusterVersions reports it.
type tier struct {
	Name                  string
	APIRequestConcurrency int32 // seats
	PodsPerSecond         int32
	DatabaseGB            int32
}

// tiers are the capabilities the emulator reports for every version. XL,
// 2XL and 4XL seats and pods/s, and XL's 16 GB, are the figures published
// at launch (Nov 2025). Everything marked "emulator value" was not
// published and is made up, plausibly, so the API shape is complete:
// standard's 600 seats are kube-apiserver's default max-requests-inflight
// (400) plus max-mutating-requests-inflight (200), its 8 GB the etcd size
// under which a cluster may return to standard.
var tiers = []tier{
	{tierStandard, 600, 50, 8},   // emulator values
	{"tier-xl", 1700, 167, 16},   // published
	{"tier-2xl", 3400, 283, 16},  // seats, pods/s published; GB: emulator value
	{"tier-4xl", 6800, 400, 16},  // seats, pods/s published; GB: emulator value
	{"tier-8xl", 13600, 400, 16}, // emulator values
}

func validTier(name string) bool {
	for _, t := range tiers {
		if t.Name == name {
			return true
		}
	}
	return false
}

func tierNames() []string {
	out := make([]string, len(tiers))
	for i, t := range tiers {
		out[i] = t.Name
	}
	return out
}

func errUnknownTier(name string) *server.APIError {
	return errInvalidParameter(fmt.Sprintf("Invalid controlPlaneScalingConfig.tier %q. Valid values: %v.", name, tierNames()))
}

func tierInfo(version string) []types.ControlPlaneScalingTierInfo {
	out := make([]types.ControlPlaneScalingTierInfo, 0, len(tiers))
	for _, t := range tiers {
		info := types.ControlPlaneScalingTierInfo{
			TierName:                   aws.String(t.Name),
			ApiRequestConcurrency:      aws.Int32(t.APIRequestConcurrency),
			PodSchedulingRatePerSecond: aws.Int32(t.PodsPerSecond),
			ClusterDatabaseSizeGb:      aws.Int32(t.DatabaseGB),
		}
		if supportsComponentConfig(version) {
			info.ControlPlaneComponentConfigOverrides = tierComponentOverrides(t.Name)
		}
		out = append(out, info)
	}
	return out
}

// supportsComponentConfig reports whether a version has the advanced
// control-plane configuration (1.31 and later).
func supportsComponentConfig(version string) bool {
	var major, minor, minMinor int
	if _, err := fmt.Sscanf(version, "%d.%d", &major, &minor); err != nil {
		return false
	}
	_, _ = fmt.Sscanf(minComponentConfigVersion, "1.%d", &minMinor)
	return major > 1 || minor >= minMinor
}

// describeClusterVersions filters as the real API does: by default the
// supported versions; includeAll adds unsupported ones; defaultOnly keeps the
// default; clusterVersions and versionStatus (or the deprecated status) narrow.
func (s *Service) describeClusterVersions(in *sdk.DescribeClusterVersionsInput) (*sdk.DescribeClusterVersionsOutput, *server.APIError) {
	wanted := map[string]bool{}
	for _, v := range in.ClusterVersions {
		wanted[v] = true
	}
	includeAll, defaultOnly := aws.ToBool(in.IncludeAll), aws.ToBool(in.DefaultOnly)
	var matched []string
	byVersion := map[string]version{}
	for _, v := range versions {
		switch {
		case len(wanted) > 0 && !wanted[v.Version]:
			continue
		case v.Status == types.VersionStatusUnsupported && !includeAll && len(wanted) == 0:
			continue
		case defaultOnly && v.Version != defaultClusterVersion:
			continue
		case in.VersionStatus != "" && in.VersionStatus != v.Status:
			continue
		case in.Status != "" && in.Status != v.LegacyStatus: //nolint:staticcheck // the emulator answers the deprecated filter too, as the API still does
			continue
		}
		matched = append(matched, v.Version)
		byVersion[v.Version] = v
	}
	page, next, aerr := paginate(matched, in.MaxResults, in.NextToken)
	if aerr != nil {
		return nil, aerr
	}
	out := &sdk.DescribeClusterVersionsOutput{ClusterVersions: []types.ClusterVersionInformation{}, NextToken: next}
	for _, name := range page {
		v := byVersion[name]
		info := types.ClusterVersionInformation{
			ClusterVersion:           aws.String(v.Version),
			ClusterType:              aws.String("eks"),
			DefaultPlatformVersion:   aws.String("eks.1"),
			DefaultVersion:           v.Version == defaultClusterVersion,
			ReleaseDate:              aws.Time(v.Released),
			EndOfStandardSupportDate: aws.Time(v.EndOfStandard),
			EndOfExtendedSupportDate: aws.Time(v.EndOfExtended),
			Status:                   v.LegacyStatus,
			VersionStatus:            v.Status,
			KubernetesPatchVersion:   aws.String(v.Patch),
			ControlPlaneScalingTiers: tierInfo(v.Version),
		}
		if supportsComponentConfig(v.Version) {
			info.ControlPlaneComponentConfig = versionComponentInfo()
		}
		out.ClusterVersions = append(out.ClusterVersions, info)
	}
	return out, nil
}
