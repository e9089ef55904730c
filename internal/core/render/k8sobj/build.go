package k8sobj

// Helpers for building an object as JSON-shaped maps and lists, leaving
// out the fields the input does not set.

// SetString sets o[key] to v, unless v is empty.
func SetString(o Object, key, v string) {
	if v != "" {
		o[key] = v
	}
}

// SetInt sets o[key] to *v, unless v is nil.
func SetInt(o Object, key string, v *int64) {
	if v != nil {
		o[key] = *v
	}
}

// SetBool sets o[key] to *v, unless v is nil.
func SetBool(o Object, key string, v *bool) {
	if v != nil {
		o[key] = *v
	}
}

// SetStringMap sets o[key] to m as a JSON object, unless m is empty.
func SetStringMap(o Object, key string, m map[string]string) {
	if len(m) > 0 {
		o[key] = StringMap(m)
	}
}

// Strings is vals as a JSON list.
func Strings(vals []string) []any {
	out := make([]any, len(vals))
	for i, v := range vals {
		out[i] = v
	}
	return out
}

// StringMap is m as a JSON object.
func StringMap(m map[string]string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
