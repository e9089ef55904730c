package warmpool

import (
	"context"
	"fmt"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	schedulingv1 "k8s.io/api/scheduling/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/kubernetes"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

// m6i.xlarge as EKS reports it: 4 vCPU, 16 GiB, 58 pods (ENI limit
// 4 x (15-1) + 2). Allocatable follows the EKS AMI reservation formula:
// cpu 4000m - 80m; memory 16384Mi - (255Mi + 11Mi x 58) - 100Mi eviction.
var (
	instanceType   = "m6i.xlarge"
	nodeCapacity   = corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("4"), corev1.ResourceMemory: resource.MustParse("16Gi"), corev1.ResourcePods: resource.MustParse("58")}
	nodeAllocation = corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("3920m"), corev1.ResourceMemory: resource.MustParse("15391Mi"), corev1.ResourcePods: resource.MustParse("58")}
)

const poolLabel = "karpenter.sh/nodepool"

// warmPool is what holds the capacity: a negative PriorityClass and a pause
// Deployment. Its pods' requests are what a workload pod requests.
type warmPool struct {
	class      *schedulingv1.PriorityClass
	deployment *appsv1.Deployment
}

// syntheticWarmPool: pause pods of 250m / 512Mi, 15 to an m6i.xlarge
// (cpu-bound: 3920m / 250m). Used for the measurement, so its numbers do not
// move when the renderer's defaults do.
func syntheticWarmPool() warmPool {
	never := corev1.PreemptNever
	zero := int64(0)
	labels := map[string]string{"app": "warm-pool-pause"}
	return warmPool{
		class: &schedulingv1.PriorityClass{
			ObjectMeta:       metav1.ObjectMeta{Name: "warm-pool-pause"},
			Value:            -1,
			PreemptionPolicy: &never,
			Description:      "Pause pods holding warm capacity; any workload preempts them.",
		},
		deployment: &appsv1.Deployment{
			ObjectMeta: metav1.ObjectMeta{Name: "warm-pool-pause"},
			Spec: appsv1.DeploymentSpec{
				Selector: &metav1.LabelSelector{MatchLabels: labels},
				Template: corev1.PodTemplateSpec{
					ObjectMeta: metav1.ObjectMeta{Labels: labels},
					Spec: corev1.PodSpec{
						PriorityClassName:             "warm-pool-pause",
						TerminationGracePeriodSeconds: &zero,
						Containers: []corev1.Container{{
							Name: "pause", Image: "registry.k8s.io/pause:3.10",
							Resources: corev1.ResourceRequirements{Requests: corev1.ResourceList{
								corev1.ResourceCPU: resource.MustParse("250m"), corev1.ResourceMemory: resource.MustParse("512Mi"),
							}},
						}},
					},
				},
			},
		},
	}
}

// renderedWarmPool reads the PriorityClass and pause Deployment the warm pool
// renderer produced for the guide's example (its golden file).
func renderedWarmPool(t testing.TB, path string) warmPool {
	t.Helper()
	objs, err := cluster.ReadObjects(path)
	if err != nil {
		t.Fatal(err)
	}
	var wp warmPool
	for _, obj := range objs {
		switch obj.GetKind() {
		case "PriorityClass":
			wp.class = &schedulingv1.PriorityClass{}
			err = runtime.DefaultUnstructuredConverter.FromUnstructured(obj.Object, wp.class)
		case "Deployment":
			wp.deployment = &appsv1.Deployment{}
			err = runtime.DefaultUnstructuredConverter.FromUnstructured(obj.Object, wp.deployment)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if wp.class == nil || wp.deployment == nil {
		t.Fatalf("%s: want a PriorityClass and a Deployment", path)
	}
	return wp
}

// pool is one warm pool: its namespace, fake nodes and the label pinning pods to them.
type pool struct {
	cs            kubernetes.Interface
	ns            string
	nodes         []string
	pause         int // pause pod replicas
	pauseSelector string
	requests      corev1.ResourceList // of one pause pod, and so of one workload pod
}

// perNode is how many pods with these requests fit an m6i.xlarge.
func perNode(req corev1.ResourceList) int {
	n := nodeAllocation.Pods().Value()
	if c := req.Cpu().MilliValue(); c > 0 {
		n = min(n, nodeAllocation.Cpu().MilliValue()/c)
	}
	if m := req.Memory().Value(); m > 0 {
		n = min(n, nodeAllocation.Memory().Value()/m)
	}
	return int(n)
}

// newPool creates nodes for at least `pods` workload pods and fills them
// completely with the warm pool's pause pods, waiting until all are bound.
func newPool(ctx context.Context, t testing.TB, cs kubernetes.Interface, name string, pods int, wp warmPool) *pool {
	t.Helper()
	dep := wp.deployment.DeepCopy()
	p := &pool{cs: cs, ns: name, requests: dep.Spec.Template.Spec.Containers[0].Resources.Requests}
	fit := perNode(p.requests)
	if fit < 1 {
		t.Fatalf("a pause pod (%v) does not fit an %s", p.requests, instanceType)
	}
	nodes := (pods + fit - 1) / fit
	p.pause = nodes * fit
	if _, err := cs.SchedulingV1().PriorityClasses().Create(ctx, wp.class.DeepCopy(), metav1.CreateOptions{}); err != nil && !apierrors.IsAlreadyExists(err) {
		t.Fatal(err)
	}
	if _, err := cs.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: p.ns}}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.delete(context.Background(), t) })
	for i := range nodes {
		n := fmt.Sprintf("%s-%02d", name, i)
		node := &corev1.Node{
			ObjectMeta: metav1.ObjectMeta{
				Name: n,
				Labels: map[string]string{
					"kubernetes.io/hostname":           n,
					"kubernetes.io/os":                 "linux",
					"kubernetes.io/arch":               "amd64",
					"node.kubernetes.io/instance-type": instanceType,
					"karpenter.sh/capacity-type":       "on-demand",
					poolLabel:                          name,
				},
				Annotations: map[string]string{"kwok.x-k8s.io/node": "fake"},
			},
			Status: corev1.NodeStatus{Capacity: nodeCapacity, Allocatable: nodeAllocation},
		}
		if _, err := cs.CoreV1().Nodes().Create(ctx, node, metav1.CreateOptions{}); err != nil {
			t.Fatal(err)
		}
		p.nodes = append(p.nodes, n)
	}
	p.waitNodesSchedulable(ctx, t)

	replicas := int32(p.pause)
	dep.Namespace = p.ns
	dep.Spec.Replicas = &replicas
	dep.Spec.Template.Spec.NodeSelector = map[string]string{poolLabel: name} // pinned to this pool's nodes
	p.pauseSelector = labels.SelectorFromSet(dep.Spec.Selector.MatchLabels).String()
	if _, err := cs.AppsV1().Deployments(p.ns).Create(ctx, dep, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	waitFor(ctx, t, 3*time.Minute, fmt.Sprintf("%d pause pods bound", p.pause), func() (bool, error) {
		bound, err := p.boundPods(ctx, p.pauseSelector)
		return len(bound) == p.pause, err
	})
	return p
}

