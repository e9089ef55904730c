package circuitbreaker

import "fmt"

// checkIstiod mirrors the checks istiod's validating webhook adds to the
// schema for the circuit-breaking parts (istio/pkg/config/validation:
// validateConnectionPool, validateOutlierDetection): the webhook is not
// part of the CRD, so an API server without Istio accepts what istiod
// would refuse.
func checkIstiod(policy map[string]any, out *[]issue) {
	checkPolicyParts(policy, "", out)
	for i, p := range anySlice(policy["portLevelSettings"]) {
		if pm, ok := p.(map[string]any); ok {
			checkPolicyParts(pm, fmt.Sprintf("portLevelSettings[%d]", i), out)
		}
	}
}

func checkPolicyParts(policy map[string]any, path string, out *[]issue) {
	if cp, ok := policy["connectionPool"].(map[string]any); ok {
		at := join(path, "connectionPool")
		httpS, hasHTTP := cp["http"].(map[string]any)
		tcpS, hasTCP := cp["tcp"].(map[string]any)
		if !hasHTTP && !hasTCP {
			*out = append(*out, issue{at, "connection pool must have at least one field (http or tcp)"})
		}
		if hasHTTP {
			nonNegative(httpS, join(at, "http"), out, "http1MaxPendingRequests", "http2MaxRequests", "maxRequestsPerConnection", "maxRetries", "maxConcurrentStreams")
			if httpS["h2UpgradePolicy"] == "UPGRADE" && httpS["useClientProtocol"] == true {
				*out = append(*out, issue{join(at, "http.useClientProtocol"), "must not be true when h2UpgradePolicy is UPGRADE"})
			}
		}
		if hasTCP {
			nonNegative(tcpS, join(at, "tcp"), out, "maxConnections")
		}
	}
	if od, ok := policy["outlierDetection"].(map[string]any); ok {
		at := join(path, "outlierDetection")
		for _, k := range []string{"maxEjectionPercent", "minHealthPercent"} {
			if f, ok := od[k].(float64); ok && (f < 0 || f > 100) {
				*out = append(*out, issue{join(at, k), fmt.Sprintf("is a percentage: 0 to 100, got %v", f)})
			}
		}
		if f, ok := od["consecutiveLocalOriginFailures"].(float64); ok && f > 0 && od["splitExternalLocalOriginErrors"] != true {
			*out = append(*out, issue{join(at, "consecutiveLocalOriginFailures"), "only counts when splitExternalLocalOriginErrors is true: set it, or remove this field"})
		}
	}
}

func nonNegative(obj map[string]any, path string, out *[]issue, fields ...string) {
	for _, k := range fields {
		if f, ok := obj[k].(float64); ok && f < 0 {
			*out = append(*out, issue{join(path, k), fmt.Sprintf("must not be negative, got %v", f)})
		}
	}
}
