package warmmodes

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/tools/cache"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

// result is what one burst measured.
type result struct {
	pods int
	cluster.Burst
	onWarm    int       // pods bound to nodes that existed before the burst
	preempted int       // pause pods gone
	newClaims int       // NodeClaims created during the burst
	load      [2]string // /proc/loadavg before and after
}

// rate is the bound pods per second over the burst: from the first create
// to the last bind.
func (r result) rate() float64 {
	if r.Wall <= 0 {
		return 0
	}
	return float64(len(r.Latencies)) / r.Wall.Seconds()
}

func (r result) String() string {
	ms := cluster.Millis
	return fmt.Sprintf("burst %d: p50 %s, p95 %s, max %s, last bound %s (%.1f pods/s), %d on warm nodes, %d pause pods preempted, %d new NodeClaims, %d never bound; load %s -> %s",
		r.pods, ms(r.Quantile(0.5)), ms(r.Quantile(0.95)), ms(r.Max()), ms(r.Wall), r.rate(), r.onWarm, r.preempted, r.newClaims, r.Unbound, r.load[0], r.load[1])
}

// burst creates n workload pods as fast as the API takes them (32 clients)
// and records, per pod, the time from its Create returning to the informer
// seeing it bound. Pods unbound after timeout are counted, and fail the test
// when strict.
func (e *env) burst(ctx context.Context, t testing.TB, w *warm, n int, timeout time.Duration, strict bool) result {
	t.Helper()
	res := result{pods: n}
	res.load[0] = cluster.LoadAvg()
	var mu sync.Mutex
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

	created, start, err := cluster.CreatePods(ctx, e.cs, w.ns, n, func(name string) *corev1.Pod { return workloadPod(w.ns, w.pool, name) })
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
			e.describe(ctx, t, w.ns)
			t.Fatalf("%s: only %d of %d workload pods bound after %s", w.mode, got, n, timeout)
		}
		t.Logf("%s: only %d of %d workload pods bound after %s", w.mode, got, n, timeout)
	}
	res.load[1] = cluster.LoadAvg()
	mu.Lock()
	defer mu.Unlock()
	res.Burst = cluster.MeasureBurst(start, created, bound)
	for name := range bound {
		if w.nodes[nodeOf[name]] {
			res.onWarm++
		}
	}

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
