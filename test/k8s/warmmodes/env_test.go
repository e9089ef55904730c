package warmmodes

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

// mode is one way of holding (or not holding) warm capacity.
type mode string

const (
	modePausePods      mode = "pause pods (preemption)"
	modeCapacityBuffer mode = "CapacityBuffer"
	modeStaticNodePool mode = "static NodePool"
	modeNoWarm         mode = "no warm capacity (Karpenter provisions)"
)

var allModes = []mode{modePausePods, modeCapacityBuffer, modeStaticNodePool, modeNoWarm}

// karpenterGates turns on the two warm-capacity features of Karpenter v1.14.
const karpenterGates = "CapacityBuffer=true,StaticCapacity=true"

// syncPreemption makes kube-scheduler 1.35 preempt synchronously. Its default
// (asynchronous, beta) can strand a preemptor until the 5-minute flush of
// unschedulable pods (kubernetes/kubernetes#141694), which would make the
// behaviour test flaky; the measurement runs the default unless told.
var syncPreemption = []string{"--feature-gates=SchedulerAsyncPreemption=false"}

// env is a control plane with Karpenter's KWOK provider running.
type env struct {
	c   *cluster.Cluster
	cs  kubernetes.Interface
	dyn dynamic.Interface
}

func startEnv(t testing.TB, schedulerArgs []string) *env {
	t.Helper()
	if os.Getenv("KUBECONFIG") != "" {
		t.Skip("runs Karpenter's KWOK provider against the local control plane only")
	}
	ctx := context.Background()
	// Karpenter core's NodePool CRD differs from the AWS provider's: skip ours.
	c := cluster.NewWith(t, cluster.Options{SkipCRDs: true, SchedulerArgs: schedulerArgs})
	if err := c.StartKarpenterKwokWith(ctx, cluster.KarpenterOptions{FeatureGates: karpenterGates}); err != nil {
		t.Fatal(err)
	}
	e := &env{c: c}
	var err error
	if e.cs, err = kubernetes.NewForConfig(c.Config); err != nil {
		t.Fatal(err)
	}
	if e.dyn, err = dynamic.NewForConfig(c.Config); err != nil {
		t.Fatal(err)
	}
	if _, err := e.dyn.Resource(nodeClassGVR).Create(ctx, kwokNodeClass(), metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	return e
}

// warm is what one mode prepared before the burst. The namespace, the
// dynamic NodePool and the group label share one name; a static NodePool is
// called name-static.
type warm struct {
	mode     mode
	ns, pool string
	// nodes of the pool before the burst.
	nodes map[string]bool
	// slots is how many pods of the shape those nodes can take: free room
	// plus the room pause pods hold.
	slots int
	// pause pods bound before the burst.
	pause map[string]bool
}

// prepare creates the namespace and a dynamic NodePool named name (and a
// static NodePool name-static for that mode), the mode's warm capacity for
// warmPods pods, and waits until it is there: pause pods bound, buffer room
// provisioned, static nodes Ready.
func (e *env) prepare(ctx context.Context, t testing.TB, m mode, name string, warmPods int) *warm {
	t.Helper()
	w := &warm{mode: m, ns: name, pool: name}
	if _, err := e.cs.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: name}}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.dyn.Resource(nodePoolGVR).Create(ctx, nodePool(name, name, 0), metav1.CreateOptions{}); err != nil {
		t.Fatalf("NodePool: %v", err)
	}
	staticNodes := int64(0)
	if m == modeStaticNodePool {
		staticNodes = int64((warmPods + podsPerNode - 1) / podsPerNode)
		if _, err := e.dyn.Resource(nodePoolGVR).Create(ctx, nodePool(name+"-static", name, staticNodes), metav1.CreateOptions{}); err != nil {
			t.Fatalf("static NodePool: %v", err)
		}
	}
	wait := 10 * time.Minute
	// Karpenter provisions for a NodePool once it is Ready (its node class
	// resolved); waiting here keeps Karpenter's start-up out of the burst.
	pools := []string{name}
	if m == modeStaticNodePool {
		pools = append(pools, name+"-static")
	}
	for _, pool := range pools {
		e.waitFor(ctx, t, 2*time.Minute, "NodePool "+pool+" Ready", func() (bool, error) {
			np, err := e.dyn.Resource(nodePoolGVR).Get(ctx, pool, metav1.GetOptions{})
			if err != nil {
				return false, err
			}
			conds, _, _ := unstructured.NestedSlice(np.Object, "status", "conditions")
			for _, c := range conds {
				if c, _ := c.(map[string]any); c["type"] == "Ready" && c["status"] == "True" {
					return true, nil
				}
			}
			return false, nil
		})
	}
	switch m {
	case modePausePods:
		if _, err := e.cs.SchedulingV1().PriorityClasses().Create(ctx, pausePriorityClass(), metav1.CreateOptions{}); err != nil && !apierrors.IsAlreadyExists(err) {
			t.Fatal(err)
		}
		if _, err := e.cs.AppsV1().Deployments(name).Create(ctx, pauseDeployment(name, name, int32(warmPods)), metav1.CreateOptions{}); err != nil {
			t.Fatal(err)
		}
		e.waitFor(ctx, t, wait, fmt.Sprintf("%d pause pods bound", warmPods), func() (bool, error) {
			bound, err := e.boundPods(ctx, name, "app=warm-pool-pause")
			return len(bound) == warmPods, err
		})
	case modeCapacityBuffer:
		if _, err := e.cs.CoreV1().PodTemplates(name).Create(ctx, bufferPodTemplate(name, name), metav1.CreateOptions{}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.dyn.Resource(capacityBufferGVR).Namespace(name).Create(ctx, capacityBuffer(name, int64(warmPods)), metav1.CreateOptions{}); err != nil {
			t.Fatalf("CapacityBuffer: %v", err)
		}
		e.waitFor(ctx, t, wait, fmt.Sprintf("room for %d buffer pods on Ready nodes", warmPods), func() (bool, error) {
			free, _, err := e.room(ctx, name)
			return free >= warmPods, err
		})
	case modeStaticNodePool:
		e.waitFor(ctx, t, wait, fmt.Sprintf("%d static nodes Ready", staticNodes), func() (bool, error) {
			nodes, err := e.readyNodes(ctx, name)
			return int64(len(nodes)) >= staticNodes, err
		})
	}
	var err error
	if w.slots, w.nodes, err = e.slots(ctx, name); err != nil {
		t.Fatal(err)
	}
	if w.pause, err = e.boundPods(ctx, name, "app=warm-pool-pause"); err != nil {
		t.Fatal(err)
	}
	return w
}

