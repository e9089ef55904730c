package objectset

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
)

// Project keeps the parts of live (an object read from the cluster) that
// desired sets: map keys desired has, list elements position by position.
// Defaults the server added, status and metadata it manages drop out, so
// what remains compares with desired and shows only what someone changed.
func Project(live, desired any) any {
	switch d := desired.(type) {
	case map[string]any:
		l, ok := live.(map[string]any)
		if !ok {
			return live
		}
		out := make(map[string]any, len(d))
		for k, dv := range d {
			if lv, ok := l[k]; ok {
				out[k] = Project(lv, dv)
			}
		}
		return out
	case []any:
		l, ok := live.([]any)
		if !ok {
			return live
		}
		out := make([]any, len(l))
		for i, lv := range l {
			if i < len(d) {
				out[i] = Project(lv, d[i])
			} else {
				out[i] = lv
			}
		}
		return out
	}
	return live
}

// OwnedFields is the digest of the fields a field manager owns through
// server-side apply on a live object (its managedFields entry with
// operation Apply), and whether there is such an entry. The server moves a
// field to whoever changes it, so a digest that differs from the one taken
// right after our apply means someone changed or removed a value we set.
func OwnedFields(live map[string]any, manager string) (string, bool) {
	meta, _ := live["metadata"].(map[string]any)
	entries, _ := meta["managedFields"].([]any)
	for _, e := range entries {
		m, _ := e.(map[string]any)
		if m["manager"] != manager || m["operation"] != "Apply" || (m["subresource"] != nil && m["subresource"] != "") {
			continue
		}
		raw, err := json.Marshal(m["fieldsV1"]) // sorted keys: a canonical form
		if err != nil {
			return "", false
		}
		sum := sha256.Sum256(raw)
		return fmt.Sprintf("%x", sum[:16]), true
	}
	return "", false
}
