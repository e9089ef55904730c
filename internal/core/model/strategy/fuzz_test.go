package strategy

import (
	"math"
	"testing"
)

// FuzzRecommend: no input makes the framework panic, loop or return a
// result that is not finite. go test ./internal/core/model/strategy -fuzz FuzzRecommend
func FuzzRecommend(f *testing.F) {
	f.Add(uint8(0), int64(20), int64(120), 0.15, 0.05, 1000.0, 60.0, 500.0, uint16(0), []byte{3, 9, 40})
	f.Add(uint8(15), int64(0), int64(150000), 1.0, 100.0, 0.0, 168.0, 0.0, uint16(0xffff), []byte{})
	f.Add(uint8(7), int64(-1), int64(9e18), math.NaN(), math.Inf(1), -1.0, 0.0, math.MaxFloat64, uint16(0x5555), []byte{255})
	f.Fuzz(func(t *testing.T, answers uint8, baseline, peak int64, safety, podHour, budget, hours, image float64, set uint16, bursts []byte) {
		on := func(bit int) bool { return set&(1<<bit) != 0 }
		opt := func(bit int, v float64) *float64 {
			if !on(bit) {
				return nil
			}
			return &v
		}
		in := Input{
			PredictableTraffic: answers&1 != 0, RequestsCanWait: answers&2 != 0, BaselineCanRise: answers&4 != 0, BatchJobs: answers&8 != 0,
			BaselineReplicas: baseline, PeakReplicas: peak,
			SafetyFactor: opt(0, safety), PodHourUSD: opt(1, podHour), MonthlyBudgetUSD: opt(2, budget), PeakHoursPerWeek: opt(3, hours),
			ImageSizeMB: opt(4, image), TargetP95Seconds: opt(5, hours), AppStartSeconds: opt(6, safety*100), ReadinessPeriodSeconds: opt(7, hours),
			HPASyncPeriodSeconds: opt(8, math.Round(hours)), TargetCoverage: opt(9, safety), QueueWaitSeconds: opt(10, image), ImagePublic: on(11),
		}
		if on(12) {
			for _, b := range bursts {
				in.ObservedBursts = append(in.ObservedBursts, int64(b)*int64(b))
			}
		}
		rec, ps := Recommend(in)
		if ps.HasErrors() {
			return
		}
		tot := rec.Latency.Total
		for _, v := range []float64{tot.Best, tot.Typical, tot.P95, rec.ExtraMonthlyUSD} {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				t.Fatalf("non-finite result %+v, extra %v for %+v", tot, rec.ExtraMonthlyUSD, in)
			}
		}
		if in.MonthlyBudgetUSD != nil && !*rec.WithinBudget {
			t.Fatalf("over a budget of %v: %v", *in.MonthlyBudgetUSD, rec.ExtraMonthlyUSD)
		}
		if rec.WarmPods < 0 || (rec.WarmPods > 0 && rec.Strategy != StrategyBaseline && rec.Strategy != StrategyWarmPool && rec.Strategy != StrategyScheduled) {
			t.Fatalf("%d standing pods under %s", rec.WarmPods, rec.Strategy)
		}
		_ = rec.Markdown("fuzz")
	})
}