// readyNodes are the group's nodes that are Ready and carry no NoSchedule
// taint (kwok lifts not-ready, Karpenter its unregistered taint).
func (e *env) readyNodes(ctx context.Context, group string) ([]corev1.Node, error) {
	list, err := e.cs.CoreV1().Nodes().List(ctx, metav1.ListOptions{LabelSelector: groupLabel + "=" + group})
	if err != nil {
		return nil, err
	}
	var out []corev1.Node
	for _, n := range list.Items {
		if nodeReady(&n) && !blocked(&n) {
			out = append(out, n)
		}
	}
	return out, nil
}

func nodeReady(n *corev1.Node) bool {
	for _, c := range n.Status.Conditions {
		if c.Type == corev1.NodeReady {
			return c.Status == corev1.ConditionTrue
		}
	}
	return false
}

func blocked(n *corev1.Node) bool {
	for _, t := range n.Spec.Taints {
		if t.Effect == corev1.TaintEffectNoSchedule || t.Effect == corev1.TaintEffectNoExecute {
			return true
		}
	}
	return n.Spec.Unschedulable
}

// room counts pods of the shape that fit the pool's Ready nodes now (free)
// and the pods of the shape that pause pods hold there (held).
func (e *env) room(ctx context.Context, pool string) (free, held int, err error) {
	nodes, err := e.readyNodes(ctx, pool)
	if err != nil {
		return 0, 0, err
	}
	pods, err := e.cs.CoreV1().Pods("").List(ctx, metav1.ListOptions{})
	if err != nil {
		return 0, 0, err
	}
	type use struct{ cpu, mem, pods int64 }
	used := map[string]*use{}
	ours := map[string]bool{}
	for _, n := range nodes {
		ours[n.Name] = true
	}
	for _, p := range pods.Items {
		if !ours[p.Spec.NodeName] || p.Status.Phase == corev1.PodSucceeded || p.Status.Phase == corev1.PodFailed {
			continue
		}
		u := used[p.Spec.NodeName]
		if u == nil {
			u = &use{}
			used[p.Spec.NodeName] = u
		}
		u.pods++
		for _, c := range p.Spec.Containers {
			u.cpu += c.Resources.Requests.Cpu().MilliValue()
			u.mem += c.Resources.Requests.Memory().Value()
		}
		if p.Spec.Priority != nil && *p.Spec.Priority < 0 {
			held++
		}
	}
	cpu, mem := podRequests.Cpu().MilliValue(), podRequests.Memory().Value()
	for _, n := range nodes {
		u := used[n.Name]
		if u == nil {
			u = &use{}
		}
		a := n.Status.Allocatable
		fit := min((a.Cpu().MilliValue()-u.cpu)/cpu, (a.Memory().Value()-u.mem)/mem, a.Pods().Value()-u.pods)
		free += int(max(0, fit))
	}
	return free, held, nil
}

