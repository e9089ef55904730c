package hpa

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

const (
	ns         = "default"
	svcName    = "test-external-metrics"
	apiSvcName = metricsVersion + "." + metricsGroup
	// Metric values: below and above the HPA's AverageValue target of 10.
	below, above, target = 5, 100, 10
)

var apiServiceGVR = schema.GroupVersionResource{Group: "apiregistration.k8s.io", Version: "v1", Resource: "apiservices"}

// env is a control plane whose HPA controller syncs every sync, with an
// external metrics API served by this test.
type env struct {
	c       *cluster.Cluster
	cs      kubernetes.Interface
	metrics *metricServer
}

func startEnv(t testing.TB, sync time.Duration) *env {
	t.Helper()
	if os.Getenv("KUBECONFIG") != "" {
		t.Skip("sets kube-controller-manager and kube-apiserver flags: local control plane only")
	}
	ip, err := cluster.HostIP()
	if err != nil {
		t.Skipf("the aggregator needs a non-loopback address to reach the test's metrics API: %v", err)
	}
	c := cluster.NewWith(t, cluster.Options{
		SkipCRDs:              true,
		APIServerArgs:         []string{"--enable-aggregator-routing=true"},
		ControllerManagerArgs: []string{"--horizontal-pod-autoscaler-sync-period=" + sync.String()},
	})
	m, err := newMetricServer(ip)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(m.close)
	e := &env{c: c, metrics: m}
	if e.cs, err = kubernetes.NewForConfig(c.Config); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	e.registerMetricsAPI(ctx, t, ip.String())
	e.node(ctx, t)
	return e
}

