package warmpool

import (
	"math"
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

func mustRender(t *testing.T, s Spec) Result {
	t.Helper()
	res, probs := Render(s)
	if probs.HasErrors() {
		t.Fatalf("unexpected problems: %v", probs.Err())
	}
	return res
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func kinds(objs []k8sobj.Object) string {
	var out []string
	for _, o := range objs {
		out = append(out, o["kind"].(string))
	}
	return strings.Join(out, ",")
}

// The guide's examples: peak delta 100 x 0.15 = 15 pods,
// $540/month at $0.05/pod-hour; the cost table's 200-pod peak at 15 % = 30
// pods, $1,080.
func TestGuideExamples(t *testing.T) {
	res := mustRender(t, goldenCases["pause-pods-guide"])
	if res.Replicas != 15 || res.Basis != "peak_delta" || !near(res.MonthlyCost, 540) {
		t.Fatalf("peak delta: %d pods (%s), $%v; want 15 pods (peak_delta), $540", res.Replicas, res.Basis, res.MonthlyCost)
	}
	if got := res.Objects[1]["spec"].(map[string]any)["replicas"]; got != int64(15) {
		t.Fatalf("Deployment replicas = %v, want 15", got)
	}
	res = mustRender(t, goldenCases["pause-pods-peak-basis"])
	if res.Replicas != 30 || res.Basis != "peak" || !near(res.MonthlyCost, 1080) {
		t.Fatalf("peak: %d pods (%s), $%v; want 30 pods (peak), $1,080", res.Replicas, res.Basis, res.MonthlyCost)
	}
	if !near(res.WeeklyPodHours, 30*168) {
		t.Fatalf("weekly pod-hours %v, want %v", res.WeeklyPodHours, 30*168)
	}
}

func TestPausePodsObjects(t *testing.T) {
	res := mustRender(t, goldenCases["pause-pods-guide"])
	if k := kinds(res.Objects); k != "PriorityClass,Deployment" {
		t.Fatalf("kinds %s", k)
	}
	pc := res.Objects[0]
	if pc["value"] != int64(-1) {
		t.Fatalf("PriorityClass %v", pc)
	}
	// Not the global default, and false is left out: the API server drops a
	// false globalDefault, which kubernetes_manifest reports as inconsistent.
	if gd, set := pc["globalDefault"]; set {
		t.Fatalf("globalDefault should be left out (false by default), got %v", gd)
	}
	pod := res.Objects[1]["spec"].(map[string]any)["template"].(map[string]any)["spec"].(map[string]any)
	if pod["terminationGracePeriodSeconds"] != int64(0) || pod["priorityClassName"] != pc["metadata"].(map[string]any)["name"] {
		t.Fatalf("pod spec %v", pod)
	}
	if pod["nodeSelector"].(map[string]any)[NodePoolLabel] != "general" {
		t.Fatalf("not pinned to the NodePool: %v", pod["nodeSelector"])
	}
	req := pod["containers"].([]any)[0].(map[string]any)["resources"].(map[string]any)["requests"].(map[string]any)
	if req["cpu"] != "500m" || req["memory"] != "512Mi" {
		t.Fatalf("requests %v", req)
	}
}

func TestExtendedResourcesAreLimitedAtTheRequest(t *testing.T) {
	res := mustRender(t, goldenCases["pause-pods-gpu"])
	c := res.Objects[1]["spec"].(map[string]any)["template"].(map[string]any)["spec"].(map[string]any)["containers"].([]any)[0].(map[string]any)
	r := c["resources"].(map[string]any)
	if r["requests"].(map[string]any)["nvidia.com/gpu"] != "1" || r["limits"].(map[string]any)["nvidia.com/gpu"] != "1" {
		t.Fatalf("resources %v", r)
	}
	if !near(res.MonthlyCost, 2*0.805*720) {
		t.Fatalf("cost %v", res.MonthlyCost)
	}
}

// Business hours 20 pods Mon-Fri 08-18, lunch 30 pods 11:30-14:00 (overlaps:
// the maximum wins), base 5 otherwise (gaps: base).
func TestScheduleOverlapMaxWinsGapsBase(t *testing.T) {
	for _, scaler := range []Scaler{ScalerCronJob, ScalerKEDA} {
		s := goldenCases["pause-pods-cronjob-schedule"]
		s.Scaler = scaler
		s.Price = Price{PerPodHour: 0.05}
		res := mustRender(t, s)
		want := 5.0*168 + (20-5)*10*5 + (30-20)*2.5*5
		if !near(res.WeeklyPodHours, want) {
			t.Fatalf("%s: weekly pod-hours %v, want %v", scaler, res.WeeklyPodHours, want)
		}
		if !near(res.MonthlyCost, sizing.MonthlyCostFromWeekly(want, 0.05)) {
			t.Fatalf("%s: cost %v", scaler, res.MonthlyCost)
		}
		if res.MaxReplicas != 30 || len(res.Windows) != 2 || !near(res.Windows[0].ActiveHoursPerWeek, 50) || !near(res.Windows[1].ActiveHoursPerWeek, 12.5) {
			t.Fatalf("%s: windows %+v max %d", scaler, res.Windows, res.MaxReplicas)
		}
	}
}

func TestCronJobsFollowTheTimeline(t *testing.T) {
	res := mustRender(t, goldenCases["pause-pods-cronjob-schedule"])
	if k := kinds(res.Objects); k != "PriorityClass,ServiceAccount,Role,RoleBinding,Deployment,CronJob,CronJob,CronJob,CronJob" {
		t.Fatalf("kinds %s", k)
	}
	var got []string
	for _, o := range res.Objects[5:] {
		spec := o["spec"].(map[string]any)
		got = append(got, spec["schedule"].(string)+"="+o["metadata"].(map[string]any)["annotations"].(map[string]any)[AnnotationReplicas].(string))
		if spec["timeZone"] != "Europe/Berlin" {
			t.Fatalf("timeZone %v", spec["timeZone"])
		}
	}
	want := "0 8 * * 1,2,3,4,5=20 30 11 * * 1,2,3,4,5=30 0 14 * * 1,2,3,4,5=20 0 18 * * 1,2,3,4,5=5"
	if strings.Join(got, " ") != want {
		t.Fatalf("CronJobs\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if !near(res.PerPodHour, 0.384/8) {
		t.Fatalf("pod share of an 8-CPU instance: %v", res.PerPodHour)
	}
}

func TestKEDAScaler(t *testing.T) {
	res := mustRender(t, goldenCases["pause-pods-keda-schedule"])
	if k := kinds(res.Objects); k != "PriorityClass,Deployment,ScaledObject" {
		t.Fatalf("kinds %s", k)
	}
	if _, set := res.Objects[1]["spec"].(map[string]any)["replicas"]; set {
		t.Fatal("with KEDA the HPA owns replicas; the Deployment must not set them")
	}
	spec := res.Objects[2]["spec"].(map[string]any)
	if spec["minReplicaCount"] != int64(5) || spec["maxReplicaCount"] != int64(30) || len(spec["triggers"].([]any)) != 2 {
		t.Fatalf("ScaledObject spec %v", spec)
	}
	md := spec["triggers"].([]any)[1].(map[string]any)["metadata"].(map[string]any)
	if md["desiredReplicas"] != "30" || md["timezone"] != "Europe/Berlin" || md["start"] != "30 11 * * 1-5" {
		t.Fatalf("trigger %v", md)
	}
}

// A window across midnight, every day: 22:00-06:00 is 8 h a day.
func TestWindowAcrossMidnight(t *testing.T) {
	s := goldenCases["pause-pods-keda-schedule"]
	s.Schedules = []Window{{Name: "batch", Start: "0 22 * * *", End: "0 6 * * *", TimeZone: "UTC", Replicas: 10}}
	res := mustRender(t, s)
	if !near(res.Windows[0].ActiveHoursPerWeek, 56) || !near(res.WeeklyPodHours, 5*168+5*56) {
		t.Fatalf("%+v %v", res.Windows, res.WeeklyPodHours)
	}
}

func TestCapacityBuffer(t *testing.T) {
	res := mustRender(t, goldenCases["capacity-buffer-template"])
	if k := kinds(res.Objects); k != "PodTemplate,CapacityBuffer" || res.FeatureGate != "CapacityBuffer" {
		t.Fatalf("kinds %s gate %s", k, res.FeatureGate)
	}
	cb := res.Objects[1]
	spec := cb["spec"].(map[string]any)
	if cb["apiVersion"] != "autoscaling.x-k8s.io/v1beta1" || spec["replicas"] != int64(15) || spec["podTemplateRef"].(map[string]any)["name"] != "checkout-buffer" {
		t.Fatalf("CapacityBuffer %v", cb)
	}
	res = mustRender(t, goldenCases["capacity-buffer-scalable"])
	spec = res.Objects[0]["spec"].(map[string]any)
	if kinds(res.Objects) != "CapacityBuffer" || spec["percentage"] != int64(15) || spec["scalableRef"].(map[string]any)["kind"] != "Deployment" {
		t.Fatalf("scalable buffer %v", spec)
	}
}

func TestStaticNodePool(t *testing.T) {
	res := mustRender(t, goldenCases["static-node-pool"])
	if res.Nodes != 2 || res.FeatureGate != "StaticCapacity" {
		t.Fatalf("15 pods at 8 per node = %d nodes, gate %s", res.Nodes, res.FeatureGate)
	}
	spec := res.Objects[0]["spec"].(map[string]any)
	if spec["replicas"] != int64(2) || spec["weight"] != nil || spec["limits"] != nil {
		t.Fatalf("NodePool spec %v", spec)
	}
	if !near(res.MonthlyCost, 2*0.4032*720) {
		t.Fatalf("whole nodes are billed: %v", res.MonthlyCost)
	}
}

func TestDeterministic(t *testing.T) {
	for name, s := range goldenCases {
		a, _ := Render(s)
		first, _ := k8sobj.MultiYAML(a.Objects)
		for i := 0; i < 5; i++ {
			b, _ := Render(s)
			again, _ := k8sobj.MultiYAML(b.Objects)
			if again != first {
				t.Fatalf("%s: output changed between runs", name)
			}
		}
	}
}

// Every kind of bad input gets a problem at the attribute to fix.
func TestBadInput(t *testing.T) {
	base := func() Spec { return goldenCases["pause-pods-keda-schedule"] }
	cases := []struct {
		name   string
		mutate func(*Spec)
		path   string
		msg    string
	}{
		{"non-negative priority", func(s *Spec) { s.PriorityValue = ptr(int64(0)) }, "priority_class_value", "must be negative"},
		{"priority above range", func(s *Spec) { s.PriorityValue = ptr(int64(-2_000_000_000)) }, "priority_class_value", "at least"},
		{"safety factor 0", func(s *Spec) { s.Replicas = nil; s.Sizing = &sizing.Input{PeakReplicas: 10, SafetyFactor: 0} }, "safety_factor", "(0, 1]"},
		{"safety factor above 1", func(s *Spec) { s.Replicas = nil; s.Sizing = &sizing.Input{PeakReplicas: 10, SafetyFactor: 1.5} }, "safety_factor", "(0, 1]"},
		{"peak below baseline", func(s *Spec) {
			s.Replicas = nil
			s.Sizing = &sizing.Input{BaselineReplicas: 10, PeakReplicas: 5, SafetyFactor: 0.2}
		}, "peak_replicas", "must not be below"},
		{"bad basis", func(s *Spec) {
			s.Replicas = nil
			s.Sizing = &sizing.Input{PeakReplicas: 5, SafetyFactor: 0.2, Basis: "median"}
		}, "basis", "peak_delta"},
		{"no size", func(s *Spec) { s.Replicas = nil }, "", "size the pool"},
		{"malformed cron", func(s *Spec) {
			s.Schedules = []Window{{Name: "a", Start: "0 25 * * *", End: "0 6 * * *", TimeZone: "UTC", Replicas: 9}}
		}, "schedule[0].start", "not a valid cron"},
		{"four-field cron", func(s *Spec) {
			s.Schedules = []Window{{Name: "a", Start: "0 8 * *", End: "0 6 * * *", TimeZone: "UTC", Replicas: 9}}
		}, "schedule[0].start", "five fields"},
		{"TZ in cron", func(s *Spec) {
			s.Schedules = []Window{{Name: "a", Start: "TZ=UTC 0 8 * * *", End: "0 6 * * *", TimeZone: "UTC", Replicas: 9}}
		}, "schedule[0].start", "time_zone"},
		{"bad time zone", func(s *Spec) {
			s.Schedules = []Window{{Name: "a", Start: "0 8 * * *", End: "0 6 * * *", TimeZone: "Mars/Olympus", Replicas: 9}}
		}, "schedule[0].time_zone", "IANA"},
		{"cron scaler without time zone", func(s *Spec) {
			s.Scaler = ScalerCronJob
			s.Schedules = []Window{{Name: "a", Start: "0 8 * * *", End: "0 6 * * *", Replicas: 9}}
		}, "schedule[0].time_zone", "needs a time zone"},
		{"same start and end", func(s *Spec) {
			s.Schedules = []Window{{Name: "a", Start: "0 8 * * *", End: "0 8 * * *", TimeZone: "UTC", Replicas: 9}}
		}, "schedule[0].end", "same"},
		{"never fires", func(s *Spec) {
			s.Schedules = []Window{{Name: "a", Start: "0 8 30 2 *", End: "0 8 * * *", TimeZone: "UTC", Replicas: 9}}
		}, "schedule[0].start", "never fires"},
		{"keda zero replicas", func(s *Spec) {
			s.Schedules = []Window{{Name: "a", Start: "0 8 * * *", End: "0 9 * * *", TimeZone: "UTC", Replicas: 0}}
		}, "schedule[0].replicas", "desiredReplicas"},
		{"cronjob calendar dates", func(s *Spec) {
			s.Scaler = ScalerCronJob
			s.Schedules = []Window{{Name: "a", Start: "0 8 1 * *", End: "0 9 1 * *", TimeZone: "UTC", Replicas: 9}}
		}, "schedule[0]", "repeat weekly"},
		{"cronjob two zones", func(s *Spec) {
			s.Scaler = ScalerCronJob
			s.Schedules = append([]Window{}, businessHours...)
			s.Schedules[1].TimeZone = "UTC"
		}, "schedule[1].time_zone", "one time zone"},
		{"duplicate window", func(s *Spec) { s.Schedules = []Window{businessHours[0], businessHours[0]} }, "schedule[1].name", "unique"},
		{"bad scaler", func(s *Spec) { s.Scaler = "argo" }, "scaler", "cronjob"},
		{"schedule with buffer", func(s *Spec) { s.Mode = ModeCapacityBuffer }, "schedule", "pause_pods"},
		{"pods resource", func(s *Spec) { s.Pod.Extended = map[string]string{"pods": "1"} }, "extended_resources.pods", "node capacity"},
		{"unqualified resource", func(s *Spec) { s.Pod.Extended = map[string]string{"gpu": "1"} }, "extended_resources.gpu", "vendor-qualified"},
		{"kubernetes.io resource", func(s *Spec) { s.Pod.Extended = map[string]string{"kubernetes.io/foo": "1"} }, "extended_resources.kubernetes.io/foo", "reserved"},
		{"fractional gpu", func(s *Spec) { s.Pod.Extended = map[string]string{"nvidia.com/gpu": "500m"} }, "extended_resources.nvidia.com/gpu", "whole units"},
		{"cpu in extended", func(s *Spec) { s.Pod.Extended = map[string]string{"cpu": "1"} }, "extended_resources.cpu", "own attribute"},
		{"malformed cpu", func(s *Spec) { s.Pod.CPU = "one" }, "cpu", "quantity"},
		{"negative memory", func(s *Spec) { s.Pod.Memory = "-1Gi" }, "memory", "negative"},
		{"requests nothing", func(s *Spec) { s.Pod.CPU, s.Pod.Memory = "", "0" }, "cpu", "reserves nothing"},
		{"not pinned", func(s *Spec) { s.NodePool = "" }, "node_pool", "pin"},
		{"bad name", func(s *Spec) { s.Name = "Warm_Pool" }, "name", "DNS label"},
		{"bad mode", func(s *Spec) { s.Mode = "hot" }, "mode", "pause_pods"},
		{"both prices", func(s *Spec) { s.Price.InstanceHourly = 1; s.Price.PodsPerInstance = 2 }, "price_per_pod_hour", "not both"},
		{"pod larger than instance", func(s *Spec) { s.Price = Price{InstanceHourly: 1, InstanceCPU: "500m"} }, "instance_cpu", "does not fit"},
		{"static without pods per node", func(s *Spec) { s.Schedules = nil; s.Mode = ModeStaticNodePool; s.Price = Price{} }, "static_node_pool.pods_per_node", "at least 1"},
		{"percentage without ref", func(s *Spec) { s.Schedules = nil; s.Mode = ModeCapacityBuffer; s.Buffer.Percentage = ptr(int64(10)) }, "capacity_buffer.percentage", "scalable_ref"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := base()
			c.mutate(&s)
			res, probs := Render(s)
			if !probs.HasErrors() {
				t.Fatalf("want an error, got none (objects: %d)", len(res.Objects))
			}
			if len(res.Objects) != 0 {
				t.Fatal("no objects on error")
			}
			if !hasProblem(probs, c.path, c.msg) {
				t.Fatalf("want a problem at %q containing %q, got %v", c.path, c.msg, probs)
			}
		})
	}
}

func hasProblem(probs problem.List, path, msg string) bool {
	for _, p := range probs {
		if !p.Warning && p.Path.String() == path && strings.Contains(p.Message, msg) {
			return true
		}
	}
	return false
}

func TestWindowBelowBaseWarns(t *testing.T) {
	s := goldenCases["pause-pods-keda-schedule"]
	s.Schedules = []Window{{Name: "night", Start: "0 0 * * *", End: "0 6 * * *", TimeZone: "UTC", Replicas: 2}}
	res, probs := Render(s)
	if probs.HasErrors() || len(probs) != 1 || !probs[0].Warning || res.WeeklyPodHours != 5*168 {
		t.Fatalf("want one warning and the base size all week, got %v, %v", probs, res.WeeklyPodHours)
	}
}

// The API server rewrites quantities in built-in kinds ("2.5" as "2500m");
// rendering them that way keeps kubernetes_manifest consistent after apply.
func TestPodQuantitiesAreWrittenAsTheAPIServerDoes(t *testing.T) {
	s := goldenCases["pause-pods-gpu"]
	s.Pod.CPU, s.Pod.Memory = "2.5", "1.5Gi"
	s.Pod.Extended = map[string]string{"nvidia.com/gpu": "1000m"}
	res := mustRender(t, s)
	c := res.Objects[1]["spec"].(map[string]any)["template"].(map[string]any)["spec"].(map[string]any)["containers"].([]any)[0].(map[string]any)
	req := c["resources"].(map[string]any)["requests"].(map[string]any)
	lim := c["resources"].(map[string]any)["limits"].(map[string]any)
	if req["cpu"] != "2500m" || req["memory"] != "1536Mi" || req["nvidia.com/gpu"] != "1" || lim["nvidia.com/gpu"] != "1" {
		t.Fatalf("requests %v, limits %v; want cpu 2500m, memory 1536Mi, nvidia.com/gpu 1", req, lim)
	}
	if !near(res.MonthlyCost, mustRender(t, func() Spec { s.Pod.CPU, s.Pod.Memory = "2500m", "1536Mi"; return s }()).MonthlyCost) {
		t.Fatal("the same shape written two ways should cost the same")
	}
}
