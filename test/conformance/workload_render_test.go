package conformance

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/autoscaling"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/warmpool"
	"github.com/scalingkit/terraform-provider-scaling/test/conformance/crdvalidate"
)

// The renderers' promise, checked on generated inputs rather than only on
// golden files: whenever a renderer reports no error, the API server (the
// built-in validation or the CRD) accepts every object it rendered.

// apiAccepts validates one rendered object with whichever check knows it.
func apiAccepts(t *testing.T, set *crdvalidate.Set, obj k8sobj.Object) error {
	t.Helper()
	norm, err := k8sobj.Normalize(obj)
	if err != nil {
		return err
	}
	m := norm.(map[string]any)
	if set.Knows(m) {
		if errs := set.Validate(m); len(errs) > 0 {
			return errs.ToAggregate()
		}
		return nil
	}
	errs, known, err := validateBuiltin(m)
	if err != nil {
		return err
	}
	if !known {
		return fmt.Errorf("no check knows %v %v", m["apiVersion"], m["kind"])
	}
	if len(errs) > 0 {
		return errs.ToAggregate()
	}
	// Accepted is not enough for kubernetes_manifest: the object must also
	// come back unchanged (roundtrip_test.go).
	changes, err := roundTripChanges(m)
	if err != nil {
		return err
	}
	if len(changes) > 0 {
		return fmt.Errorf("the API server returns it changed: %v", changes)
	}
	return nil
}

func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

func randomWarmPool(r *rand.Rand) warmpool.Spec {
	s := warmpool.Spec{
		Name:      pick(r, "warm", "checkout-warm", "a", "inference-warm-pool-0123456789-abcdefghij"),
		Namespace: pick(r, "", "shop", "kube-system"),
		Mode:      pick(r, warmpool.ModePausePods, warmpool.ModePausePods, warmpool.ModeCapacityBuffer, warmpool.ModeStaticNodePool),
		Pod: warmpool.PodShape{
			CPU:    pick(r, "", "100m", "1", "2.5", "4000m"),
			Memory: pick(r, "", "128Mi", "1Gi", "1.5Gi", "512M"),
		},
		NodePool: pick(r, "general", "gpu", "default"),
		Scaler:   pick(r, warmpool.ScalerCronJob, warmpool.ScalerKEDA),
	}
	if r.IntN(2) == 0 {
		n := int64(r.IntN(50))
		s.Replicas = &n
	} else {
		base := int64(r.IntN(300))
		s.Sizing = &sizing.Input{BaselineReplicas: base, PeakReplicas: base + int64(r.IntN(300)),
			SafetyFactor: pick(r, 0.05, 0.15, 0.5, 1.0), Basis: pick(r, sizing.BasisPeakDelta, sizing.BasisPeak)}
	}
	switch r.IntN(4) {
	case 0:
		s.Pod.Extended = map[string]string{"nvidia.com/gpu": pick(r, "1", "2", "8")}
	case 1:
		s.Pod.Extended = map[string]string{"ephemeral-storage": "1Gi", "hugepages-2Mi": "64Mi"}
	}
	if r.IntN(3) == 0 {
		s.NodeSelector = map[string]string{"karpenter.sh/nodepool": "gpu", "node.kubernetes.io/instance-type": "g6.xlarge"}
		s.Tolerations = []warmpool.Toleration{{Key: "nvidia.com/gpu", Operator: "Exists", Effect: "NoSchedule"}}
	}
	if r.IntN(3) == 0 {
		v := -int64(1 + r.IntN(1_000_000_000))
		s.PriorityValue = &v
	}
	zone := pick(r, "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney")
	for i := 0; i < r.IntN(4); i++ {
		h := r.IntN(24)
		s.Schedules = append(s.Schedules, warmpool.Window{
			Name:     fmt.Sprintf("w%d", i),
			Start:    fmt.Sprintf("%d %d * * %s", pick(r, 0, 15, 30), h, pick(r, "*", "1-5", "0,6", "MON-FRI")),
			End:      fmt.Sprintf("%d %d * * %s", pick(r, 0, 45), (h+1+r.IntN(12))%24, pick(r, "*", "1-5", "0,6")),
			TimeZone: zone,
			Replicas: int64(1 + r.IntN(100)),
		})
	}
	switch s.Mode {
	case warmpool.ModeCapacityBuffer:
		if r.IntN(2) == 0 {
			p := int64(r.IntN(100))
			s.Buffer = warmpool.CapacityBufferSpec{ScalableRef: &warmpool.ScalableRef{APIGroup: "apps", Kind: pick(r, "Deployment", "StatefulSet"), Name: "checkout"}, Percentage: &p}
		}
		if r.IntN(2) == 0 {
			s.Buffer.Limits = map[string]string{"cpu": "20", "memory": "64Gi"}
		}
	case warmpool.ModeStaticNodePool:
		s.Static = warmpool.StaticNodePoolSpec{PodsPerNode: int64(1 + r.IntN(16)), InstanceTypes: []string{"m7i.2xlarge"}, CapacityType: pick(r, "on-demand", "spot")}
	}
	return s
}

