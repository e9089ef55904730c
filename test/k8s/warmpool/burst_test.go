package warmpool

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

// burstResult is what one burst measured.
type burstResult struct {
	pods int
	cluster.Burst
	preempted int // pause pods gone from the warm nodes
}

func (r burstResult) String() string {
	ms := cluster.Millis
	return fmt.Sprintf("burst %d: p50 %s, p95 %s, max %s, last bound %s after the first create, %d pause pods preempted, %d never bound",
		r.pods, ms(r.Quantile(0.50)), ms(r.Quantile(0.95)), ms(r.Max()), ms(r.Wall), r.preempted, r.Unbound)
}

// burst creates n workload pods at priority 0 as fast as the API takes them
// and records, per pod, the time from its Create returning to the first watch
// event showing it bound. It asserts every pod binds to a warm node and that
// pause pods made room. Pods unbound after timeout fail the test when strict;
// otherwise they are counted (the measurement reports a scheduler that
// strands pods rather than stopping).
func burst(ctx context.Context, t testing.TB, p *pool, n int, timeout time.Duration, strict bool) burstResult {
	t.Helper()
	pauseBefore, err := p.boundPods(ctx, p.pauseSelector)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	bound := map[string]time.Time{}
	nodeOf := map[string]string{}
	allBound := make(chan struct{})
	record := func(pod *corev1.Pod) {
		if pod.Spec.NodeName == "" {
			return
		}
		now := time.Now()
		mu.Lock()
		defer mu.Unlock()
		if _, seen := bound[pod.Name]; !seen {
			bound[pod.Name] = now
			nodeOf[pod.Name] = pod.Spec.NodeName
			if len(bound) == n {
				close(allBound)
			}
		}
	}
	sel := metav1.ListOptions{LabelSelector: "app=workload"}
	list, err := p.cs.CoreV1().Pods(p.ns).List(ctx, sel)
	if err != nil {
		t.Fatal(err)
	}
	// Watch for binds; the server may end a watch (timeout, slow consumer
	// under load), so resume from the last resource version, or re-list.
	stop := make(chan struct{})
	defer close(stop)
	wctx, cancel := context.WithCancel(ctx)
	defer cancel() // ends the current watch when the burst is measured
	watchFrom := list.ResourceVersion
	w, err := p.cs.CoreV1().Pods(p.ns).Watch(wctx, metav1.ListOptions{LabelSelector: sel.LabelSelector, ResourceVersion: watchFrom})
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		for {
			for ev := range w.ResultChan() {
				if pod, ok := ev.Object.(*corev1.Pod); ok && ev.Type != watch.Error {
					watchFrom = pod.ResourceVersion
					record(pod)
				} else if ev.Type == watch.Error {
					watchFrom = "" // e.g. 410 Gone: re-list below
					break
				}
			}
			w.Stop()
			select {
			case <-stop:
				return
			default:
			}
			if watchFrom == "" {
				l, err := p.cs.CoreV1().Pods(p.ns).List(wctx, sel)
				if err != nil {
					time.Sleep(100 * time.Millisecond)
					continue
				}
				for i := range l.Items {
					record(&l.Items[i])
				}
				watchFrom = l.ResourceVersion
			}
			nw, err := p.cs.CoreV1().Pods(p.ns).Watch(wctx, metav1.ListOptions{LabelSelector: sel.LabelSelector, ResourceVersion: watchFrom})
			if err != nil {
				watchFrom = ""
				time.Sleep(100 * time.Millisecond)
				nw = watch.NewEmptyWatch()
			}
			w = nw
		}
	}()

	created, start, err := cluster.CreatePods(ctx, p.cs, p.ns, n, p.workloadPod)
	if err != nil {
		t.Fatalf("create workload pods: %v", err)
	}
	select {
	case <-allBound:
	case <-time.After(timeout):
		mu.Lock()
		got := len(bound)
		mu.Unlock()
		if strict {
			p.describe(ctx, t)
			t.Fatalf("only %d of %d workload pods bound after %s", got, n, timeout)
		}
		t.Logf("only %d of %d workload pods bound after %s", got, n, timeout)
	}
	mu.Lock()
	defer mu.Unlock()

	warm := map[string]bool{}
	for _, node := range p.nodes {
		warm[node] = true
	}
	res := burstResult{pods: n, Burst: cluster.MeasureBurst(start, created, bound)}
	for name := range bound {
		if !warm[nodeOf[name]] {
			t.Errorf("pod %s bound to %q, not a warm node", name, nodeOf[name])
		}
	}

	// The nodes were full of pause pods: each workload pod took one's place.
	pauseAfter, err := p.boundPods(ctx, p.pauseSelector)
	if err != nil {
		t.Fatal(err)
	}
	for uid := range pauseBefore {
		if _, still := pauseAfter[uid]; !still {
			res.preempted++
		}
	}
	if res.preempted < n-res.Unbound {
		t.Errorf("%d pause pods preempted for %d workload pods on full nodes; want at least %d", res.preempted, n, n)
	}
	return res
}
