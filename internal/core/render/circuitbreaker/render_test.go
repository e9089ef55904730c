package circuitbreaker

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

func base() Spec {
	return Spec{Host: "checkout", RequestsPerSecondPerPod: 50, ServiceSeconds: 0.2, ReadyReplicas: 20, SecondsUntilReady: 45}
}

// The derivation, number by number, for the guide's service.
func TestDerivation(t *testing.T) {
	res, probs := cases["checkout-derived"].Render()
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	want := map[string]string{
		// concurrency ceil(50 x 0.2) = 10; 20 pods x 10 / 3 proxies = 66.7
		"connectionPool.http.http2MaxRequests": "67",
		"connectionPool.tcp.maxConnections":    "67",
		// 20 pods x 50 req/s x 1 s / 3 proxies = 333.3
		"connectionPool.http.http1MaxPendingRequests": "334",
		"connectionPool.http.maxRetries":              "14", // ceil(67 x 0.2)
		"outlierDetection.consecutive5xxErrors":       "5",
		"outlierDetection.interval":                   "10s", // ceil(45/3) = 15, capped at 10
		"outlierDetection.baseEjectionTime":           "45s",
		"outlierDetection.maxEjectionPercent":         "30", // (1 - 0.7) x 100
	}
	got := map[string]string{}
	for _, st := range res.Derivation {
		got[st.Field] = st.Value
		if st.Formula == "" || st.Why == "" {
			t.Errorf("%s: no formula or reason", st.Field)
		}
	}
	for f, v := range want {
		if got[f] != v {
			t.Errorf("%s = %s, want %s", f, got[f], v)
		}
	}
	http := res.Object["spec"].(map[string]any)["trafficPolicy"].(map[string]any)["connectionPool"].(map[string]any)["http"].(map[string]any)
	if http["http2MaxRequests"] != int64(67) {
		t.Fatalf("the object does not carry the derivation: %v", http)
	}
}

// Overrides replace derived values, and the derivation says so.
func TestOverridesReplaceDerivedValues(t *testing.T) {
	res, probs := cases["api-overrides-warmup"].Render()
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	for _, st := range res.Derivation {
		if st.Field == "outlierDetection.maxEjectionPercent" {
			if st.Value != "25" || !strings.Contains(st.Formula, "overridden by traffic_policy (derived: floor((1 - 0.6 target utilization) x 100) = 40)") {
				t.Fatalf("%+v", st)
			}
			return
		}
	}
	t.Fatal("no maxEjectionPercent step")
}

func TestNullRemovesADerivedField(t *testing.T) {
	s := base()
	s.Overrides = "connectionPool:\n  http:\n    maxRetries: null\n"
	res, probs := s.Render()
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	http := res.Object["spec"].(map[string]any)["trafficPolicy"].(map[string]any)["connectionPool"].(map[string]any)["http"].(map[string]any)
	if _, ok := http["maxRetries"]; ok {
		t.Fatal("maxRetries still set")
	}
}