// registerMetricsAPI points an APIService at the test server through a
// selector-less Service and an EndpointSlice on the host address, and
// waits until the aggregator reports it Available.
func (e *env) registerMetricsAPI(ctx context.Context, t testing.TB, ip string) {
	t.Helper()
	svc := &corev1.Service{
		ObjectMeta: metav1.ObjectMeta{Name: svcName, Namespace: ns},
		Spec: corev1.ServiceSpec{Ports: []corev1.ServicePort{{
			Name: "https", Port: 443, Protocol: corev1.ProtocolTCP,
		}}},
	}
	if _, err := e.cs.CoreV1().Services(ns).Create(ctx, svc, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	port := int32(e.metrics.port())
	name, proto, ready := "https", corev1.ProtocolTCP, true
	slice := &discoveryv1.EndpointSlice{
		ObjectMeta: metav1.ObjectMeta{Name: svcName, Namespace: ns, Labels: map[string]string{
			discoveryv1.LabelServiceName: svcName, discoveryv1.LabelManagedBy: "scaling-test",
		}},
		AddressType: discoveryv1.AddressTypeIPv4,
		Endpoints:   []discoveryv1.Endpoint{{Addresses: []string{ip}, Conditions: discoveryv1.EndpointConditions{Ready: &ready}}},
		Ports:       []discoveryv1.EndpointPort{{Name: &name, Port: &port, Protocol: &proto}},
	}
	if _, err := e.cs.DiscoveryV1().EndpointSlices(ns).Create(ctx, slice, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	dyn, err := dynamic.NewForConfig(e.c.Config)
	if err != nil {
		t.Fatal(err)
	}
	apiSvc := &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": "apiregistration.k8s.io/v1", "kind": "APIService",
		"metadata": map[string]any{"name": apiSvcName},
		"spec": map[string]any{
			"group": metricsGroup, "version": metricsVersion,
			"service":               map[string]any{"namespace": ns, "name": svcName, "port": int64(443)},
			"insecureSkipTLSVerify": true, "groupPriorityMinimum": int64(100), "versionPriority": int64(100),
		},
	}}
	if _, err := dyn.Resource(apiServiceGVR).Create(ctx, apiSvc, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	waitFor(ctx, t, 2*time.Minute, "APIService "+apiSvcName+" Available", func() (bool, error) {
		got, err := dyn.Resource(apiServiceGVR).Get(ctx, apiSvcName, metav1.GetOptions{})
		if err != nil {
			return false, err
		}
		conds, _, _ := unstructured.NestedSlice(got.Object, "status", "conditions")
		for _, c := range conds {
			m, _ := c.(map[string]any)
			if m["type"] == "Available" {
				if m["status"] == "True" {
					return true, nil
				}
				return false, fmt.Errorf("%v: %v", m["reason"], m["message"])
			}
		}
		return false, nil
	})
}

// node is one big fake node (kwok makes it Ready) so the target pods run.
func (e *env) node(ctx context.Context, t testing.TB) {
	t.Helper()
	room := corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("64"), corev1.ResourceMemory: resource.MustParse("256Gi"), corev1.ResourcePods: resource.MustParse("1000")}
	n := &corev1.Node{
		ObjectMeta: metav1.ObjectMeta{Name: "hpa-node", Annotations: map[string]string{"kwok.x-k8s.io/node": "fake"},
			Labels: map[string]string{"kubernetes.io/hostname": "hpa-node", "kubernetes.io/os": "linux"}},
		Status: corev1.NodeStatus{Capacity: room, Allocatable: room},
	}
	if _, err := e.cs.CoreV1().Nodes().Create(ctx, n, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
}

// trialSelector is the external metric's label selector for trial i.
func trialSelector(i int) string { return "trial=" + strconv.Itoa(i) }

// target creates trial i's Deployment (1 replica) and its HPA on the
// external metric, the metric below target.
func (e *env) target(ctx context.Context, t testing.TB, i int) string {
	t.Helper()
	name := fmt.Sprintf("trial-%d", i)
	e.metrics.set(trialSelector(i), below)
	one := int32(1)
	labels := map[string]string{"app": name}
	zero := int64(0)
	dep := &appsv1.Deployment{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns},
		Spec: appsv1.DeploymentSpec{
			Replicas: &one, Selector: &metav1.LabelSelector{MatchLabels: labels},
			Template: corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: labels}, Spec: corev1.PodSpec{
				TerminationGracePeriodSeconds: &zero,
				Containers:                    []corev1.Container{{Name: "main", Image: "registry.k8s.io/pause:3.10"}},
			}},
		},
	}
	if _, err := e.cs.AppsV1().Deployments(ns).Create(ctx, dep, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	avg := resource.NewQuantity(target, resource.DecimalSI)
	hpa := &autoscalingv2.HorizontalPodAutoscaler{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns},
		Spec: autoscalingv2.HorizontalPodAutoscalerSpec{
			ScaleTargetRef: autoscalingv2.CrossVersionObjectReference{APIVersion: "apps/v1", Kind: "Deployment", Name: name},
			MinReplicas:    &one, MaxReplicas: 50,
			Metrics: []autoscalingv2.MetricSpec{{
				Type: autoscalingv2.ExternalMetricSourceType,
				External: &autoscalingv2.ExternalMetricSource{
					Metric: autoscalingv2.MetricIdentifier{Name: metricName, Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"trial": strconv.Itoa(i)}}},
					Target: autoscalingv2.MetricTarget{Type: autoscalingv2.AverageValueMetricType, AverageValue: avg},
				},
			}},
		},
	}
	if _, err := e.cs.AutoscalingV2().HorizontalPodAutoscalers(ns).Create(ctx, hpa, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	return name
}

// waitMetricSeen waits until the HPA has read trial i's metric and reported it.
func (e *env) waitMetricSeen(ctx context.Context, t testing.TB, name string, timeout time.Duration) {
	t.Helper()
	waitFor(ctx, t, timeout, "HPA "+name+" reporting the external metric", func() (bool, error) {
		h, err := e.cs.AutoscalingV2().HorizontalPodAutoscalers(ns).Get(ctx, name, metav1.GetOptions{})
		if err != nil {
			return false, err
		}
		for _, m := range h.Status.CurrentMetrics {
			if m.External != nil {
				return true, nil
			}
		}
		var conds []string
		for _, c := range h.Status.Conditions {
			conds = append(conds, fmt.Sprintf("%s=%s %s", c.Type, c.Status, c.Message))
		}
		return false, fmt.Errorf("conditions %v", conds)
	})
}

// replicas is the Deployment's desired replica count (what the HPA writes).
func (e *env) replicas(ctx context.Context, name string) (int32, error) {
	d, err := e.cs.AppsV1().Deployments(ns).Get(ctx, name, metav1.GetOptions{})
	if err != nil || d.Spec.Replicas == nil {
		return 0, err
	}
	return *d.Spec.Replicas, nil
}

func waitFor(ctx context.Context, t testing.TB, timeout time.Duration, what string, cond func() (bool, error)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, err := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: timed out after %s (last error: %v)", what, timeout, err)
		}
		select {
		case <-ctx.Done():
			t.Fatal(ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}
