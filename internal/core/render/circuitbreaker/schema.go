package circuitbreaker

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"time"
)

// trafficPolicySchema is the OpenAPI schema of spec.trafficPolicy in the
// DestinationRule v1 CRD of istio.io/api v1.32.0
// (kubernetes/customresourcedefinitions.gen.yaml), descriptions removed.
// test/conformance/circuitbreaker regenerates it from the pinned CRD and
// fails when this copy differs.
//
//go:embed trafficpolicy_schema.json
var trafficPolicySchemaJSON []byte

// Parsed on first use rather than at package init: every provider process
// runs the package inits (terraform starts three or four per plan), and
// most never render a circuit breaker.
var trafficPolicySchema = sync.OnceValue(func() map[string]any {
	var s map[string]any
	if err := json.Unmarshal(trafficPolicySchemaJSON, &s); err != nil {
		panic(err)
	}
	return s
})

// issue is one schema violation at a dotted path.
type issue struct{ path, msg string }

// checkSchema validates v against the schema s the way the API server's
// structural schema does for the keywords the trafficPolicy schema uses:
// properties (unknown fields are errors, as with strict field
// validation), additionalProperties, items, type, enum, minimum/maximum,
// int32 formats, required, oneOf/anyOf/allOf/not over required fields,
// nullable, and the CEL duration rule.
func checkSchema(s map[string]any, v any, path string, out *[]issue) {
	add := func(format string, args ...any) { *out = append(*out, issue{path, fmt.Sprintf(format, args...)}) }
	if v == nil {
		return // null removes the field (merge deletes it)
	}
	if s["x-kubernetes-preserve-unknown-fields"] == true || s["x-kubernetes-int-or-string"] == true {
		return
	}
	switch s["type"] {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			add("must be an object, got %s", jsonType(v))
			return
		}
		checkObject(s, obj, path, out)
	case "array":
		arr, ok := v.([]any)
		if !ok {
			add("must be a list, got %s", jsonType(v))
			return
		}
		if m, ok := s["maxItems"].(float64); ok && float64(len(arr)) > m {
			add("at most %v items, got %d", m, len(arr))
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, e := range arr {
				checkSchema(items, e, fmt.Sprintf("%s[%d]", path, i), out)
			}
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			add("must be a string, got %s", jsonType(v))
			return
		}
		if enum, ok := s["enum"].([]any); ok && !containsAny(enum, str) {
			add("%q is not one of %s", str, joinAny(enum))
		}
		if hasDurationRule(s) {
			if msg := durationProblem(str); msg != "" {
				add("%s", msg)
			}
		}
	case "integer", "number":
		f, ok := v.(float64)
		if !ok {
			add("must be a number, got %s", jsonType(v))
			return
		}
		if s["type"] == "integer" && f != math.Trunc(f) {
			add("must be a whole number, got %v", f)
		}
		lo, hi := bounds(s)
		if f < lo || f > hi {
			add("must be %s to %s, got %v", fmtBound(lo), fmtBound(hi), f)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			add("must be true or false, got %s", jsonType(v))
		}
	}
}

func checkObject(s map[string]any, obj map[string]any, path string, out *[]issue) {
	props, _ := s["properties"].(map[string]any)
	extra, _ := s["additionalProperties"].(map[string]any)
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		child := join(path, k)
		if p, ok := props[k].(map[string]any); ok {
			checkSchema(p, obj[k], child, out)
			continue
		}
		if extra != nil {
			checkSchema(extra, obj[k], child, out)
			continue
		}
		*out = append(*out, issue{child, unknownField(path, k, props)})
	}
	for _, r := range anySlice(s["required"]) {
		if obj[r.(string)] == nil {
			*out = append(*out, issue{join(path, r.(string)), "is required here"})
		}
	}
	for _, kw := range []string{"oneOf", "anyOf", "allOf", "not"} {
		if _, ok := s[kw]; ok && !satisfies(map[string]any{kw: s[kw]}, obj) {
			*out = append(*out, issue{path, fmt.Sprintf("set at most one of %s", strings.Join(exclusiveKeys(s[kw]), ", "))})
		}
	}
}

// satisfies evaluates the boolean keywords over the object's keys.
func satisfies(s map[string]any, obj map[string]any) bool {
	ok := true
	for _, r := range anySlice(s["required"]) {
		_, has := obj[r.(string)]
		ok = ok && has
	}
	if n, has := s["not"].(map[string]any); has {
		ok = ok && !satisfies(n, obj)
	}
	if all, has := s["allOf"]; has {
		for _, b := range anySlice(all) {
			ok = ok && satisfies(b.(map[string]any), obj)
		}
	}
	if alts, has := s["anyOf"]; has {
		found := false
		for _, b := range anySlice(alts) {
			found = found || satisfies(b.(map[string]any), obj)
		}
		ok = ok && found
	}
	if one, has := s["oneOf"]; has {
		n := 0
		for _, b := range anySlice(one) {
			if satisfies(b.(map[string]any), obj) {
				n++
			}
		}
		ok = ok && n == 1
	}
	return ok
}

// exclusiveKeys lists the fields a oneOf/allOf names, for the message.
func exclusiveKeys(v any) []string {
	set := map[string]bool{}
	var walk func(any)
	walk = func(x any) {
		switch t := x.(type) {
		case map[string]any:
			for _, r := range anySlice(t["required"]) {
				set[r.(string)] = true
			}
			for _, kw := range []string{"oneOf", "anyOf", "allOf", "not"} {
				walk(t[kw])
			}
		case []any:
			for _, e := range t {
				walk(e)
			}
		}
	}
	walk(v)
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func hasDurationRule(s map[string]any) bool {
	for _, r := range anySlice(s["x-kubernetes-validations"]) {
		if m, ok := r.(map[string]any); ok && strings.Contains(fmt.Sprint(m["rule"]), "duration(self)") {
			return true
		}
	}
	return false
}

// durationProblem mirrors the CRD's CEL rule (a duration of at least 1ms)
// and istiod's (whole milliseconds).
func durationProblem(s string) string {
	d, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Sprintf("%q is not a duration (e.g. 30s, 500ms, 5m)", s)
	}
	if d < time.Millisecond {
		return fmt.Sprintf("%q: must be at least 1ms", s)
	}
	if d%time.Millisecond != 0 {
		return fmt.Sprintf("%q: Istio takes whole milliseconds", s)
	}
	return ""
}

// bounds are the schema's minimum/maximum, narrowed by an int32 format.
func bounds(s map[string]any) (lo, hi float64) {
	lo, hi = math.Inf(-1), math.Inf(1)
	if s["format"] == "int32" {
		lo, hi = math.MinInt32, math.MaxInt32
	}
	if m, ok := s["minimum"].(float64); ok {
		lo = math.Max(lo, m)
	}
	if m, ok := s["maximum"].(float64); ok {
		hi = math.Min(hi, m)
	}
	return lo, hi
}

func fmtBound(f float64) string {
	if math.IsInf(f, 0) {
		return "any"
	}
	return fmt.Sprintf("%.0f", f)
}

func jsonType(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case float64:
		return "a number"
	}
	return fmt.Sprintf("%T", v)
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

func anySlice(v any) []any { s, _ := v.([]any); return s }

func containsAny(vals []any, s string) bool {
	for _, v := range vals {
		if v == s {
			return true
		}
	}
	return false
}

func joinAny(vals []any) string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = fmt.Sprint(v)
	}
	return strings.Join(out, ", ")
}