// workloadPod is a default-priority (0) pod requesting what a pause pod does.
func (p *pool) workloadPod(name string) *corev1.Pod {
	zero := int64(0)
	return &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: p.ns, Labels: map[string]string{"app": "workload"}},
		Spec: corev1.PodSpec{
			TerminationGracePeriodSeconds: &zero,
			NodeSelector:                  map[string]string{poolLabel: p.ns},
			Containers: []corev1.Container{{
				Name: "main", Image: "registry.k8s.io/pause:3.10",
				Resources: corev1.ResourceRequirements{Requests: p.requests},
			}},
		},
	}
}

// waitNodesSchedulable waits until kwok reports the nodes Ready and the node
// lifecycle controller lifted the not-ready taint.
func (p *pool) waitNodesSchedulable(ctx context.Context, t testing.TB) {
	waitFor(ctx, t, 2*time.Minute, "nodes Ready without taints", func() (bool, error) {
		for _, n := range p.nodes {
			node, err := p.cs.CoreV1().Nodes().Get(ctx, n, metav1.GetOptions{})
			if err != nil {
				return false, err
			}
			if len(node.Spec.Taints) > 0 || !nodeReady(node) {
				return false, nil
			}
		}
		return true, nil
	})
}

func nodeReady(n *corev1.Node) bool {
	for _, c := range n.Status.Conditions {
		if c.Type == corev1.NodeReady {
			return c.Status == corev1.ConditionTrue
		}
	}
	return false
}

// boundPods returns name -> node of bound pods matching selector.
func (p *pool) boundPods(ctx context.Context, selector string) (map[string]string, error) {
	list, err := p.cs.CoreV1().Pods(p.ns).List(ctx, metav1.ListOptions{LabelSelector: selector})
	if err != nil {
		return nil, err
	}
	bound := map[string]string{}
	for _, pod := range list.Items {
		if pod.Spec.NodeName != "" && pod.DeletionTimestamp == nil {
			bound[string(pod.UID)] = pod.Spec.NodeName
		}
	}
	return bound, nil
}

// delete removes the namespace and nodes, waiting (bounded) for the pods to
// go so the next burst is not measured against this one's cleanup.
func (p *pool) delete(ctx context.Context, t testing.TB) {
	zero := int64(0)
	_ = p.cs.CoreV1().Namespaces().Delete(ctx, p.ns, metav1.DeleteOptions{GracePeriodSeconds: &zero})
	for _, n := range p.nodes {
		_ = p.cs.CoreV1().Nodes().Delete(ctx, n, metav1.DeleteOptions{})
	}
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		_, err := p.cs.CoreV1().Namespaces().Get(ctx, p.ns, metav1.GetOptions{})
		if apierrors.IsNotFound(err) {
			return
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Logf("namespace %s still terminating after 2m", p.ns)
}

// describe logs every unbound or terminating pod, for a failed burst.
func (p *pool) describe(ctx context.Context, t testing.TB) {
	list, err := p.cs.CoreV1().Pods(p.ns).List(ctx, metav1.ListOptions{})
	if err != nil {
		t.Log(err)
		return
	}
	for _, pod := range list.Items {
		if pod.Spec.NodeName != "" && pod.DeletionTimestamp == nil {
			continue
		}
		var conds []string
		for _, c := range pod.Status.Conditions {
			conds = append(conds, fmt.Sprintf("%s=%s %s %s", c.Type, c.Status, c.Reason, c.Message))
		}
		t.Logf("pod %s node=%q nominated=%q deleting=%v priority=%v conditions=%v",
			pod.Name, pod.Spec.NodeName, pod.Status.NominatedNodeName, pod.DeletionTimestamp != nil, *pod.Spec.Priority, conds)
	}
}

func waitFor(ctx context.Context, t testing.TB, timeout time.Duration, what string, cond func() (bool, error)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var lastErr error
	for {
		ok, err := cond()
		if ok {
			return
		}
		lastErr = err
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: timed out after %s (last error: %v)", what, timeout, lastErr)
		}
		select {
		case <-ctx.Done():
			t.Fatal(ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}
