package emulator

import (
	"net/http"
	"strconv"
	"time"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
)

// Kubernetes versions and their control-plane tiers, for
// DescribeClusterVersions. Dates are plausible, not authoritative.

const defaultClusterVersion = "1.34"

type eksVersion struct {
	Version       string
	Status        string // VersionStatus: STANDARD_SUPPORT, EXTENDED_SUPPORT, UNSUPPORTED
	LegacyStatus  string // ClusterVersionStatus (deprecated field): standard-support ...
	Patch         string
	Released      time.Time
	EndOfStandard time.Time
	EndOfExtended time.Time
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var eksVersions = []eksVersion{
	{"1.30", "UNSUPPORTED", "unsupported", "1.30.14", day(2024, 5, 23), day(2025, 7, 23), day(2026, 7, 23)},
	{"1.31", "EXTENDED_SUPPORT", "extended-support", "1.31.13", day(2024, 9, 26), day(2025, 11, 26), day(2026, 11, 26)},
	{"1.32", "EXTENDED_SUPPORT", "extended-support", "1.32.9", day(2025, 1, 23), day(2026, 3, 23), day(2027, 3, 23)},
	{"1.33", "STANDARD_SUPPORT", "standard-support", "1.33.5", day(2025, 5, 29), day(2026, 7, 29), day(2027, 7, 29)},
	{"1.34", "STANDARD_SUPPORT", "standard-support", "1.34.1", day(2025, 10, 2), day(2026, 12, 2), day(2027, 12, 2)},
	{"1.35", "STANDARD_SUPPORT", "standard-support", "1.35.0", day(2026, 1, 27), day(2027, 3, 27), day(2028, 3, 27)},
}

func knownClusterVersion(v string) bool {
	for _, ev := range eksVersions {
		if ev.Version == v && ev.Status != "UNSUPPORTED" {
			return true
		}
	}
	return false
}

// eksTierNames are the tiers the API accepts (types.ProvisionedControlPlaneTier).
var eksTierNames = tiers.Names

func validEKSTier(t string) bool { return tiers.Valid(t) }

// eksTierFigures are the capabilities the emulator reports for every
// version. XL, 2XL and 4XL seats and pods/s, and XL's 16 GB, are the launch
// figures (internal/core/model/tiers). Everything marked "emulator value" was not
// published and is made up here, plausibly, so the API shape is complete:
// standard's 600 seats are kube-apiserver's default max-requests-inflight
// (400) plus max-mutating-requests-inflight (200), its 8 GB the etcd size
// under which a cluster may return to standard.
var eksTierFigures = map[string][3]int64{ // seats, pods/s, etcd GB
	tiers.Standard: {600, 50, 8}, // emulator values
	tiers.XL:       {tiers.Defaults[tiers.XL].APIRequestConcurrency, tiers.Defaults[tiers.XL].PodSchedulingRatePerSecond, tiers.Defaults[tiers.XL].ClusterDatabaseSizeGB},
	tiers.XL2:      {tiers.Defaults[tiers.XL2].APIRequestConcurrency, tiers.Defaults[tiers.XL2].PodSchedulingRatePerSecond, 16}, // GB: emulator value
	tiers.XL4:      {tiers.Defaults[tiers.XL4].APIRequestConcurrency, tiers.Defaults[tiers.XL4].PodSchedulingRatePerSecond, 16}, // GB: emulator value
	tiers.XL8:      {13600, 400, 16},                                                                                            // emulator values
}

func tierInfoJSON() []map[string]any {
	out := make([]map[string]any, 0, len(eksTierNames))
	for _, name := range eksTierNames {
		f := eksTierFigures[name]
		out = append(out, map[string]any{
			"tierName":                   name,
			"apiRequestConcurrency":      f[0],
			"podSchedulingRatePerSecond": f[1],
			"clusterDatabaseSizeGb":      f[2],
		})
	}
	return out
}

// describeClusterVersions filters as the real API does: by default the
// supported versions; includeAll adds unsupported ones; defaultOnly keeps the
// default; clusterVersions and versionStatus (or the deprecated status) narrow.
func (s *EKSService) describeClusterVersions(r *http.Request) (any, *APIError) {
	q := r.URL.Query()
	boolParam := func(k string) bool { b, _ := strconv.ParseBool(q.Get(k)); return b }
	wanted := map[string]bool{}
	for _, v := range q["clusterVersions"] {
		wanted[v] = true
	}
	var matched []string
	byVersion := map[string]eksVersion{}
	for _, v := range eksVersions {
		switch {
		case len(wanted) > 0 && !wanted[v.Version]:
			continue
		case v.Status == "UNSUPPORTED" && !boolParam("includeAll") && len(wanted) == 0:
			continue
		case boolParam("defaultOnly") && v.Version != defaultClusterVersion:
			continue
		case q.Get("versionStatus") != "" && q.Get("versionStatus") != v.Status:
			continue
		case q.Get("status") != "" && q.Get("status") != v.LegacyStatus:
			continue
		}
		matched = append(matched, v.Version)
		byVersion[v.Version] = v
	}
	page, next, aerr := paginate(matched, r, 100)
	if aerr != nil {
		return nil, aerr
	}
	versions := make([]map[string]any, 0, len(page))
	for _, name := range page {
		v := byVersion[name]
		versions = append(versions, map[string]any{
			"clusterVersion":           v.Version,
			"clusterType":              "eks",
			"defaultPlatformVersion":   "eks.1",
			"defaultVersion":           v.Version == defaultClusterVersion,
			"releaseDate":              epochSeconds(v.Released),
			"endOfStandardSupportDate": epochSeconds(v.EndOfStandard),
			"endOfExtendedSupportDate": epochSeconds(v.EndOfExtended),
			"status":                   v.LegacyStatus,
			"versionStatus":            v.Status,
			"kubernetesPatchVersion":   v.Patch,
			"controlPlaneScalingTiers": tierInfoJSON(),
		})
	}
	out := map[string]any{"clusterVersions": versions}
	if next != "" {
		out["nextToken"] = next
	}
	return out, nil
}
