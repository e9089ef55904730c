package warmmodes

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

var (
	burstsFlag = flag.String("warmmodes.bursts", "", "comma-separated burst sizes to measure (e.g. 10,100,500); empty skips the measurement")
	runsFlag   = flag.Int("warmmodes.runs", 1, "how many times to measure each mode and burst (each on a fresh control plane)")
	modesFlag  = flag.String("warmmodes.modes", "", "comma-separated mode numbers to measure (0 pause pods, 1 CapacityBuffer, 2 static NodePool, 3 no warm capacity); empty: all")
	syncFlag   = flag.Bool("warmmodes.sync-preemption", false, "run kube-scheduler with synchronous preemption instead of its 1.35 default")
	waitFlag   = flag.Duration("warmmodes.wait", 10*time.Minute, "how long a burst may take before unbound pods are counted as stranded")
)

func slug(m mode) string {
	return strings.NewReplacer(" ", "-", "(", "", ")", "").Replace(strings.ToLower(string(m)))
}

// TestWarmModesBehaviour: each mode with 10 warm pods and a burst three pods
// larger than the room the warm capacity holds. Every pod binds; the warm
// room is used first (pause pods by preemption); the pods beyond it make
// Karpenter launch a NodeClaim. No time is asserted.
func TestWarmModesBehaviour(t *testing.T) {
	e := startEnv(t, syncPreemption)
	ctx := context.Background()
	for i, m := range allModes {
		t.Run(slug(m), func(t *testing.T) {
			warmPods := 10
			if m == modeNoWarm {
				warmPods = 0
			}
			w := e.prepare(ctx, t, m, fmt.Sprintf("mode-%d", i), warmPods)
			if m != modeNoWarm && w.slots < warmPods {
				t.Fatalf("%s holds room for %d pods, want at least %d", m, w.slots, warmPods)
			}
			n := w.slots + 3
			if m == modeNoWarm {
				n = 10
			}
			res := e.burst(ctx, t, w, n, 3*time.Minute, true)
			t.Logf("%s: %d warm slots on %d nodes; %s", m, w.slots, len(w.nodes), res)
			if res.onWarm != w.slots {
				t.Errorf("%d of %d pods bound to the %d nodes that held warm room for %d; want every warm slot used", res.onWarm, n, len(w.nodes), w.slots)
			}
			if res.newClaims == 0 {
				t.Errorf("the %d pods beyond the warm room made no NodeClaim", n-w.slots)
			}
			free := w.slots - len(w.pause)
			switch {
			case m == modePausePods && res.preempted < res.onWarm-free:
				t.Errorf("%d pause pods preempted for %d pods on warm nodes with room for %d without preemption", res.preempted, res.onWarm, free)
			case m != modePausePods && res.preempted != 0:
				t.Errorf("%d pause pods preempted in mode %s", res.preempted, m)
			}
		})
	}
}

// TestWarmModesLatency measures, for each mode and each burst size in
// -warmmodes.bursts, pod created to bound over a warm capacity sized to the
// burst, each cell on a fresh control plane with Karpenter. It reports; it
// asserts no time.
func TestWarmModesLatency(t *testing.T) {
	if *burstsFlag == "" {
		t.Skip("set -warmmodes.bursts=10,100,500 to measure (make measure-warm)")
	}
	var sizes []int
	for _, s := range strings.Split(*burstsFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			t.Fatalf("bad burst size %q", s)
		}
		sizes = append(sizes, n)
	}
	var sched []string
	schedName := "kube-scheduler 1.35 defaults (async preemption)"
	if *syncFlag {
		sched, schedName = syncPreemption, "kube-scheduler 1.35, synchronous preemption"
	}
	ctx := context.Background()
	var rows []string
	for run := 1; run <= *runsFlag; run++ {
		for i, m := range allModes {
			if *modesFlag != "" && !slices.Contains(strings.Split(*modesFlag, ","), strconv.Itoa(i)) {
				continue
			}
			for _, n := range sizes {
				t.Run(fmt.Sprintf("run-%d/%s/burst-%d", run, slug(m), n), func(t *testing.T) {
					e := startEnv(t, sched)
					warmPods := n
					if m == modeNoWarm {
						warmPods = 0
					}
					w := e.prepare(ctx, t, m, "warm", warmPods)
					res := e.burst(ctx, t, w, n, *waitFlag, false)
					t.Log(res)
					rows = append(rows, fmt.Sprintf("| %s | %d | %d | %s | %s | %s | %s | %.1f | %d | %d | %d | %d | %s / %s |",
						m, n, run, cluster.Millis(res.Quantile(0.5)), cluster.Millis(res.Quantile(0.95)), cluster.Millis(res.Max()), cluster.Millis(res.Wall), res.rate(),
						res.onWarm, res.preempted, res.newClaims, res.Unbound, res.load[0], res.load[1]))
				})
			}
		}
	}
	t.Logf("%s; %s; %s\n| mode | burst | run | p50 | p95 | max | last bound | pods/s | on warm nodes | pause pods preempted | new NodeClaims | never bound | load before / after |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n%s",
		machine(), schedName, time.Now().UTC().Format(time.DateOnly), strings.Join(rows, "\n"))
}

// machine describes the CPU the measurement ran on.
func machine() string {
	model := "unknown CPU"
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	return fmt.Sprintf("%s/%s, %d CPUs (%s)", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), model)
}
