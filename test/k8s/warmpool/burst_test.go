package warmpool

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"
)

// burstResult is what one burst measured.
type burstResult struct {
	pods      int
	latencies []time.Duration // pod created -> pod bound, sorted
	wall      time.Duration   // first create -> last bind
	preempted int             // pause pods gone from the warm nodes
	unbound   int             // workload pods still unbound at the timeout
}

func (r burstResult) quantile(q float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	i := int(q*float64(len(r.latencies))+0.5) - 1
	return r.latencies[max(0, min(i, len(r.latencies)-1))]
}

func (r burstResult) max() time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	return r.latencies[len(r.latencies)-1]
}

func (r burstResult) String() string {
	return fmt.Sprintf("burst %d: p50 %s, p95 %s, max %s, last bound %s after the first create, %d pause pods preempted, %d never bound",
		r.pods, ms(r.quantile(0.50)), ms(r.quantile(0.95)), ms(r.max()), ms(r.wall), r.preempted, r.unbound)
}

func ms(d time.Duration) string { return d.Round(time.Millisecond).String() }

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
	created := map[string]time.Time{}
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

	names := make(chan string)
	var wg sync.WaitGroup
	var createErr error
	start := time.Now()
	for range min(n, 32) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range names {
				_, err := p.cs.CoreV1().Pods(p.ns).Create(ctx, p.workloadPod(name), metav1.CreateOptions{})
				now := time.Now()
				mu.Lock()
				if err != nil && createErr == nil {
					createErr = err
				}
				created[name] = now
				mu.Unlock()
			}
		}()
	}
	for i := range n {
		names <- fmt.Sprintf("workload-%04d", i)
	}
	close(names)
	wg.Wait()
	if createErr != nil {
		t.Fatalf("create workload pods: %v", createErr)
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
	res := burstResult{pods: n}
	var last time.Time
	for name, c := range created {
		b, ok := bound[name]
		if !ok {
			res.unbound++
			continue
		}
		if !warm[nodeOf[name]] {
			t.Errorf("pod %s bound to %q, not a warm node", name, nodeOf[name])
		}
		// A bind seen before Create returned (possible under load) counts as 0.
		res.latencies = append(res.latencies, max(0, b.Sub(c)))
		if b.After(last) {
			last = b
		}
	}
	slices.Sort(res.latencies)
	res.wall = last.Sub(start)

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
	if res.preempted < n-res.unbound {
		t.Errorf("%d pause pods preempted for %d workload pods on full nodes; want at least %d", res.preempted, n, n)
	}
	return res
}
