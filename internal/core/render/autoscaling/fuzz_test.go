package autoscaling

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Fuzzed inputs never panic; a clean result always encodes.
func FuzzRender(f *testing.F) {
	f.Add("checkout", "Deployment", int64(1), int64(10), "resource", "cpu", "Utilization", int64(70), "500m", int64(0), int64(15), "prometheus", "http://p:9090", "up", "100", "UTC", "0 8 * * *", "0 9 * * *", int64(3))
	f.Add("", "", int64(0), int64(0), "object", "", "Value", int64(-1), "-1", int64(3600), int64(0), "cron", "", "", "x", "Local", "61 * * * *", "", int64(0))
	f.Add("a", "b/c", int64(-5), int64(1<<40), "external", "a/b", "", int64(0), "1e3", int64(-1), int64(-1), "aws-sqs-queue", "https://sqs.x/1/q", "", "", "Mars/X", "@daily", "* * * * *", int64(-1))
	f.Fuzz(func(t *testing.T, name, kind string, minR, maxR int64, mType, mName, tType string, util int64, value string, stab, period int64, trigger, addr, query, threshold, tz, start, end string, desired int64) {
		hpa := HPASpec{
			Target: Target{Name: name, Kind: kind}, MinReplicas: &minR, MaxReplicas: maxR, ScaleUpPods: period,
			Metrics:  []Metric{{Type: mType, Name: mName, TargetType: tType, Utilization: &util, Value: value, DescribedObject: &Target{Name: name}}},
			Behavior: Behavior{ScaleDown: &Rules{StabilizationWindowSeconds: &stab, Policies: []Policy{{Type: "Pods", Value: util, PeriodSeconds: period}}}},
		}
		if res, probs := RenderHPA(hpa); !probs.HasErrors() {
			if _, err := k8sobj.YAML(res.Object); err != nil {
				t.Fatal(err)
			}
		}
		tr := Trigger{Type: trigger, Name: mName}
		switch trigger {
		case TriggerPrometheus:
			tr.Prometheus = &PrometheusTrigger{ServerAddress: addr, Query: query, Threshold: threshold, ActivationThreshold: value}
		case TriggerSQS:
			tr.SQS = &SQSTrigger{QueueURL: addr, AWSRegion: query, QueueLength: util}
		default:
			tr.Cron = &CronTrigger{TimeZone: tz, Start: start, End: end, DesiredReplicas: desired}
		}
		so := ScaledObjectSpec{
			Target: Target{Name: name, Kind: kind}, MinReplicas: &minR, MaxReplicas: maxR, PollingInterval: &period, CooldownPeriod: &stab,
			Triggers: []Trigger{tr}, Fallback: &Fallback{FailureThreshold: util, Replicas: desired, Behavior: tType},
		}
		if res, probs := RenderScaledObject(so); !probs.HasErrors() {
			if _, err := k8sobj.MultiYAML(res.Objects); err != nil {
				t.Fatal(err)
			}
		}
	})
}
