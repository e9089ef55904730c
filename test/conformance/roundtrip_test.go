package conformance

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/kubernetes/pkg/api/legacyscheme"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/test/conformance/crdvalidate"
)

// hashicorp/kubernetes `kubernetes_manifest` plans the object as rendered and
// fails with "inconsistent result after apply" when the API server returns it
// with a configured field changed or gone. Built-in kinds are stored as
// their Go types, whose JSON tags drop zero values (`globalDefault: false`,
// empty maps and lists) and canonicalize quantities, so every field a
// renderer emits must come back from the API server unchanged. (Custom
// resources are stored as the JSON sent, after pruning, which strict
// validation already rules out.)

// serverRoundTrip returns obj the way kube-apiserver returns it after a
// create: decoded into the versioned type, defaulted, converted to the
// internal type and back, encoded. known is false for kinds it does not know.
func serverRoundTrip(obj map[string]any) (out map[string]any, known bool, err error) {
	apiVersion, _ := obj["apiVersion"].(string)
	kind, _ := obj["kind"].(string)
	gv, err := schema.ParseGroupVersion(apiVersion)
	if err != nil {
		return nil, false, err
	}
	gvk := gv.WithKind(kind)
	if !legacyscheme.Scheme.Recognizes(gvk) {
		return nil, false, nil
	}
	versioned, err := legacyscheme.Scheme.New(gvk)
	if err != nil {
		return nil, true, err
	}
	raw, err := json.Marshal(obj)
	if err != nil {
		return nil, true, err
	}
	if err := json.Unmarshal(raw, versioned); err != nil {
		return nil, true, err
	}
	legacyscheme.Scheme.Default(versioned)
	internal, err := legacyscheme.Scheme.ConvertToVersion(versioned, schema.GroupVersion{Group: gv.Group, Version: runtime.APIVersionInternal})
	if err != nil {
		return nil, true, err
	}
	back, err := legacyscheme.Scheme.ConvertToVersion(internal, gv)
	if err != nil {
		return nil, true, err
	}
	raw, err = json.Marshal(back)
	if err != nil {
		return nil, true, err
	}
	out = map[string]any{}
	return out, true, json.Unmarshal(raw, &out)
}

// changedFields lists every field of sent that got is missing or has with
// another value (fields the server adds, such as defaults, are fine).
func changedFields(sent, got any, path string) []string {
	switch s := sent.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: sent an object, got %v", path, got)}
		}
		keys := make([]string, 0, len(s))
		for k := range s {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var out []string
		for _, k := range keys {
			gv, present := g[k]
			if !present {
				out = append(out, fmt.Sprintf("%s.%s: sent %s, the API server drops it", path, k, jsonText(s[k])))
				continue
			}
			out = append(out, changedFields(s[k], gv, path+"."+k)...)
		}
		return out
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(s) {
			return []string{fmt.Sprintf("%s: sent %s, got %s", path, jsonText(sent), jsonText(got))}
		}
		var out []string
		for i := range s {
			out = append(out, changedFields(s[i], g[i], fmt.Sprintf("%s[%d]", path, i))...)
		}
		return out
	default:
		if !reflect.DeepEqual(jsonValue(sent), jsonValue(got)) {
			return []string{fmt.Sprintf("%s: sent %s, the API server returns %s", path, jsonText(sent), jsonText(got))}
		}
		return nil
	}
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// jsonValue makes numbers comparable (int64 from YAML, float64 from JSON).
func jsonValue(v any) any {
	var out any
	_ = json.Unmarshal([]byte(jsonText(v)), &out)
	return out
}

// roundTripChanges returns what the API server would change in obj; nil
// for custom resources.
func roundTripChanges(obj map[string]any) ([]string, error) {
	back, known, err := serverRoundTrip(obj)
	if err != nil || !known {
		return nil, err
	}
	sent := jsonValue(obj)
	return changedFields(sent, back, ""), nil
}

