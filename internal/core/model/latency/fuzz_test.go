package latency

import (
	"math"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
)

// pick chooses one of the values by an arbitrary fuzz byte ("" included).
func pick(b uint8, values []string) string {
	all := append([]string{""}, values...)
	return all[int(b)%len(all)]
}

// optF is nil for NaN-free "unset" draws and the value otherwise.
func optF(set bool, v float64) *float64 {
	if !set {
		return nil
	}
	return &v
}

func optI(set bool, v int64) *int64 {
	if !set {
		return nil
	}
	return &v
}

// FuzzEstimate: no input makes the model panic, loop or report a result
// that is not a finite, ordered, bounded duration. Run longer with
// go test ./internal/core/model/latency -fuzz FuzzEstimate.
func FuzzEstimate(f *testing.F) {
	f.Add(uint8(0), uint8(0), uint8(0), uint8(0), uint8(0), uint8(0), uint16(0xffff), 15.0, 500.0, 2.0, 10.0, int64(10), int64(5), int64(1), 0.0)
	f.Add(uint8(1), uint8(3), uint8(2), uint8(1), uint8(2), uint8(1), uint16(0x0fff), 10.0, 0.0, 3600.0, 1.0, int64(150000), int64(0), int64(1), 1e12)
	f.Add(uint8(5), uint8(2), uint8(1), uint8(2), uint8(0), uint8(2), uint16(0xaaaa), math.Inf(1), math.MaxFloat64, math.NaN(), -1.0, int64(9e18), int64(-5), int64(-1), 60.0)
	f.Fuzz(func(t *testing.T, src, capa, tier, mode, queue, policy uint8, set uint16,
		sync, image, app, period float64, burst, warm, current int64, other float64) {
		on := func(bit int) bool { return set&(1<<bit) != 0 }
		in := Input{
			MetricSource:                 pick(src, MetricSources),
			ScrapeIntervalSeconds:        optF(on(0), other),
			MetricWindowSeconds:          optF(on(1), other/2),
			PollingIntervalSeconds:       optF(on(2), other),
			ScaleFromZero:                on(3),
			HPASyncPeriodSeconds:         optF(on(4), sync),
			StabilizationWindowSeconds:   optF(on(5), period),
			ScaleUpPolicy:                pick(policy, ScaleUpPolicies),
			CurrentReplicas:              optI(on(6), current),
			Capacity:                     pick(capa, Capacities),
			WarmPoolPods:                 optI(on(7), warm),
			WarmMode:                     pick(mode, WarmModes),
			ImageSizeMB:                  optF(on(8), image),
			ImagePrepulled:               on(9),
			AppStartSeconds:              optF(on(10), app),
			ReadinessPeriodSeconds:       optF(on(11), period),
			BurstPods:                    optI(on(12), burst),
			Tier:                         pick(tier, tiers.Names),
			PodSchedulingRatePerSecond:   optF(on(13), other),
			QueuedAdmission:              pick(queue, QueuedAdmissions),
			QueueWaitSeconds:             optF(on(14), app),
			TargetP95Seconds:             optF(on(15), other),
			ReadinessInitialDelaySeconds: optF(on(15), period),
		}
		res, ps := Estimate(in)
		if ps.HasErrors() {
			return
		}
		for _, r := range []Range{res.Total} {
			for _, v := range []float64{r.Best, r.Typical, r.P95} {
				if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > 1e6 {
					t.Fatalf("total %+v out of bounds for %+v", res.Total, in)
				}
			}
			if r.Best > r.Typical+1e-9 || r.Typical > r.P95+1e-9 {
				t.Fatalf("total out of order %+v", r)
			}
		}
		if len(res.Parts) == 0 || len(res.Parts) > 2 || len(res.Stages) != 7 {
			t.Fatalf("parts %d, stages %d", len(res.Parts), len(res.Stages))
		}
		var pods int64
		for _, p := range res.Parts {
			pods += p.Pods
		}
		if in.BurstPods != nil && pods != *in.BurstPods {
			t.Fatalf("parts hold %d pods of a %d-pod burst", pods, *in.BurstPods)
		}
		_ = res.Markdown("fuzz")
	})
}
