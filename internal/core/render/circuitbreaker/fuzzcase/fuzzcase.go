// Package fuzzcase turns fuzzer arguments into DestinationRule renderer
// inputs. It is shared by the renderer's own fuzz test (never panics;
// accepted input renders deterministically) and test/conformance's
// (accepted input passes the Istio CRD and decodes strictly into Istio's
// types without deprecated fields), so both explore the same input space.
package fuzzcase

import (
	"fmt"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/circuitbreaker"
)

// Snippets are trafficPolicy overrides the fuzzer picks from and fills
// with its own values: real fields, wrong types, guide mistakes.
var Snippets = []string{
	"",
	"connectionPool:\n  tcp:\n    connectTimeout: %s\n",
	"connectionPool:\n  http:\n    http2MaxRequests: %s\n",
	"outlierDetection:\n  maxEjectionPercent: %s\n",
	"outlierDetection:\n  interval: %s\n  baseEjectionTime: %s\n",
	"outlierDetection:\n  consecutiveErrors: %s\n",
	"loadBalancer:\n  simple: %s\n",
	"loadBalancer:\n  simple: LEAST_REQUEST\n  warmup:\n    duration: %s\n    minimumPercent: %s\n",
	"connectionPool:\n  http:\n    h2UpgradePolicy: %s\n    useClientProtocol: true\n",
	"outlierDetection:\n  consecutiveLocalOriginFailures: %s\n  splitExternalLocalOriginErrors: %s\n",
	"loadBalancer:\n  consistentHash:\n    httpHeaderName: %s\n    ringHash:\n      minimumRingSize: %s\n",
	"tls:\n  mode: %s\n",
	"connectionPool:\n  tcp:\n    tcpKeepalive:\n      time: %s\n      probes: %s\n",
	"%s: %s\n",
	"{\"connectionPool\": {\"http\": {\"maxRetries\": %s}}}",
}

// Spec builds a spec; bits of flags switch optional parts on.
func Spec(host, v1, v2 string, rps, seconds, ready float64, n int64, snippet uint8, flags uint16) circuitbreaker.Spec {
	on := func(bit uint) bool { return flags&(1<<bit) != 0 }
	s := circuitbreaker.Spec{Host: host, RequestsPerSecondPerPod: rps, ServiceSeconds: seconds / 10, ReadyReplicas: int64(ready), SecondsUntilReady: seconds}
	if on(0) {
		c := n
		s.ConcurrencyPerPod = &c
	}
	if on(1) {
		k := n % 100
		s.ClientProxies = &k
	}
	if on(2) {
		u := seconds / 100
		s.TargetUtilization = &u
	}
	if on(3) {
		w := rps / 10
		s.MaxQueueWaitSeconds = &w
	}
	if on(4) {
		r := seconds / 50
		s.RetryShare = &r
	}
	if on(5) {
		c := n % 20
		s.Consecutive5xxErrors = &c
	}
	if on(6) {
		w := seconds * 2
		s.WarmupSeconds = &w
	}
	if on(7) {
		s.Name, s.Namespace = v1, v2
	}
	snip := Snippets[int(snippet)%len(Snippets)]
	switch countVerbs(snip) {
	case 1:
		s.Overrides = fmt.Sprintf(snip, v1)
	case 2:
		s.Overrides = fmt.Sprintf(snip, v1, v2)
	}
	return s
}

func countVerbs(s string) int {
	n := 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '%' && s[i+1] == 's' {
			n++
		}
	}
	return n
}

// Seed is one seed corpus entry.
type Seed struct {
	Host, V1, V2        string
	RPS, Seconds, Ready float64
	N                   int64
	Snippet             uint8
	Flags               uint16
}

// Seeds start the fuzzer near valid and near-invalid inputs.
var Seeds = []Seed{
	{"checkout.shop.svc.cluster.local", "500ms", "30s", 50, 45, 20, 3, 1, 0x0002},
	{"api", "64", "x", 200, 8, 6, 64, 2, 0x00ff},
	{"*.example.com", "25", "5", 10, 30, 3, 5, 3, 0x0040},
	{"checkout", "10s", "30s", 5, 60, 2, 0, 4, 0x0000},
	{"checkout", "5", "", 5, 60, 2, 0, 5, 0x0000},
	{"checkout", "LEAST_CONN", "", 5, 60, 2, 0, 6, 0x0000},
	{"checkout", "60s", "10", 5, 60, 2, 0, 7, 0x0000},
	{"checkout", "UPGRADE", "", 5, 60, 2, 0, 8, 0x0000},
	{"checkout", "3", "false", 5, 60, 2, 0, 9, 0x0000},
	{"checkout", "x-user", "1024", 5, 60, 2, 0, 10, 0x0000},
	{"checkout", "ISTIO_MUTUAL", "", 5, 60, 2, 0, 11, 0x0000},
	{"checkout", "2h", "9", 5, 60, 2, 0, 12, 0x0000},
	{"checkout", "circuitBreaker", "{}", 5, 60, 2, 0, 13, 0x0000},
	{"Checkout", "-1", "", -5, 0, 0, -1, 14, 0xffff},
}
