package hpa

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/tools/cache"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

var (
	syncsFlag  = flag.String("hpa.sync", "", "comma-separated HPA sync periods to measure (e.g. 15s,10s); empty skips the measurement")
	trialsFlag = flag.Int("hpa.trials", 30, "metric crossings per sync period (run side by side, each on its own HPA)")
)

// scaledUp records when each trial's Deployment first asks for more than
// one replica: the HPA's write.
type scaledUp struct {
	mu   sync.Mutex
	at   map[string]time.Time
	want map[string]chan struct{}
}

func (e *env) watchScaleUps(t testing.TB, names []string) *scaledUp {
	t.Helper()
	s := &scaledUp{at: map[string]time.Time{}, want: map[string]chan struct{}{}}
	for _, n := range names {
		s.want[n] = make(chan struct{})
	}
	record := func(obj any) {
		d, ok := obj.(*appsv1.Deployment)
		if !ok || d.Spec.Replicas == nil || *d.Spec.Replicas <= 1 {
			return
		}
		now := time.Now()
		s.mu.Lock()
		defer s.mu.Unlock()
		if ch, ok := s.want[d.Name]; ok {
			if _, seen := s.at[d.Name]; !seen {
				s.at[d.Name] = now
				close(ch)
			}
		}
	}
	factory := informers.NewSharedInformerFactoryWithOptions(e.cs, 0, informers.WithNamespace(ns))
	inf := factory.Apps().V1().Deployments().Informer()
	if _, err := inf.AddEventHandler(cache.ResourceEventHandlerFuncs{AddFunc: record, UpdateFunc: func(_, o any) { record(o) }}); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	t.Cleanup(func() { close(stop) })
	factory.Start(stop)
	if !cache.WaitForCacheSync(stop, inf.HasSynced) {
		t.Fatal("deployment informer did not sync")
	}
	return s
}

// TestHPAExternalMetricScalesUp: with the sync period at 10 s (EKS's
// shortest), the HPA reads the test's external metric and, once the metric
// crosses its target, writes the replica count the metric asks for
// (ceil(100 / 10) = 10). No time is asserted.
func TestHPAExternalMetricScalesUp(t *testing.T) {
	e := startEnv(t, 10*time.Second)
	ctx := context.Background()
	name := e.target(ctx, t, 0)
	e.waitMetricSeen(ctx, t, name, 2*time.Minute)
	if got, err := e.replicas(ctx, name); err != nil || got != 1 {
		t.Fatalf("replicas before the crossing: %d (%v), want 1: the metric is below target", got, err)
	}
	e.metrics.set(trialSelector(0), above)
	waitFor(ctx, t, 2*time.Minute, "the HPA writing 10 replicas", func() (bool, error) {
		got, err := e.replicas(ctx, name)
		return got == above/target, err
	})
	if reads := e.metrics.readsOf(trialSelector(0)); len(reads) < 2 {
		t.Fatalf("the metrics API was read %d times, want at least 2 (before and after the crossing)", len(reads))
	}
}

// TestHPADecisionLatency measures, for each sync period in -hpa.sync, the
// time from the metric crossing its target (the test flips it at a random
// moment) to the HPA writing the new replica count, over -hpa.trials HPAs
// side by side on a fresh control plane. It reports; it asserts no time.
func TestHPADecisionLatency(t *testing.T) {
	if *syncsFlag == "" {
		t.Skip("set -hpa.sync=15s,10s to measure (make measure-hpa)")
	}
	var rows []string
	for _, s := range strings.Split(*syncsFlag, ",") {
		period, err := time.ParseDuration(strings.TrimSpace(s))
		if err != nil || period <= 0 {
			t.Fatalf("bad sync period %q", s)
		}
		t.Run("sync-"+period.String(), func(t *testing.T) {
			rows = append(rows, measure(t, period, *trialsFlag))
		})
	}
	t.Logf("%s\n| sync period | trials | min | p50 | p95 | max | mean | p50 / period | p95 / period | metric reads apart (median) | load before / after |\n|---|---|---|---|---|---|---|---|---|---|---|\n%s",
		time.Now().UTC().Format(time.DateOnly), strings.Join(rows, "\n"))
}

func measure(t *testing.T, period time.Duration, n int) string {
	e := startEnv(t, period)
	ctx := context.Background()
	names := make([]string, n)
	for i := range n {
		names[i] = e.target(ctx, t, i)
	}
	for _, name := range names {
		e.waitMetricSeen(ctx, t, name, 3*time.Minute)
	}
	ups := e.watchScaleUps(t, names)
	load0 := cluster.LoadAvg()
	flipped := make([]time.Time, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A random moment in two periods: the crossing lands anywhere
			// in the HPA's loop, as real load does.
			time.Sleep(rand.N(2 * period))
			flipped[i] = time.Now()
			e.metrics.set(trialSelector(i), above)
		}()
	}
	wg.Wait()
	var lat []time.Duration
	deadline := time.After(3*period + time.Minute)
	for i, name := range names {
		select {
		case <-ups.want[name]:
		case <-deadline:
			t.Fatalf("trial %d: no scale-up within %s of the crossing", i, 3*period+time.Minute)
		}
		ups.mu.Lock()
		lat = append(lat, ups.at[name].Sub(flipped[i]))
		ups.mu.Unlock()
	}
	raw := make([]string, len(lat))
	for i, d := range lat {
		raw[i] = fmt.Sprintf("%.3f", d.Seconds())
	}
	t.Logf("sync %s: crossing to replica write, seconds, per trial: %s", period, strings.Join(raw, " "))
	slices.Sort(lat)
	var sum time.Duration
	for _, d := range lat {
		sum += d
	}
	q, ms := cluster.Burst{Latencies: lat}.Quantile, cluster.Millis
	var gaps []time.Duration
	for i := range n {
		r := e.metrics.readsOf(trialSelector(i))
		for j := 1; j < len(r); j++ {
			gaps = append(gaps, r[j].Sub(r[j-1]))
		}
	}
	slices.Sort(gaps)
	gap := time.Duration(0)
	if len(gaps) > 0 {
		gap = gaps[len(gaps)/2]
	}
	row := fmt.Sprintf("| %s | %d | %s | %s | %s | %s | %s | %.2f | %.2f | %s | %s / %s |", period, n,
		ms(lat[0]), ms(q(0.5)), ms(q(0.95)), ms(lat[len(lat)-1]), ms(sum/time.Duration(n)),
		q(0.5).Seconds()/period.Seconds(), q(0.95).Seconds()/period.Seconds(), ms(gap), load0, cluster.LoadAvg())
	t.Log(row)
	return row
}
