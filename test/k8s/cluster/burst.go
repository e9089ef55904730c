package cluster

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// Burst is what timing a burst of pods measured: per pod, the time from its
// Create returning to the pod being seen bound.
type Burst struct {
	Latencies []time.Duration // sorted
	Wall      time.Duration   // first create -> last bind
	Unbound   int             // pods never seen bound
}

// Quantile is the q-quantile of the latencies (0 without any).
func (b Burst) Quantile(q float64) time.Duration {
	if len(b.Latencies) == 0 {
		return 0
	}
	i := int(q*float64(len(b.Latencies))+0.5) - 1
	return b.Latencies[max(0, min(i, len(b.Latencies)-1))]
}

// Max is the slowest latency (0 without any).
func (b Burst) Max() time.Duration {
	if len(b.Latencies) == 0 {
		return 0
	}
	return b.Latencies[len(b.Latencies)-1]
}

// CreatePods creates n pods named workload-0000, workload-0001, ... from
// pod(name) in namespace ns, as fast as the API server takes them (32
// clients), and returns when each Create returned, when the first began,
// and the first error.
func CreatePods(ctx context.Context, cs kubernetes.Interface, ns string, n int, pod func(name string) *corev1.Pod) (created map[string]time.Time, start time.Time, err error) {
	created = map[string]time.Time{}
	var mu sync.Mutex
	names := make(chan string)
	var wg sync.WaitGroup
	start = time.Now()
	for range min(n, 32) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range names {
				_, cerr := cs.CoreV1().Pods(ns).Create(ctx, pod(name), metav1.CreateOptions{})
				now := time.Now()
				mu.Lock()
				if cerr != nil && err == nil {
					err = cerr
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
	return created, start, err
}

// MeasureBurst pairs each created pod with when it was seen bound; start
// is when the first Create began.
func MeasureBurst(start time.Time, created, bound map[string]time.Time) Burst {
	var b Burst
	var last time.Time
	for name, c := range created {
		at, ok := bound[name]
		if !ok {
			b.Unbound++
			continue
		}
		// A bind seen before Create returned (possible under load) counts as 0.
		b.Latencies = append(b.Latencies, max(0, at.Sub(c)))
		if at.After(last) {
			last = at
		}
	}
	slices.Sort(b.Latencies)
	b.Wall = last.Sub(start)
	return b
}

// Millis formats a duration to the millisecond, as the measurements print
// them.
func Millis(d time.Duration) string { return d.Round(time.Millisecond).String() }

// LoadAvg is the first three fields of /proc/loadavg (what uptime prints),
// noted beside measurements taken on a shared machine.
func LoadAvg() string {
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
