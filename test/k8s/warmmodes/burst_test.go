package warmmodes

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/tools/cache"
)

// result is what one burst measured.
type result struct {
	pods      int
	latencies []time.Duration // pod created -> bound, sorted
	wall      time.Duration   // first create -> last bind
	onWarm    int             // pods bound to nodes that existed before the burst
	preempted int             // pause pods gone
	newClaims int             // NodeClaims created during the burst
	unbound   int             // pods still unbound at the timeout
	load      [2]string       // /proc/loadavg before and after
}

func (r result) quantile(q float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	i := int(q*float64(len(r.latencies))+0.5) - 1
	return r.latencies[max(0, min(i, len(r.latencies)-1))]
}

func (r result) max() time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	return r.latencies[len(r.latencies)-1]
}

// rate is the bound pods per second over the burst: from the first create
// to the last bind.
func (r result) rate() float64 {
	if r.wall <= 0 {
		return 0
	}
	return float64(len(r.latencies)) / r.wall.Seconds()
}

func (r result) String() string {
	return fmt.Sprintf("burst %d: p50 %s, p95 %s, max %s, last bound %s (%.1f pods/s), %d on warm nodes, %d pause pods preempted, %d new NodeClaims, %d never bound; load %s -> %s",
		r.pods, ms(r.quantile(0.5)), ms(r.quantile(0.95)), ms(r.max()), ms(r.wall), r.rate(), r.onWarm, r.preempted, r.newClaims, r.unbound, r.load[0], r.load[1])
}

func ms(d time.Duration) string { return d.Round(time.Millisecond).String() }

// loadavg is the first three fields of /proc/loadavg (what uptime prints).
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

// burst creates n workload pods as fast as the API takes them (32 clients)
// and records, per pod, the time from its Create returning to the informer
// seeing it bound. Pods unbound after timeout are counted, and fail the test
// when strict.
func (e *env) burst(ctx context.Context, t testing.TB, w *warm, n int, timeout time.Duration, strict bool) result {
	t.Helper()
	res := result{pods: n}
	res.load[0] = loadavg()
	var mu sync.Mutex
	created := map[string]time.Time{}
	bound := map[string]time.Time{}
	nodeOf := map[string]string{}
	allBound := make(chan struct{})
	record := func(obj any) {
		pod, ok := obj.(*corev1.Pod)
		if !ok || pod.Spec.NodeName == "" || pod.Labels["app"] != "workload" {
			return
		}
		now := time.Now()
		mu.Lock()
		defer mu.Unlock()
		if _, seen := bound[pod.Name]; !seen {
			bound[pod.Name], nodeOf[pod.Name] = now, pod.Spec.NodeName
			if len(bound) == n {
				close(allBound)
			}
		}
	}
	factory := informers.NewSharedInformerFactoryWithOptions(e.cs, 0, informers.WithNamespace(w.ns))
	inf := factory.Core().V1().Pods().Informer()
	if _, err := inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc:    record,
		UpdateFunc: func(_, obj any) { record(obj) },
	}); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	defer close(stop)
	factory.Start(stop)
	if !cache.WaitForCacheSync(stop, inf.HasSynced) {
		t.Fatal("pod informer did not sync")
	}

	names := make(chan string)
	var wg sync.WaitGroup
	var createErr error
	start := time.Now()
	for range min(n, 32) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range names {
				_, err := e.cs.CoreV1().Pods(w.ns).Create(ctx, workloadPod(w.ns, w.pool, name), metav1.CreateOptions{})
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
			e.describe(ctx, t, w.ns)
			t.Fatalf("%s: only %d of %d workload pods bound after %s", w.mode, got, n, timeout)
		}
		t.Logf("%s: only %d of %d workload pods bound after %s", w.mode, got, n, timeout)
	}
	res.load[1] = loadavg()
	mu.Lock()
	defer mu.Unlock()
	var last time.Time
	for name, c := range created {
		b, ok := bound[name]
		if !ok {
			res.unbound++
			continue
		}
		if w.nodes[nodeOf[name]] {
			res.onWarm++
		}
		// A bind seen before Create returned (possible under load) counts as 0.
		res.latencies = append(res.latencies, max(0, b.Sub(c)))
		if b.After(last) {
			last = b
		}
	}
	slices.Sort(res.latencies)
	res.wall = last.Sub(start)

	pauseAfter, err := e.boundPods(ctx, w.ns, "app=warm-pool-pause")
	if err != nil {
		t.Fatal(err)
	}
	for uid := range w.pause {
		if !pauseAfter[uid] {
			res.preempted++
		}
	}
	if res.newClaims, err = e.nodeClaimsSince(ctx, w.pool, start); err != nil {
		t.Fatal(err)
	}
	return res
}
