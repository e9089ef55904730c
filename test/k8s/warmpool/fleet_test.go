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
	"k8s.io/client-go/kubernetes"
)

// m6i.xlarge as EKS reports it: 4 vCPU, 16 GiB, 58 pods (ENI limit
// 4 x (15-1) + 2). Allocatable follows the EKS AMI reservation formula:
// cpu 4000m - 80m; memory 16384Mi - (255Mi + 11Mi x 58) - 100Mi eviction.
var (
	instanceType   = "m6i.xlarge"
	nodeCapacity   = corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("4"), corev1.ResourceMemory: resource.MustParse("16Gi"), corev1.ResourcePods: resource.MustParse("58")}
	nodeAllocation = corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("3920m"), corev1.ResourceMemory: resource.MustParse("15391Mi"), corev1.ResourcePods: resource.MustParse("58")}
	// A workload pod, and so a pause pod, requests 250m / 512Mi: 15 fit a node
	// (cpu-bound: 3920m / 250m).
	podRequests = corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("250m"), corev1.ResourceMemory: resource.MustParse("512Mi")}
	podsPerNode = 15
)

const (
	pauseClass = "warm-pool-pause"
	poolLabel  = "karpenter.sh/nodepool"
)

// pool is one warm pool: its namespace, fake nodes and the label pinning pods to them.
type pool struct {
	cs    kubernetes.Interface
	ns    string
	nodes []string
	pause int // pause pod replicas
}

// newPool creates nodes for at least `pods` workload pods and fills them
// completely with pause pods, waiting until every pause pod is bound.
func newPool(ctx context.Context, t testing.TB, cs kubernetes.Interface, name string, pods int) *pool {
	t.Helper()
	p := &pool{cs: cs, ns: name}
	nodes := (pods + podsPerNode - 1) / podsPerNode
	p.pause = nodes * podsPerNode
	if err := ensurePauseClass(ctx, cs); err != nil {
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
	zero := int64(0)
	labels := map[string]string{"app": "warm-pool-pause"}
	dep := &appsv1.Deployment{
		ObjectMeta: metav1.ObjectMeta{Name: "warm-pool-pause", Namespace: p.ns},
		Spec: appsv1.DeploymentSpec{
			Replicas: &replicas,
			Selector: &metav1.LabelSelector{MatchLabels: labels},
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{Labels: labels},
				Spec:       podSpec(name, pauseClass, &zero),
			},
		},
	}
	if _, err := cs.AppsV1().Deployments(p.ns).Create(ctx, dep, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	waitFor(ctx, t, 3*time.Minute, fmt.Sprintf("%d pause pods bound", p.pause), func() (bool, error) {
		bound, err := p.boundPods(ctx, "app=warm-pool-pause")
		return len(bound) == p.pause, err
	})
	return p
}

func podSpec(pool, priorityClass string, grace *int64) corev1.PodSpec {
	return corev1.PodSpec{
		PriorityClassName:             priorityClass,
		TerminationGracePeriodSeconds: grace,
		NodeSelector:                  map[string]string{poolLabel: pool},
		Containers: []corev1.Container{{
			Name:      "main",
			Image:     "registry.k8s.io/pause:3.10",
			Resources: corev1.ResourceRequirements{Requests: podRequests},
		}},
	}
}

func ensurePauseClass(ctx context.Context, cs kubernetes.Interface) error {
	never := corev1.PreemptNever
	pc := &schedulingv1.PriorityClass{
		ObjectMeta:       metav1.ObjectMeta{Name: pauseClass},
		Value:            -1,
		GlobalDefault:    false,
		PreemptionPolicy: &never,
		Description:      "Pause pods holding warm capacity; any workload preempts them.",
	}
	_, err := cs.SchedulingV1().PriorityClasses().Create(ctx, pc, metav1.CreateOptions{})
	if apierrors.IsAlreadyExists(err) {
		return nil
	}
	return err
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
