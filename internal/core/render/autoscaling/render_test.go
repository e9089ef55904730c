package autoscaling

import (
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

func specOf(o k8sobj.Object) map[string]any { return o["spec"].(map[string]any) }

// The guide's behavior: no stabilization up, the larger of +100 % or +N
// pods per 15 s, 300 s stabilization down.
func TestHPADefaultsAreFastUpCalmDown(t *testing.T) {
	res, probs := RenderHPA(hpaCases["hpa-default-cpu"])
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	spec := specOf(res.Object)
	up := spec["behavior"].(map[string]any)["scaleUp"].(map[string]any)
	down := spec["behavior"].(map[string]any)["scaleDown"].(map[string]any)
	if up["stabilizationWindowSeconds"] != int64(0) || up["selectPolicy"] != "Max" || down["stabilizationWindowSeconds"] != int64(300) {
		t.Fatalf("behavior up %v down %v", up, down)
	}
	pols := up["policies"].([]any)
	p0, p1 := pols[0].(map[string]any), pols[1].(map[string]any)
	if p0["type"] != "Percent" || p0["value"] != int64(100) || p0["periodSeconds"] != int64(15) || p1["type"] != "Pods" || p1["value"] != int64(4) {
		t.Fatalf("scale-up policies %v", pols)
	}
	if spec["minReplicas"] != int64(1) || spec["maxReplicas"] != int64(50) || res.Object["metadata"].(map[string]any)["name"] != "checkout" {
		t.Fatalf("spec %v", spec)
	}
}

func TestHPAMetricTypes(t *testing.T) {
	res, probs := RenderHPA(hpaCases["hpa-all-metric-types"])
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	var types []string
	for _, m := range specOf(res.Object)["metrics"].([]any) {
		types = append(types, m.(map[string]any)["type"].(string))
	}
	if got := strings.Join(types, ","); got != "Resource,Resource,ContainerResource,Pods,Object,External" {
		t.Fatalf("metric types %s", got)
	}
	up := specOf(res.Object)["behavior"].(map[string]any)["scaleUp"].(map[string]any)["policies"].([]any)[1].(map[string]any)
	if up["value"] != int64(10) {
		t.Fatalf("scale_up_pods not used: %v", up)
	}
}

func TestScaledObjectSQSGetsPodIdentityAuth(t *testing.T) {
	res, probs := RenderScaledObject(scaledObjectCases["keda-sqs-pod-identity"])
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	if len(res.Objects) != 2 || res.Objects[0]["kind"] != "TriggerAuthentication" || res.TriggerAuthenticationName != "order-worker-aws" {
		t.Fatalf("objects %v", res.Objects)
	}
	if pi := specOf(res.Objects[0])["podIdentity"].(map[string]any); pi["provider"] != "aws" {
		t.Fatalf("podIdentity %v", pi)
	}
	tr := specOf(res.Objects[1])["triggers"].([]any)[0].(map[string]any)
	if tr["authenticationRef"].(map[string]any)["name"] != "order-worker-aws" {
		t.Fatalf("trigger %v", tr)
	}
	// An existing TriggerAuthentication is referenced, none generated.
	s := scaledObjectCases["keda-sqs-pod-identity"]
	sqs := *s.Triggers[0].SQS
	sqs.AuthenticationRef = "shared-aws"
	s.Triggers = []Trigger{{Type: TriggerSQS, SQS: &sqs}}
	res, _ = RenderScaledObject(s)
	if len(res.Objects) != 1 || res.TriggerAuthenticationName != "" {
		t.Fatalf("want only the ScaledObject, got %d objects", len(res.Objects))
	}
}

func TestScaledObjectNeverSetsMetricName(t *testing.T) {
	for _, name := range caseNames() {
		objs, _ := renderCase(name)
		y, _ := k8sobj.MultiYAML(objs)
		if strings.Contains(y, "metricName") {
			t.Fatalf("%s: metricName is ignored since KEDA 2.12 and must not be rendered", name)
		}
	}
}

func TestScaledObjectFieldsAndBehavior(t *testing.T) {
	res, probs := RenderScaledObject(scaledObjectCases["keda-prometheus"])
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	spec := specOf(res.Objects[0])
	if spec["pollingInterval"] != int64(15) || spec["cooldownPeriod"] != int64(300) || spec["minReplicaCount"] != int64(2) || spec["maxReplicaCount"] != int64(100) {
		t.Fatalf("spec %v", spec)
	}
	if fb := spec["fallback"].(map[string]any); fb["failureThreshold"] != int64(3) || fb["replicas"] != int64(10) {
		t.Fatalf("fallback %v", fb)
	}
	b := spec["advanced"].(map[string]any)["horizontalPodAutoscalerConfig"].(map[string]any)["behavior"].(map[string]any)
	if b["scaleUp"].(map[string]any)["stabilizationWindowSeconds"] != int64(0) {
		t.Fatalf("behavior %v", b)
	}
	md := spec["triggers"].([]any)[0].(map[string]any)["metadata"].(map[string]any)
	if md["threshold"] != "100" || md["activationThreshold"] != "5" {
		t.Fatalf("metadata %v", md)
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

func TestHPABadInput(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*HPASpec)
		path   string
		msg    string
	}{
		{"no target", func(s *HPASpec) { s.Target.Name = "" }, "scale_target_ref.name", "name the workload"},
		{"min 0", func(s *HPASpec) { s.MinReplicas = ptr(int64(0)) }, "min_replicas", "at least 1"},
		{"max below min", func(s *HPASpec) { s.MinReplicas = ptr(int64(10)); s.MaxReplicas = 5 }, "max_replicas", "at least min_replicas"},
		{"resource Value", func(s *HPASpec) {
			s.Metrics = []Metric{{Type: "resource", Name: "cpu", TargetType: "Value", Value: "1"}}
		}, "metric[0].target_type", "not Value"},
		{"utilization missing", func(s *HPASpec) { s.Metrics = []Metric{{Type: "resource", Name: "cpu"}} }, "metric[0].utilization", "percentage"},
		{"pods Value", func(s *HPASpec) { s.Metrics = []Metric{{Type: "pods", Name: "rps", TargetType: "Value", Value: "1"}} }, "metric[0].target_type", "AverageValue only"},
		{"object without object", func(s *HPASpec) { s.Metrics = []Metric{{Type: "object", Name: "rps", Value: "1"}} }, "metric[0].described_object", "needs the object"},
		{"bad quantity", func(s *HPASpec) { s.Metrics = []Metric{{Type: "external", Name: "q", Value: "lots"}} }, "metric[0].value", "positive quantity"},
		{"metric name with slash", func(s *HPASpec) { s.Metrics = []Metric{{Type: "external", Name: "a/b", Value: "1"}} }, "metric[0].name", "no '/'"},
		{"unknown type", func(s *HPASpec) { s.Metrics = []Metric{{Type: "memory"}} }, "metric[0].type", "resource"},
		{"stabilization too long", func(s *HPASpec) {
			s.Behavior.ScaleDown = &Rules{StabilizationWindowSeconds: ptr(int64(7200)), Policies: []Policy{{Type: "Pods", Value: 1, PeriodSeconds: 60}}}
		}, "behavior.scale_down.stabilization_window_seconds", "3600"},
		{"period too long", func(s *HPASpec) {
			s.Behavior.ScaleUp = &Rules{Policies: []Policy{{Type: "Pods", Value: 1, PeriodSeconds: 3600}}}
		}, "behavior.scale_up.policies[0].period_seconds", "1800"},
		{"no policies", func(s *HPASpec) { s.Behavior.ScaleUp = &Rules{} }, "behavior.scale_up.policies", "at least one"},
		{"bad select policy", func(s *HPASpec) {
			s.Behavior.ScaleUp = &Rules{SelectPolicy: "Most", Policies: []Policy{{Type: "Pods", Value: 1, PeriodSeconds: 60}}}
		}, "behavior.scale_up.select_policy", "Max, Min or Disabled"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := hpaCases["hpa-default-cpu"]
			c.mutate(&s)
			res, probs := RenderHPA(s)
			if res.Object != nil || !hasProblem(probs, c.path, c.msg) {
				t.Fatalf("want a problem at %q containing %q, got %v", c.path, c.msg, probs)
			}
		})
	}
}

