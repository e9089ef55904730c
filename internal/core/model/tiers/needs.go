package tiers

import "fmt"

// Standard's capabilities are not published. These are the assumptions the
// plan-time models use for it; override them with what DescribeClusterVersions
// reports for your version.
const (
	// StandardAssumedPodSchedulingRate: upstream kube-scheduler's client QPS
	// default is 50 and each bind is one API call, so about 50 pods/s.
	StandardAssumedPodSchedulingRate = 50
	// StandardAssumedAPIRequestConcurrency: upstream kube-apiserver defaults,
	// --max-requests-inflight 400 + --max-mutating-requests-inflight 200.
	StandardAssumedAPIRequestConcurrency = 600
)

// Capabilities returns a tier's pod scheduling rate and API concurrency,
// with standard's assumed figures filled in. ok is false when unknown (8XL).
func Capabilities(name string) (rate, seats int64, ok bool) {
	if name == Standard {
		return StandardAssumedPodSchedulingRate, StandardAssumedAPIRequestConcurrency, true
	}
	t, found := Defaults[name]
	if !found || t.PodSchedulingRatePerSecond == 0 {
		return 0, 0, false
	}
	return t.PodSchedulingRatePerSecond, t.APIRequestConcurrency, true
}

// SmallestFor returns the smallest tier whose pod scheduling rate and API
// request concurrency both reach the needs. Beyond tier-4xl it fails:
// tier-8xl may fit, but its figures are not published.
func SmallestFor(podsPerSecond, apiConcurrency float64) (string, error) {
	if podsPerSecond < 0 || apiConcurrency < 0 {
		return "", fmt.Errorf("needs must be 0 or more, got %v pods/s and %v seats", podsPerSecond, apiConcurrency)
	}
	for _, name := range Names {
		rate, seats, ok := Capabilities(name)
		if !ok {
			continue
		}
		if float64(rate) >= podsPerSecond && float64(seats) >= apiConcurrency {
			return name, nil
		}
	}
	top := Defaults[XL4]
	return "", fmt.Errorf("%v pods/s and %v API seats exceed %s's published %d pods/s and %d seats; %s may fit but has no published figures: ask AWS (DescribeClusterVersions)",
		podsPerSecond, apiConcurrency, XL4, top.PodSchedulingRatePerSecond, top.APIRequestConcurrency, XL8)
}
