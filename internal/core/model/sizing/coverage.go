package sizing

import (
	"fmt"
	"math"
	"slices"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// Burst coverage from observed data: instead of the guide's "10% warm serves
// 90% of bursts" (true for some traffic, not said for which), size the warm
// pool from your own bursts, e.g. the last 30 daily peaks minus their
// baselines.

// Bounds of the observed burst list.
const (
	// MaxObservedBursts: a year of hourly peaks is 8,760; 10,000 leaves room
	// and keeps the plan-time sort instant.
	MaxObservedBursts = 10_000
	// MaxBurstPods is Kubernetes' 150,000-pod cluster limit.
	MaxBurstPods = 150_000
)

// BurstBound is the bound of each observed burst (pods above the baseline).
var BurstBound = problem.Bound{Min: 0, Max: MaxBurstPods, Whole: true, Unit: "pods", Why: "Kubernetes' 150,000-pod cluster limit"}

// ValidateBursts reports the first problem with an observed burst list:
// its length, or an entry that is not a pod count (negative or above the
// cluster limit). The index is -1 for a problem with the list itself.
func ValidateBursts(bursts []int64) (int, error) {
	if len(bursts) == 0 {
		return -1, fmt.Errorf("give at least one observed burst (pods above the baseline at a peak)")
	}
	if len(bursts) > MaxObservedBursts {
		return -1, fmt.Errorf("at most %d observed bursts, got %d (a year of hourly peaks is 8,760)", MaxObservedBursts, len(bursts))
	}
	for i, b := range bursts {
		if b < 0 || b > MaxBurstPods {
			return i, fmt.Errorf("each burst is a pod count between 0 and %d (Kubernetes' cluster limit), got %d", MaxBurstPods, b)
		}
	}
	return -1, nil
}

// ValidateCoverage checks a target coverage: a share in (0, 1].
func ValidateCoverage(c float64) error {
	if !(c > 0 && c <= 1) {
		return fmt.Errorf("coverage is the share of bursts to absorb completely, in (0, 1], e.g. 0.9; got %v", c)
	}
	return nil
}

// Coverage is the share of observed bursts a warm pool of warm pods absorbs
// completely (burst <= warm). Call it on valid bursts.
func Coverage(bursts []int64, warm int64) float64 {
	if len(bursts) == 0 {
		return 0
	}
	n := 0
	for _, b := range bursts {
		if b <= warm {
			n++
		}
	}
	return float64(n) / float64(len(bursts))
}

// WarmForCoverage is the smallest warm pool that absorbs at least the share
// coverage of the observed bursts completely: the ceil(coverage x n)-th
// smallest burst. Call it on valid input.
func WarmForCoverage(bursts []int64, coverage float64) int64 {
	if len(bursts) == 0 {
		return 0
	}
	sorted := slices.Clone(bursts)
	slices.Sort(sorted)
	// Round away float noise first: 0.9 x 10 is 9.000000000000002.
	k := int(math.Ceil(math.Round(coverage*float64(len(sorted))*1e9) / 1e9))
	k = max(1, min(k, len(sorted)))
	return sorted[k-1]
}