func TestBadInputIsRejectedWithTheFix(t *testing.T) {
	cases := []struct {
		name       string
		edit       func(*Spec)
		path, want string
	}{
		{"no host", func(s *Spec) { s.Host = "" }, "host", "name the service"},
		{"host with a scheme", func(s *Spec) { s.Host = "http://checkout" }, "host", "name the service"},
		{"no rate", func(s *Spec) { s.RequestsPerSecondPerPod = 0 }, "requests_per_second_per_pod", "more than 0"},
		{"neither concurrency nor service time", func(s *Spec) { s.ServiceSeconds = 0 }, "service_seconds", "or set concurrency_per_pod"},
		{"no ready pods", func(s *Spec) { s.ReadyReplicas = 0 }, "ready_replicas", "1 to 100000"},
		{"ready time above an hour", func(s *Spec) { s.SecondsUntilReady = 4000 }, "seconds_until_ready", "at most 3600"},
		{"utilization above 1", func(s *Spec) { s.TargetUtilization = ptr(1.5) }, "target_utilization", "at most 1"},
		{"consecutiveErrors from a guide", func(s *Spec) { s.Overrides = "outlierDetection:\n  consecutiveErrors: 5\n" },
			"traffic_policy", "outlierDetection.consecutiveErrors: is deprecated"},
		{"consecutiveErrors names the correct forms", func(s *Spec) { s.Overrides = "outlierDetection:\n  consecutiveErrors: 5\n" },
			"traffic_policy", "use outlierDetection.consecutiveGatewayErrors to count 502/503/504 as it did, or outlierDetection.consecutive5xxErrors"},
		{"LEAST_CONN", func(s *Spec) { s.Overrides = "loadBalancer:\n  simple: LEAST_CONN\n" }, "traffic_policy", "use LEAST_REQUEST"},
		{"warmupDurationSecs", func(s *Spec) { s.Overrides = "loadBalancer:\n  warmupDurationSecs: 60s\n" }, "traffic_policy", "use loadBalancer.warmup.duration"},
		{"invented maxPendingRequests", func(s *Spec) { s.Overrides = "connectionPool:\n  http:\n    maxPendingRequests: 10\n" },
			"traffic_policy", `"maxPendingRequests" is not a DestinationRule field: use connectionPool.http.http1MaxPendingRequests`},
		{"invented circuitBreaker", func(s *Spec) { s.Overrides = "circuitBreaker:\n  maxConnections: 10\n" },
			"traffic_policy", "Istio has no circuitBreaker field"},
		{"typo gets a suggestion", func(s *Spec) { s.Overrides = "outlierDetection:\n  baseEjectionTim: 30s\n" },
			"traffic_policy", "did you mean baseEjectionTime?"},
		{"string for a number", func(s *Spec) { s.Overrides = "connectionPool:\n  tcp:\n    maxConnections: \"100\"\n" },
			"traffic_policy", "connectionPool.tcp.maxConnections: must be a number"},
		{"not a duration", func(s *Spec) { s.Overrides = "outlierDetection:\n  interval: 10 seconds\n" },
			"traffic_policy", `"10 seconds" is not a duration`},
		{"sub-millisecond duration", func(s *Spec) { s.Overrides = "connectionPool:\n  tcp:\n    connectTimeout: 500us\n" },
			"traffic_policy", "at least 1ms"},
		{"unknown enum", func(s *Spec) { s.Overrides = "loadBalancer:\n  simple: WEIGHTED\n" }, "traffic_policy", `"WEIGHTED" is not one of`},
		{"simple and consistentHash", func(s *Spec) {
			s.Overrides = "loadBalancer:\n  simple: RANDOM\n  consistentHash:\n    useSourceIp: true\n"
		},
			"traffic_policy", "set at most one of"},
		{"whole DestinationRule pasted", func(s *Spec) {
			s.Overrides = "apiVersion: networking.istio.io/v1alpha3\nkind: DestinationRule\nspec: {}\n"
		},
			"traffic_policy", "not a whole DestinationRule"},
		{"not YAML", func(s *Spec) { s.Overrides = "connectionPool: [" }, "traffic_policy", "not YAML or JSON"},
		{"istiod: percent above 100", func(s *Spec) { s.Overrides = "outlierDetection:\n  maxEjectionPercent: 150\n" },
			"traffic_policy", "is a percentage: 0 to 100"},
		{"istiod: upgrade with client protocol", func(s *Spec) {
			s.Overrides = "connectionPool:\n  http:\n    h2UpgradePolicy: UPGRADE\n    useClientProtocol: true\n"
		},
			"traffic_policy", "must not be true when h2UpgradePolicy is UPGRADE"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := base()
			tc.edit(&s)
			res, probs := s.Render()
			if !probs.HasErrors() || res.Object != nil {
				t.Fatalf("want an error, got %v", probs)
			}
			if !hasProblem(probs, tc.path, tc.want) {
				t.Fatalf("want an error at %s containing %q, got %v", tc.path, tc.want, probs)
			}
		})
	}
}

func hasProblem(probs problem.List, path, want string) bool {
	for _, p := range probs {
		if !p.Warning && p.Path.String() == path && strings.Contains(p.Message, want) {
			return true
		}
	}
	return false
}

// Every known-bad DestinationRule of testdata (what the CRD rejects, what
// only istiod rejects, and deprecated forms the CRD still accepts) is
// refused when its trafficPolicy is given as traffic_policy.
func TestFixturePoliciesAreRefused(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.yaml")
	checked := 0
	for _, f := range files {
		if strings.Contains(f, "golden") || strings.Contains(f, "without-host") {
			continue // the host is an attribute here, checked in TestBadInput
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var obj map[string]any
		if err := yaml.Unmarshal(raw, &obj); err != nil {
			t.Fatal(err)
		}
		tp := obj["spec"].(map[string]any)["trafficPolicy"]
		over, _ := yaml.Marshal(tp)
		s := base()
		s.Overrides = string(over)
		if _, probs := s.Render(); !probs.HasErrors() {
			t.Errorf("%s: accepted as traffic_policy", f)
		}
		checked++
	}
	if checked < 12 {
		t.Fatalf("only %d fixtures checked", checked)
	}
}
