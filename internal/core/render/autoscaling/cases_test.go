package autoscaling

import (
	"sort"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

func ptr[T any](v T) *T { return &v }

var hpaCases = map[string]HPASpec{
	"hpa-default-cpu": {Namespace: "shop", Target: Target{Name: "checkout"}, MaxReplicas: 50},
	"hpa-all-metric-types": {
		Name: "checkout", Namespace: "shop", Target: Target{Name: "checkout"},
		MinReplicas: ptr(int64(3)), MaxReplicas: 200, ScaleUpPods: 10,
		Metrics: []Metric{
			{Type: "resource", Name: "cpu", Utilization: ptr(int64(60))},
			{Type: "resource", Name: "memory", TargetType: "AverageValue", Value: "1Gi"},
			{Type: "container_resource", Name: "cpu", Container: "app", Utilization: ptr(int64(70))},
			{Type: "pods", Name: "http_requests_per_second", Value: "100"},
			{Type: "object", Name: "requests-per-second", Value: "2k", DescribedObject: &Target{APIVersion: "networking.k8s.io/v1", Kind: "Ingress", Name: "checkout"}},
			{Type: "external", Name: "sqs_messages_visible", TargetType: "AverageValue", Value: "30", Selector: map[string]string{"queue": "orders"}},
		},
	},
	"hpa-custom-behavior": {
		Namespace: "batch", Target: Target{APIVersion: "apps/v1", Kind: "StatefulSet", Name: "workers"}, MaxReplicas: 20,
		Behavior: Behavior{ScaleDown: &Rules{StabilizationWindowSeconds: ptr(int64(600)), SelectPolicy: "Min", Policies: []Policy{{Type: "Pods", Value: 2, PeriodSeconds: 60}}}},
	},
}

var scaledObjectCases = map[string]ScaledObjectSpec{
	"keda-prometheus": {
		Namespace: "shop", Target: Target{Name: "checkout"}, MaxReplicas: 100, MinReplicas: ptr(int64(2)),
		Triggers: []Trigger{{Type: TriggerPrometheus, Name: "rps", Prometheus: &PrometheusTrigger{
			ServerAddress: "http://prometheus.monitoring:9090", Query: `sum(rate(http_requests_total{service="checkout"}[1m]))`,
			Threshold: "100", ActivationThreshold: "5",
		}}},
		Fallback: &Fallback{FailureThreshold: 3, Replicas: 10},
	},
	"keda-sqs-pod-identity": {
		Namespace: "orders", Target: Target{Name: "order-worker"}, MaxReplicas: 300, MinReplicas: ptr(int64(0)),
		PollingInterval: ptr(int64(5)), CooldownPeriod: ptr(int64(120)),
		Triggers: []Trigger{{Type: TriggerSQS, Name: "orders", SQS: &SQSTrigger{
			QueueURL: "https://sqs.eu-west-1.amazonaws.com/123456789012/orders", AWSRegion: "eu-west-1",
			QueueLength: 10, ActivationQueueLength: ptr(int64(1)),
		}}},
		PodIdentity: PodIdentity{RoleArn: "arn:aws:iam::123456789012:role/keda-sqs-reader"},
	},
	"keda-cron-and-prometheus": {
		Namespace: "api", Target: Target{Name: "api"}, MaxReplicas: 80, MinReplicas: ptr(int64(3)),
		Triggers: []Trigger{
			{Type: TriggerCron, Name: "business-hours", Cron: &CronTrigger{TimeZone: "Europe/Berlin", Start: "0 8 * * 1-5", End: "0 18 * * 1-5", DesiredReplicas: 20}},
			{Type: TriggerPrometheus, Name: "latency", MetricType: "Value", Prometheus: &PrometheusTrigger{ServerAddress: "https://amp.example/api/v1/query", Query: "avg(p95_latency_seconds)", Threshold: "0.3"}},
		},
	},
}

// renderCase renders a named case from either table.
func renderCase(name string) ([]k8sobj.Object, problem.List) {
	if s, ok := hpaCases[name]; ok {
		res, probs := RenderHPA(s)
		if res.Object == nil {
			return nil, probs
		}
		return []k8sobj.Object{res.Object}, probs
	}
	res, probs := RenderScaledObject(scaledObjectCases[name])
	return res.Objects, probs
}

func caseNames() []string {
	var out []string
	for n := range hpaCases {
		out = append(out, n)
	}
	for n := range scaledObjectCases {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
