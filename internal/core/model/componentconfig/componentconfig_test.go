package componentconfig

import (
	"strings"
	"testing"
)

func s(v string) *string { return &v }
func n(v int64) *int64   { return &v }

func TestChangesComparesDurationsByLength(t *testing.T) {
	have := Config{HPASyncPeriod: s("15s"), EventTTL: s("60m"), ScoringStrategy: s("LeastAllocated"),
		ResourceWeights: map[string]int64{"cpu": 1, "memory": 1}, NodePortRange: &PortRange{30000, 32767}}
	want := Config{HPASyncPeriod: s("15s"), EventTTL: s("1h"), ScoringStrategy: s("MostAllocated"),
		ResourceWeights: map[string]int64{"cpu": 1, "memory": 1}, NodePortRange: &PortRange{30000, 32000}, TerminatedPodGCThreshold: n(5)}
	got := Changes(want, have)
	if got.HPASyncPeriod != nil || got.EventTTL != nil || got.ResourceWeights != nil {
		t.Errorf("unchanged settings reported: %+v", got)
	}
	if got.ScoringStrategy == nil || *got.ScoringStrategy != "MostAllocated" || got.NodePortRange == nil || got.NodePortRange.Max != 32000 {
		t.Errorf("changes missed: %+v", got)
	}
	// A setting the cluster does not report counts as a change.
	if got.TerminatedPodGCThreshold == nil || *got.TerminatedPodGCThreshold != 5 {
		t.Errorf("unreported setting not sent: %+v", got)
	}
	if !Changes(have, have).Empty() {
		t.Error("a configuration differs from itself")
	}
}

func TestRemovedOverlayOnlyWithout(t *testing.T) {
	old := Config{HPASyncPeriod: s("10s"), EventTTL: s("30m")}
	now := Config{EventTTL: s("20m")}
	removed := Removed(old, now)
	if removed.HPASyncPeriod == nil || removed.EventTTL != nil {
		t.Fatalf("Removed = %+v, want only the HPA sync period", removed)
	}
	defaults := Published("1.33", "tier-xl").Defaults()
	want := defaults.Only(removed).Overlay(now)
	if *want.HPASyncPeriod != "15s" || *want.EventTTL != "20m" || want.TerminatedPodGCThreshold != nil {
		t.Errorf("reset target = %+v", want)
	}
	if rest := want.Without(now); rest.EventTTL != nil || rest.HPASyncPeriod == nil {
		t.Errorf("Without = %+v", rest)
	}
	// Overlay copies: changing the result leaves the inputs alone.
	a := Config{ResourceWeights: map[string]int64{"cpu": 1}}
	b := a.Overlay(Config{})
	b.ResourceWeights["cpu"] = 9
	if a.ResourceWeights["cpu"] != 1 {
		t.Error("Overlay shares its maps")
	}
}

func TestParseDurationIsSingleUnit(t *testing.T) {
	for v, ok := range map[string]bool{"10s": true, "1m": true, "60m": true, "2h": true,
		"10 s": false, "1h30m": false, "1.5m": false, "-10s": false, "10": false, "10ms": false, "": false, "9999999999s": false} {
		if _, got := ParseDuration(v); got != ok {
			t.Errorf("ParseDuration(%q) ok = %v, want %v", v, got, ok)
		}
	}
}

func TestCheckFormat(t *testing.T) {
	got := CheckFormat(Config{
		HPASyncPeriod: s("10 s"), EventTTL: s("1h30m"),
		ResourceWeights: map[string]int64{}, NodePortRange: &PortRange{32000, 31000},
	})
	text := got.Err().Error()
	for _, want := range []string{
		`kube_controller_manager_config.horizontal_pod_autoscaler_sync_period: must be a single-unit duration such as "15s"`,
		`kube_api_server_config.event_ttl: must be a single-unit duration`,
		`kube_scheduler_config.resource_weights: must weight at least one resource`,
		`kube_api_server_config.service_node_port_range: min_port (32000) must be less than or equal to max_port (31000)`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in %s", want, text)
		}
	}
	if CheckFormat(Config{HPASyncPeriod: s("10s"), NodePortRange: &PortRange{30000, 30000}}).HasErrors() {
		t.Error("a valid configuration has format problems")
	}
}