// slots is the room a burst can use without new nodes: free room plus the
// room pause pods hold, and the nodes it is on.
func (e *env) slots(ctx context.Context, pool string) (int, map[string]bool, error) {
	free, held, err := e.room(ctx, pool)
	if err != nil {
		return 0, nil, err
	}
	nodes, err := e.readyNodes(ctx, pool)
	if err != nil {
		return 0, nil, err
	}
	names := map[string]bool{}
	for _, n := range nodes {
		names[n.Name] = true
	}
	return free + held, names, nil
}

// boundPods returns uid -> node of bound, not terminating pods matching selector.
func (e *env) boundPods(ctx context.Context, ns, selector string) (map[string]bool, error) {
	list, err := e.cs.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{LabelSelector: selector})
	if err != nil {
		return nil, err
	}
	bound := map[string]bool{}
	for _, p := range list.Items {
		if p.Spec.NodeName != "" && p.DeletionTimestamp == nil {
			bound[string(p.UID)] = true
		}
	}
	return bound, nil
}

// nodeClaimsSince counts the group's NodeClaims created at or after since.
func (e *env) nodeClaimsSince(ctx context.Context, group string, since time.Time) (int, error) {
	list, err := e.dyn.Resource(nodeClaimGVR).List(ctx, metav1.ListOptions{LabelSelector: groupLabel + "=" + group})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, c := range list.Items {
		// Creation timestamps have one-second resolution.
		if !c.GetCreationTimestamp().Time.Before(since.Truncate(time.Second)) {
			n++
		}
	}
	return n, nil
}

// describe logs the pool's unbound pods, for a failed burst.
func (e *env) describe(ctx context.Context, t testing.TB, ns string) {
	list, err := e.cs.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{})
	if err != nil {
		t.Log(err)
		return
	}
	for _, p := range list.Items {
		if p.Spec.NodeName != "" && p.DeletionTimestamp == nil {
			continue
		}
		var conds []string
		for _, c := range p.Status.Conditions {
			conds = append(conds, fmt.Sprintf("%s=%s %s %s", c.Type, c.Status, c.Reason, c.Message))
		}
		t.Logf("pod %s nominated=%q deleting=%v conditions=%s", p.Name, p.Status.NominatedNodeName, p.DeletionTimestamp != nil, strings.Join(conds, "; "))
	}
	t.Logf("logs: %s", e.c.LogDir())
}

func (e *env) waitFor(ctx context.Context, t testing.TB, timeout time.Duration, what string, cond func() (bool, error)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, err := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: timed out after %s (last error: %v; logs: %s)", what, timeout, err, e.c.LogDir())
		}
		select {
		case <-ctx.Done():
			t.Fatal(ctx.Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
}
