package circuitbreaker

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/golang/protobuf/jsonpb" //nolint:staticcheck // the decoder istio.io/api's types use
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/descriptorpb"
	networking "istio.io/api/networking/v1alpha3"

	"github.com/scalingkit/terraform-provider-scaling/test/conformance/crdvalidate"
)

const cbRender = "../../../internal/core/render/circuitbreaker/testdata/"

var (
	istioOnce sync.Once
	istioSet  *crdvalidate.Set
	istioErr  error
)

// istioCRD loads DestinationRule from the pinned istio.io/api CRD file.
func istioCRD(t testing.TB) *crdvalidate.Set {
	t.Helper()
	istioOnce.Do(func() {
		istioSet = crdvalidate.NewSet()
		var path string
		if path, istioErr = crdvalidate.Istio.File(crdvalidate.IstioCRDFile); istioErr == nil {
			istioErr = istioSet.AddFileCRDs(path, "destinationrules.networking.istio.io")
		}
	})
	if istioErr != nil {
		t.Fatal(istioErr)
	}
	return istioSet
}

// istioSpec decodes a DestinationRule's spec into Istio's own protobuf
// type with the decoder Istio uses (golang/protobuf jsonpb, which also
// reads Go-style durations such as 5m), made strict: unknown fields,
// unknown enum names and bad durations are errors.
func istioSpec(obj map[string]any) (*networking.DestinationRule, error) {
	raw, err := json.Marshal(obj["spec"])
	if err != nil {
		return nil, err
	}
	var dr networking.DestinationRule
	u := jsonpb.Unmarshaler{AllowUnknownFields: false}
	if err := u.Unmarshal(bytes.NewReader(raw), &dr); err != nil {
		return nil, err
	}
	return &dr, nil
}

// deprecatedUses lists the deprecated fields and enum values set in m.
func deprecatedUses(m protoreflect.Message) []string {
	var out []string
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		if o, ok := fd.Options().(*descriptorpb.FieldOptions); ok && o.GetDeprecated() {
			out = append(out, string(fd.FullName()))
		}
		switch {
		case fd.IsList() && fd.Message() != nil:
			for i := 0; i < v.List().Len(); i++ {
				out = append(out, deprecatedUses(v.List().Get(i).Message())...)
			}
		case fd.IsMap() && fd.MapValue().Message() != nil:
			v.Map().Range(func(_ protoreflect.MapKey, mv protoreflect.Value) bool {
				out = append(out, deprecatedUses(mv.Message())...)
				return true
			})
		case fd.Message() != nil && !fd.IsList() && !fd.IsMap():
			out = append(out, deprecatedUses(v.Message())...)
		case fd.Enum() != nil && !fd.IsList():
			ev := fd.Enum().Values().ByNumber(v.Enum())
			if ev != nil {
				if o, ok := ev.Options().(*descriptorpb.EnumValueOptions); ok && o.GetDeprecated() {
					out = append(out, string(ev.FullName()))
				}
			}
		}
		return true
	})
	return out
}

// commentDeprecated lists the set fields whose declaration in the pinned
// destination_rule.proto is preceded by a "Deprecated" comment.
func commentDeprecated(t testing.TB, m protoreflect.Message) []string {
	path, err := crdvalidate.Istio.File("networking/v1alpha3/destination_rule.proto")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	var out []string
	var walk func(protoreflect.Message)
	walk = func(m protoreflect.Message) {
		m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
			decl := regexp.MustCompile(`^\s*\S+\s+` + string(fd.Name()) + `\s*=`)
			for i, l := range lines {
				if decl.MatchString(l) && i > 0 && strings.Contains(lines[i-1], "Deprecated") {
					out = append(out, string(fd.FullName()))
				}
			}
			if fd.Message() != nil && !fd.IsList() && !fd.IsMap() {
				walk(v.Message())
			}
			return true
		})
	}
	walk(m)
	return out
}

// istioAccepts is the whole check for one rendered DestinationRule: the
// CRD (schema, CEL, strict fields), Istio's types, no deprecated field.
func istioAccepts(t testing.TB, obj map[string]any) error {
	if errs := istioCRD(t).Validate(obj); len(errs) > 0 {
		return errs.ToAggregate()
	}
	dr, err := istioSpec(obj)
	if err != nil {
		return fmt.Errorf("Istio's types refuse it: %v", err)
	}
	if dep := deprecatedUses(dr.ProtoReflect()); len(dep) > 0 {
		return fmt.Errorf("uses deprecated %v", dep)
	}
	return nil
}

func TestDestinationRuleGoldenAndInvalidFiles(t *testing.T) {
	c := crdvalidate.CheckDir(t, istioCRD(t), cbRender+"golden/*.yaml", cbRender+"invalid/*.yaml")
	if c.Valid < 2 || c.Invalid < 6 || c.Skipped > 0 {
		t.Errorf("checked too little: %+v", c)
	}
	t.Logf("DestinationRule CRD: %d golden objects accepted, %d known-invalid objects rejected", c.Valid, c.Invalid)
}

// Golden objects decode strictly into Istio's types and use nothing
// deprecated; the deprecated fixtures pass the CRD (it still carries the
// v1alpha3 fields) and the walk finds what is deprecated in each.
func TestDestinationRuleIstioTypes(t *testing.T) {
	golden, _ := filepath.Glob(cbRender + "golden/*.yaml")
	for _, f := range golden {
		docs, err := crdvalidate.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			if err := istioAccepts(t, d.Object); err != nil {
				t.Errorf("%s: %v", d.Source, err)
			}
		}
	}
	deprecated, _ := filepath.Glob(cbRender + "deprecated/*.yaml")
	found := 0
	for _, f := range deprecated {
		docs, err := crdvalidate.ReadFile(f)
		if err != nil || len(docs) != 1 {
			t.Fatalf("%s: %v", f, err)
		}
		if errs := istioCRD(t).Validate(docs[0].Object); len(errs) > 0 {
			t.Errorf("%s: the CRD rejects it (move it to testdata/invalid): %v", f, errs.ToAggregate())
		}
		dr, err := istioSpec(docs[0].Object)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		dep := deprecatedUses(dr.ProtoReflect())
		if len(dep) == 0 {
			// Some fields are deprecated only in the .proto's comment.
			dep = commentDeprecated(t, dr.ProtoReflect())
		}
		if len(dep) == 0 {
			t.Errorf("%s: no deprecated field found, but %s", f, docs[0].Reason)
			continue
		}
		t.Logf("%s: deprecated %v", filepath.Base(f), dep)
		found++
	}
	// What only istiod's webhook refuses passes the CRD and Istio's types:
	// the renderer's own checks (TestFixturePoliciesAreRefused there) are
	// all that stands between these and an apply.
	istiod, _ := filepath.Glob(cbRender + "istiod-invalid/*.yaml")
	for _, f := range istiod {
		docs, err := crdvalidate.ReadFile(f)
		if err != nil || len(docs) != 1 {
			t.Fatalf("%s: %v", f, err)
		}
		if err := istioAccepts(t, docs[0].Object); err != nil {
			t.Errorf("%s: already refused without istiod (move it to testdata/invalid): %v", f, err)
		}
	}
	if len(golden) < 2 || found < 3 || len(istiod) < 4 {
		t.Fatalf("checked too little: %d golden files, %d deprecated fixtures", len(golden), found)
	}
}
