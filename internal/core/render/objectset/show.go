package objectset

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Plans show each object as YAML so a reviewer sees what changes. A few
// objects are too large to read in a plan (a CRD's schema is hundreds of
// kilobytes): a value larger than ShowLimit bytes (as JSON) is opened up to
// ShowDepth levels deep, and what is still too large there is shown as its
// digest, which changes whenever its content does.
const (
	ShowLimit = 8 << 10
	ShowDepth = 4
)

// Show is the text a plan shows for an object: canonical YAML (sorted keys),
// apiVersion, kind and metadata always in full.
func Show(body k8sobj.Object) (string, error) {
	shown := make(map[string]any, len(body))
	for k, v := range body {
		switch k {
		case "apiVersion", "kind", "metadata":
			shown[k] = v
		default:
			shown[k] = summarize(v, 1)
		}
	}
	return k8sobj.YAML(shown)
}

func summarize(v any, depth int) any {
	raw, err := json.Marshal(v)
	if err != nil || len(raw) <= ShowLimit {
		return v
	}
	if depth < ShowDepth {
		switch t := v.(type) {
		case map[string]any:
			out := make(map[string]any, len(t))
			for k, e := range t {
				out[k] = summarize(e, depth+1)
			}
			return out
		case []any:
			out := make([]any, len(t))
			for i, e := range t {
				out[i] = summarize(e, depth+1)
			}
			return out
		}
	}
	sum := sha256.Sum256(raw) // json.Marshal sorts map keys: same content, same digest
	return fmt.Sprintf("(%d bytes, sha256:%x, too large to show in a plan)", len(raw), sum[:8])
}
