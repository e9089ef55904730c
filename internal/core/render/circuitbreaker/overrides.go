package circuitbreaker

import (
	"fmt"
	"sort"
	"strings"

	"sigs.k8s.io/yaml"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// deprecated are fields the DestinationRule CRD still accepts (the schema
// of v1 is that of v1alpha3) but Istio has deprecated, keyed by
// "<parent>.<field>", with the correct form.
var deprecated = map[string]string{
	"outlierDetection.consecutiveErrors": "is deprecated (hidden from Istio's docs since 1.5, still in the schema) and Istio reads it as consecutiveGatewayErrors: use outlierDetection.consecutiveGatewayErrors to count 502/503/504 as it did, or outlierDetection.consecutive5xxErrors to count every 5xx",
	"loadBalancer.warmupDurationSecs":    "is deprecated: use loadBalancer.warmup.duration (e.g. warmup: {duration: 60s})",
	"consistentHash.minimumRingSize":     "is deprecated: use loadBalancer.consistentHash.ringHash.minimumRingSize",
}

// deprecatedValues are enum values Istio has deprecated.
var deprecatedValues = map[string]map[string]string{
	"loadBalancer.simple": {"LEAST_CONN": "LEAST_CONN is deprecated: use LEAST_REQUEST"},
}

// inventedFields are names the usual guides write that no Istio version
// has, keyed by "<parent>.<field>", with the real field.
var inventedFields = map[string]string{
	"http.maxPendingRequests":                    "connectionPool.http.http1MaxPendingRequests",
	"http.maxRequests":                           "connectionPool.http.http2MaxRequests",
	"http.maxConnections":                        "connectionPool.tcp.maxConnections",
	"http.maxRequestsPerConnections":             "connectionPool.http.maxRequestsPerConnection",
	"tcp.connectionTimeout":                      "connectionPool.tcp.connectTimeout",
	"tcp.maxPendingRequests":                     "connectionPool.http.http1MaxPendingRequests",
	"connectionPool.maxConnections":              "connectionPool.tcp.maxConnections",
	"connectionPool.http1MaxPendingRequests":     "connectionPool.http.http1MaxPendingRequests",
	"connectionPool.http2MaxRequests":            "connectionPool.http.http2MaxRequests",
	"outlierDetection.baseEjectionDuration":      "outlierDetection.baseEjectionTime",
	"outlierDetection.ejectionTime":              "outlierDetection.baseEjectionTime",
	"outlierDetection.maxEjectionPercentage":     "outlierDetection.maxEjectionPercent",
	"outlierDetection.consecutive5xx":            "outlierDetection.consecutive5xxErrors",
	"outlierDetection.consecutiveGatewayFailure": "outlierDetection.consecutiveGatewayErrors (Envoy calls it consecutive_gateway_failure; Istio's field is consecutiveGatewayErrors)",
	"outlierDetection.intervalMs":                "outlierDetection.interval (a duration such as 10s)",
	"trafficPolicy.circuitBreaker":               "trafficPolicy.connectionPool and trafficPolicy.outlierDetection (Istio has no circuitBreaker field; the two together are its circuit breaker)",
	"trafficPolicy.circuitBreakers":              "trafficPolicy.connectionPool and trafficPolicy.outlierDetection (Envoy's circuit_breakers are Istio's connectionPool)",
}

// parseOverrides reads the user's trafficPolicy fields (YAML or JSON). A
// document that is one trafficPolicy key is unwrapped; a whole
// DestinationRule is refused with the fix.
func parseOverrides(src string) (map[string]any, error) {
	var v any
	if err := yaml.Unmarshal([]byte(src), &v); err != nil {
		return nil, fmt.Errorf("not YAML or JSON: %w", err)
	}
	if v == nil {
		return nil, nil
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("must be an object of trafficPolicy fields (connectionPool, outlierDetection, ...), got %s", jsonType(v))
	}
	if _, whole := obj["spec"]; whole || obj["apiVersion"] != nil || obj["kind"] != nil {
		return nil, fmt.Errorf("give only the fields under spec.trafficPolicy (connectionPool, outlierDetection, ...), not a whole DestinationRule: host, name and namespace are attributes of this data source")
	}
	if tp, ok := obj["trafficPolicy"].(map[string]any); ok && len(obj) == 1 {
		return tp, nil
	}
	return obj, nil
}

// unknownField says what to write instead of a field the schema lacks.
func unknownField(parentPath, field string, siblings map[string]any) string {
	parent := parentPath
	if i := strings.LastIndexAny(parentPath, ".]"); i >= 0 {
		parent = parentPath[i+1:]
	}
	if parent == "" {
		parent = "trafficPolicy"
	}
	if fix, ok := inventedFields[parent+"."+field]; ok {
		return fmt.Sprintf("%q is not a DestinationRule field: use %s", field, fix)
	}
	names := make([]string, 0, len(siblings))
	for n := range siblings {
		names = append(names, n)
	}
	sort.Strings(names)
	msg := fmt.Sprintf("%q is not a field of %s in networking.istio.io/v1 (Istio 1.32)", field, parent)
	if best := problem.Suggest(field, names, 1); len(best) > 0 {
		msg += fmt.Sprintf(": did you mean %s?", best[0])
	}
	return msg + " Fields here: " + strings.Join(names, ", ")
}

// checkDeprecated reports deprecated fields and values anywhere in the
// overrides (top level and portLevelSettings).
func checkDeprecated(v any, path string, out *[]issue) {
	obj, ok := v.(map[string]any)
	if !ok {
		if arr, ok := v.([]any); ok {
			for i, e := range arr {
				checkDeprecated(e, fmt.Sprintf("%s[%d]", path, i), out)
			}
		}
		return
	}
	parent := path
	if i := strings.LastIndexAny(path, ".]"); i >= 0 {
		parent = path[i+1:]
	}
	for _, k := range sortedKeys(obj) {
		child := join(path, k)
		if msg, ok := deprecated[parent+"."+k]; ok {
			*out = append(*out, issue{child, msg})
		}
		if vals, ok := deprecatedValues[parent+"."+k]; ok {
			if msg, bad := vals[fmt.Sprint(obj[k])]; bad {
				*out = append(*out, issue{child, msg})
			}
		}
		checkDeprecated(obj[k], child, out)
	}
}

// merge lays the overrides over the derived policy (objects merge, other
// values replace) and lists the derived fields the user replaced.
func merge(base, over map[string]any, path string, replaced *[]string) {
	for _, k := range sortedKeys(over) {
		child := join(path, k)
		bm, bIsMap := base[k].(map[string]any)
		om, oIsMap := over[k].(map[string]any)
		if bIsMap && oIsMap {
			merge(bm, om, child, replaced)
			continue
		}
		if _, had := base[k]; had {
			*replaced = append(*replaced, child)
		}
		if over[k] == nil {
			delete(base, k) // null removes a derived field
			continue
		}
		base[k] = withoutNulls(over[k])
	}
}

// withoutNulls drops null values (which only mean "remove") from a value
// that has no derived counterpart.
func withoutNulls(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range t {
			if e != nil {
				out[k] = withoutNulls(e)
			}
		}
		return out
	case []any:
		out := make([]any, 0, len(t))
		for _, e := range t {
			if e != nil {
				out = append(out, withoutNulls(e))
			}
		}
		return out
	}
	return v
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