func checkRoundTrip(t *testing.T, testdata string) int {
	t.Helper()
	n := 0
	files, _ := filepath.Glob(filepath.Join(testdata, "golden", "*.yaml"))
	for _, f := range files {
		docs, err := crdvalidate.ReadFile(f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for _, d := range docs {
			changes, err := roundTripChanges(d.Object)
			if err != nil {
				t.Errorf("%s: %v", d.Source, err)
				continue
			}
			if _, known, _ := serverRoundTrip(d.Object); known {
				n++
			}
			for _, c := range changes {
				t.Errorf("%s %v: %s", d.Source, d.Object["kind"], c)
			}
		}
	}
	return n
}

func TestWarmPoolGoldenObjectsRoundTrip(t *testing.T) {
	if n := checkRoundTrip(t, "../../internal/core/render/warmpool/testdata"); n < 15 {
		t.Fatalf("only %d built-in objects round-tripped", n)
	}
}

func TestAutoscalingGoldenObjectsRoundTrip(t *testing.T) {
	if n := checkRoundTrip(t, "../../internal/core/render/autoscaling/testdata"); n < 3 {
		t.Fatalf("only %d built-in objects round-tripped", n)
	}
}

// The check itself: a field the API server drops is reported.
func TestRoundTripReportsDroppedFields(t *testing.T) {
	pc := map[string]any{
		"apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass",
		"metadata": map[string]any{"name": "warm"}, "value": int64(-1), "globalDefault": false,
	}
	changes, err := roundTripChanges(pc)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 1 || changes[0] != ".globalDefault: sent false, the API server drops it" {
		t.Fatalf("want globalDefault reported as dropped, got %q", changes)
	}
	delete(pc, "globalDefault")
	if changes, _ := roundTripChanges(pc); len(changes) != 0 {
		t.Fatalf("defaults the server adds are not changes, got %q", changes)
	}
}

// k8sobj.CanonicalQuantity, which renderers use for quantities in built-in
// kinds, must keep the value and give a string the API server writes back
// unchanged: resource.ParseQuantity (what decoding a request runs) then
// String (what encoding the response runs).
func TestCanonicalQuantityIsStableOnTheAPIServer(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 2026))
	suffixes := []string{"", "", "m", "n", "u", "k", "M", "G", "T", "Ki", "Mi", "Gi", "Ti", "e3", "e-3", "E6", "e0", "e2"}
	wholes := []string{"0", "1", "2", "3", "10", "100", "999", "1000", "1023", "1024", "1500", "2048", "4000", "123456", "1048576", ""}
	fracs := []string{"", "", ".", ".0", ".5", ".25", ".1", ".001", ".0005", ".000000001", ".0000000001", ".333", ".75"}
	checked, changed := 0, 0
	for i := 0; i < 20000; i++ {
		number := pick(r, wholes...) + pick(r, fracs...)
		s := number + pick(r, suffixes...)
		sent, err := resource.ParseQuantity(s)
		got, ok := k8sobj.CanonicalQuantity(s)
		// apimachinery reads a number without digits (".", ".k") as 0; the
		// renderers' validation rejects those.
		if err != nil || !strings.ContainsAny(number, "0123456789") {
			if err != nil && ok {
				t.Errorf("%q: apimachinery rejects it (%v), CanonicalQuantity gives %q", s, err, got)
			}
			continue
		}
		checked++
		if !ok {
			t.Errorf("%q: a quantity, but CanonicalQuantity says it is not", s)
			continue
		}
		q, err := resource.ParseQuantity(got)
		if err != nil || q.Cmp(sent) != 0 {
			t.Errorf("%q: CanonicalQuantity gives %q, another value (%v)", s, got, err)
			continue
		}
		if back := q.String(); back != got {
			t.Errorf("%q: CanonicalQuantity gives %q, which the API server writes back as %q", s, got, back)
		}
		if sent.String() != s {
			changed++ // the API server would have changed the string as given
		}
	}
	if checked < 10000 || changed < 1000 {
		t.Fatalf("only %d quantities checked, %d of them changed by the server as given", checked, changed)
	}
	t.Logf("%d quantities checked, %d that the API server would rewrite as given", checked, changed)
}
