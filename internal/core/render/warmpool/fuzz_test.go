package warmpool

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Fuzzed inputs never panic, and a clean result always encodes.
func FuzzRender(f *testing.F) {
	f.Add("pause_pods", "cronjob", int64(100), int64(200), 0.15, "500m", "512Mi", "nvidia.com/gpu", "1", "0 8 * * 1-5", "0 18 * * 1-5", "Europe/Berlin", int64(20), int64(-1), 0.05, int64(8))
	f.Add("pause_pods", "keda", int64(0), int64(10), 1.0, "1", "", "pods", "x", "*/5 * * * *", "0 0 * * 0", "UTC", int64(3), int64(0), 0.0, int64(0))
	f.Add("capacity_buffer", "", int64(5), int64(5), 0.5, "", "1Gi", "", "", "", "", "", int64(0), int64(-5), 1.5, int64(1))
	f.Add("static_node_pool", "keda", int64(-1), int64(-9), -0.1, "1e3", "0", "hugepages-2Mi", "2Mi", "0 25 * * *", "@daily", "Local", int64(-1), int64(-1_000_000_001), -1.0, int64(-1))
	f.Fuzz(func(t *testing.T, mode, scaler string, baseline, peak int64, factor float64, cpu, mem, extName, extVal, start, end, tz string, winReplicas, priority int64, price float64, perNode int64) {
		s := Spec{
			Mode: Mode(mode), Scaler: Scaler(scaler),
			Sizing:        &sizing.Input{BaselineReplicas: baseline, PeakReplicas: peak, SafetyFactor: factor, Basis: sizing.BasisPeakDelta},
			Pod:           PodShape{CPU: cpu, Memory: mem, Extended: map[string]string{extName: extVal}},
			NodePool:      "general",
			PriorityValue: &priority,
			Schedules:     []Window{{Name: "w", Start: start, End: end, TimeZone: tz, Replicas: winReplicas}},
			Price:         Price{PerPodHour: price, InstanceHourly: price, InstanceCPU: cpu, InstanceMemory: mem},
			Static:        StaticNodePoolSpec{PodsPerNode: perNode},
		}
		if start == "" {
			s.Schedules = nil
		}
		res, probs := Render(s)
		if probs.HasErrors() {
			if len(res.Objects) != 0 {
				t.Fatal("objects despite errors")
			}
			return
		}
		if _, err := k8sobj.MultiYAML(res.Objects); err != nil {
			t.Fatal(err)
		}
		if res.Replicas < 0 || res.WeeklyPodHours < 0 || res.MonthlyCost < 0 {
			t.Fatalf("negative figures: %+v", res)
		}
	})
}