// The tier rule: the HPA sync period below 15s only on a provisioned tier.
func TestCheckPublishedTierRule(t *testing.T) {
	c := Config{HPASyncPeriod: s("10s")}
	std := Check(c, Published("1.33", StandardTier)).Err()
	if std == nil || !strings.Contains(std.Error(), "needs a provisioned control-plane tier") {
		t.Errorf("standard: %v", std)
	}
	if err := Check(c, Published("1.33", "tier-xl")).Err(); err != nil {
		t.Errorf("tier-xl: %v", err)
	}
	if err := Check(Config{HPASyncPeriod: s("9s")}, Published("1.33", "tier-xl")).Err(); err == nil || !strings.Contains(err.Error(), "between 10s and 15s") {
		t.Errorf("9s on tier-xl: %v", err)
	}
	if err := Check(Config{HPASyncPeriod: s("15s")}, Published("1.33", StandardTier)).Err(); err != nil {
		t.Errorf("the default on standard: %v", err)
	}
}

func TestCheckRangesAndNames(t *testing.T) {
	lim := Published("1.34", "tier-2xl")
	bad := Config{
		TerminatedPodGCThreshold: n(0), ScoringStrategy: s("RequestedToCapacityRatio"),
		ResourceWeights: map[string]int64{"cpu": 101, "example.com/x": 1},
		EventTTL:        s("5m"), NodePortRange: &PortRange{8000, 40000},
	}
	text := Check(bad, lim).Err().Error()
	for _, want := range []string{
		"terminated_pod_gc_threshold: must be between 1 and 1000000",
		"scoring_strategy: must be one of LeastAllocated, MostAllocated",
		`the weight of "cpu" must be between 1 and 100`,
		`"example.com/x" cannot be weighted`,
		"event_ttl: must be between 10m and 60m",
		"service_node_port_range.min_port: must be between 10260 and 32767",
		"service_node_port_range.max_port: must be between 10260 and 32767",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in %s", want, text)
		}
	}
	good := Config{TerminatedPodGCThreshold: n(1), ScoringStrategy: s("MostAllocated"),
		ResourceWeights: map[string]int64{"nvidia.com/gpu": 100}, EventTTL: s("1h"), NodePortRange: &PortRange{10260, 32767}}
	if err := Check(good, lim).Err(); err != nil {
		t.Errorf("valid configuration: %v", err)
	}
}

func TestCheckUnsupportedVersion(t *testing.T) {
	lim := Published("1.30", "tier-xl")
	if lim.Supported {
		t.Fatal("1.30 has no advanced configuration")
	}
	err := Check(Config{EventTTL: s("30m"), ScoringStrategy: s("MostAllocated")}, lim).Err()
	if err == nil || !strings.Contains(err.Error(), "Kubernetes 1.30 has no advanced control-plane configuration: it needs Kubernetes 1.31 or later") {
		t.Errorf("got %v", err)
	}
	if Check(Config{}, lim).HasErrors() {
		t.Error("no settings, no problem")
	}
	for v, before := range map[string]bool{"1.30": true, "1.9": true, "1.31": false, "1.100": false, "2.0": false, "x": false} {
		if got := versionBefore(v, MinVersion); got != before {
			t.Errorf("versionBefore(%q) = %v", v, got)
		}
	}
}

// Limits that do not describe a parameter do not check it.
func TestCheckSkipsWhatLimitsDoNotDescribe(t *testing.T) {
	lim := Limits{Version: "1.40", Tier: "tier-xl", Source: "test", Supported: true}
	c := Config{HPASyncPeriod: s("1s"), TerminatedPodGCThreshold: n(-1), ScoringStrategy: s("Whatever"), EventTTL: s("1s")}
	if err := Check(c, lim).Err(); err != nil {
		t.Errorf("got %v", err)
	}
	if !lim.Defaults().Empty() {
		t.Error("no defaults described, none invented")
	}
}