func TestWarmPoolRenderedObjectsAreAccepted(t *testing.T) {
	set := workloadCRDs(t)
	r := rand.New(rand.NewPCG(5, 2026))
	rendered, objects := 0, 0
	for i := 0; i < 400; i++ {
		s := randomWarmPool(r)
		res, probs := warmpool.Render(s)
		if probs.HasErrors() {
			continue
		}
		rendered++
		for _, o := range res.Objects {
			objects++
			if err := apiAccepts(t, set, o); err != nil {
				y, _ := k8sobj.YAML(o)
				t.Fatalf("spec %d: the API server rejects a rendered %s: %v\n%s", i, o["kind"], err, y)
			}
		}
	}
	if rendered < 100 {
		t.Fatalf("only %d of 400 generated specs rendered", rendered)
	}
	t.Logf("%d specs rendered, %d objects accepted", rendered, objects)
}

func TestAutoscalingRenderedObjectsAreAccepted(t *testing.T) {
	set := workloadCRDs(t)
	r := rand.New(rand.NewPCG(7, 2026))
	rendered, objects := 0, 0
	for i := 0; i < 400; i++ {
		minR := int64(pick(r, 0, 1, 3))
		maxR := minR + int64(1+r.IntN(200))
		target := autoscaling.Target{Kind: pick(r, "", "Deployment", "StatefulSet"), Name: pick(r, "checkout", "order-worker")}
		var beh autoscaling.Behavior
		if r.IntN(2) == 0 {
			w := int64(r.IntN(3601))
			beh.ScaleDown = &autoscaling.Rules{StabilizationWindowSeconds: &w, SelectPolicy: pick(r, "Max", "Min", "Disabled"),
				Policies: []autoscaling.Policy{{Type: pick(r, "Pods", "Percent"), Value: int64(1 + r.IntN(100)), PeriodSeconds: int64(1 + r.IntN(1800))}}}
		}
		util := int64(1 + r.IntN(100))
		metric := pick(r,
			autoscaling.Metric{Type: "resource", Name: "cpu", Utilization: &util},
			autoscaling.Metric{Type: "resource", Name: "memory", TargetType: "AverageValue", Value: "1Gi"},
			autoscaling.Metric{Type: "container_resource", Name: "cpu", Container: "app", Utilization: &util},
			autoscaling.Metric{Type: "pods", Name: "rps", Value: "100"},
			autoscaling.Metric{Type: "object", Name: "rps", Value: "2k", DescribedObject: &autoscaling.Target{APIVersion: "networking.k8s.io/v1", Kind: "Ingress", Name: "main"}},
			autoscaling.Metric{Type: "external", Name: "queue", TargetType: pick(r, "Value", "AverageValue"), Value: "30", Selector: map[string]string{"queue": "orders"}},
		)
		hpaMin := max(minR, 1)
		res, probs := autoscaling.RenderHPA(autoscaling.HPASpec{Namespace: "shop", Target: target, MinReplicas: &hpaMin, MaxReplicas: maxR,
			Metrics: []autoscaling.Metric{metric}, ScaleUpPods: int64(1 + r.IntN(50)), Behavior: beh})
		if !probs.HasErrors() {
			rendered++
			objects++
			if err := apiAccepts(t, set, res.Object); err != nil {
				y, _ := k8sobj.YAML(res.Object)
				t.Fatalf("HPA %d rejected: %v\n%s", i, err, y)
			}
		}
		trig := pick(r,
			autoscaling.Trigger{Type: autoscaling.TriggerPrometheus, Name: "rps", Prometheus: &autoscaling.PrometheusTrigger{ServerAddress: "http://prometheus:9090", Query: "sum(up)", Threshold: "100", ActivationThreshold: "1"}},
			autoscaling.Trigger{Type: autoscaling.TriggerSQS, Name: "q", SQS: &autoscaling.SQSTrigger{QueueURL: "https://sqs.eu-west-1.amazonaws.com/1/q", AWSRegion: "eu-west-1", QueueLength: int64(r.IntN(20))}},
			autoscaling.Trigger{Type: autoscaling.TriggerCron, Name: "c", Cron: &autoscaling.CronTrigger{TimeZone: "Europe/Berlin", Start: "0 8 * * 1-5", End: "0 18 * * 1-5", DesiredReplicas: int64(1 + r.IntN(50))}},
		)
		var fb *autoscaling.Fallback
		if r.IntN(2) == 0 {
			fb = &autoscaling.Fallback{FailureThreshold: int64(1 + r.IntN(5)), Replicas: int64(r.IntN(20)), Behavior: pick(r, "", "static", "currentReplicasIfHigher")}
		}
		poll := int64(1 + r.IntN(60))
		so, probs := autoscaling.RenderScaledObject(autoscaling.ScaledObjectSpec{Namespace: "shop", Target: target, MinReplicas: &minR, MaxReplicas: maxR,
			PollingInterval: &poll, Fallback: fb, Triggers: []autoscaling.Trigger{trig}, Behavior: beh,
			PodIdentity: autoscaling.PodIdentity{IdentityOwner: pick(r, "", "keda", "workload")}})
		if probs.HasErrors() {
			continue
		}
		rendered++
		for _, o := range so.Objects {
			objects++
			if err := apiAccepts(t, set, o); err != nil {
				y, _ := k8sobj.YAML(o)
				t.Fatalf("KEDA %d rejected: %v\n%s", i, err, y)
			}
		}
	}
	if rendered < 400 {
		t.Fatalf("only %d rendered", rendered)
	}
	t.Logf("%d objects rendered and accepted", objects)
}