func TestScaledObjectBadInput(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*ScaledObjectSpec)
		path   string
		msg    string
	}{
		{"no triggers", func(s *ScaledObjectSpec) { s.Triggers = nil }, "trigger", "at least one trigger"},
		{"polling 0", func(s *ScaledObjectSpec) { s.PollingInterval = ptr(int64(0)) }, "polling_interval", "at least 1"},
		{"min above max", func(s *ScaledObjectSpec) { s.MinReplicas = ptr(int64(200)) }, "max_replicas", "at least min_replicas"},
		{"bad server", func(s *ScaledObjectSpec) { s.Triggers[0].Prometheus.ServerAddress = "prometheus:9090" }, "trigger[0].prometheus.server_address", "http(s) URL"},
		{"bad threshold", func(s *ScaledObjectSpec) { s.Triggers[0].Prometheus.Threshold = "high" }, "trigger[0].prometheus.threshold", "positive number"},
		{"two blocks", func(s *ScaledObjectSpec) { s.Triggers[0].Cron = &CronTrigger{} }, "trigger[0]", "exactly one"},
		{"type mismatch", func(s *ScaledObjectSpec) { s.Triggers[0].Type = TriggerCron }, "trigger[0].type", "matching block"},
		{"fallback with Value", func(s *ScaledObjectSpec) { s.Triggers[0].MetricType = "Value" }, "trigger[0].metric_type", "AverageValue"},
		{"fallback threshold 0", func(s *ScaledObjectSpec) { s.Fallback.FailureThreshold = 0 }, "fallback.failure_threshold", "at least 1"},
		{"cron without time zone", func(s *ScaledObjectSpec) {
			s.Triggers = []Trigger{{Type: TriggerCron, Cron: &CronTrigger{Start: "0 8 * * *", End: "0 9 * * *", DesiredReplicas: 3}}}
		}, "trigger[0].cron.time_zone", "IANA"},
		{"cron bad zone", func(s *ScaledObjectSpec) {
			s.Triggers = []Trigger{{Type: TriggerCron, Cron: &CronTrigger{TimeZone: "Europe/Atlantis", Start: "0 8 * * *", End: "0 9 * * *", DesiredReplicas: 3}}}
		}, "trigger[0].cron.time_zone", "not an IANA"},
		{"cron malformed", func(s *ScaledObjectSpec) {
			s.Triggers = []Trigger{{Type: TriggerCron, Cron: &CronTrigger{TimeZone: "UTC", Start: "61 8 * * *", End: "0 9 * * *", DesiredReplicas: 3}}}
		}, "trigger[0].cron.start", "not a valid cron"},
		{"cron zero replicas", func(s *ScaledObjectSpec) {
			s.Triggers = []Trigger{{Type: TriggerCron, Cron: &CronTrigger{TimeZone: "UTC", Start: "0 8 * * *", End: "0 9 * * *"}}}
		}, "trigger[0].cron.desired_replicas", "at least 1"},
		{"sqs bad url", func(s *ScaledObjectSpec) {
			s.Triggers = []Trigger{{Type: TriggerSQS, SQS: &SQSTrigger{QueueURL: "orders", AWSRegion: "eu-west-1"}}}
		}, "trigger[0].aws_sqs_queue.queue_url", "queue URL"},
		{"sqs no region", func(s *ScaledObjectSpec) {
			s.Triggers = []Trigger{{Type: TriggerSQS, SQS: &SQSTrigger{QueueURL: "https://sqs.eu-west-1.amazonaws.com/1/q"}}}
		}, "trigger[0].aws_sqs_queue.aws_region", "region"},
		{"sqs bad provider", func(s *ScaledObjectSpec) {
			s.Triggers = []Trigger{{Type: TriggerSQS, SQS: &SQSTrigger{QueueURL: "https://sqs.eu-west-1.amazonaws.com/1/q", AWSRegion: "eu-west-1"}}}
			s.PodIdentity.Provider = "kiam"
		}, "pod_identity.provider", "aws"},
		{"duplicate trigger names", func(s *ScaledObjectSpec) { s.Triggers = append(s.Triggers, s.Triggers[0]) }, "trigger[1].name", "unique"},
		{"idle not zero", func(s *ScaledObjectSpec) { s.IdleReplicas = ptr(int64(1)) }, "idle_replicas", "only idle_replicas = 0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := scaledObjectCases["keda-prometheus"]
			p := *s.Triggers[0].Prometheus
			s.Triggers = []Trigger{{Type: TriggerPrometheus, Name: "rps", Prometheus: &p}}
			f := *s.Fallback
			s.Fallback = &f
			c.mutate(&s)
			res, probs := RenderScaledObject(s)
			if len(res.Objects) != 0 || !hasProblem(probs, c.path, c.msg) {
				t.Fatalf("want a problem at %q containing %q, got %v", c.path, c.msg, probs)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	for _, name := range caseNames() {
		a, _ := renderCase(name)
		first, _ := k8sobj.MultiYAML(a)
		for i := 0; i < 5; i++ {
			b, _ := renderCase(name)
			if again, _ := k8sobj.MultiYAML(b); again != first {
				t.Fatalf("%s changed between runs", name)
			}
		}
	}
}

// The API server rewrites quantities in built-in kinds ("0.5" as "500m");
// rendering them that way keeps kubernetes_manifest consistent after apply.
func TestHPAQuantitiesAreWrittenAsTheAPIServerDoes(t *testing.T) {
	s := hpaCases["hpa-default-cpu"]
	s.Metrics = []Metric{{Type: "pods", Name: "rps", Value: "0.5"}, {Type: "resource", Name: "memory", TargetType: "AverageValue", Value: "1024Mi"}}
	res, probs := RenderHPA(s)
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	metrics := specOf(res.Object)["metrics"].([]any)
	pods := metrics[0].(map[string]any)["pods"].(map[string]any)["target"].(map[string]any)
	mem := metrics[1].(map[string]any)["resource"].(map[string]any)["target"].(map[string]any)
	if pods["averageValue"] != "500m" || mem["averageValue"] != "1Gi" {
		t.Fatalf("targets %v, %v; want averageValue 500m and 1Gi", pods, mem)
	}
}
