package modules

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/scalingkit/terraform-provider-scaling/internal/provider"
)

// shape is what a module must accept for one input attribute: a primitive,
// a collection of shapes, or an object of named shapes. It is built from
// the provider schema and, for the modules, from their variable types.
type shape struct {
	kind  string // "string", "number", "bool", "dynamic", "list", "set", "map", "object"
	elem  *shape
	attrs map[string]*shape
}

func (s *shape) String() string {
	switch s.kind {
	case "list", "set", "map":
		return s.kind + "(" + s.elem.String() + ")"
	case "object":
		names := make([]string, 0, len(s.attrs))
		for n := range s.attrs {
			names = append(names, n)
		}
		sort.Strings(names)
		return "object(" + strings.Join(names, ", ") + ")"
	}
	return s.kind
}

// providerInputs returns, per data source and resource type, the shape of
// the attributes and blocks a configuration may set (computed-only ones
// left out), read from the provider's GetProviderSchema in process.
func providerInputs(t *testing.T) map[string]*shape {
	t.Helper()
	server := providerserver.NewProtocol6(provider.New("test")())()
	resp, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			t.Fatalf("provider schema: %s: %s", d.Summary, d.Detail)
		}
	}
	out := map[string]*shape{}
	for name, s := range resp.DataSourceSchemas {
		out[name] = blockShape(s.Block)
	}
	for name, s := range resp.ResourceSchemas {
		out[name] = blockShape(s.Block)
	}
	return out
}

func blockShape(b *tfprotov6.SchemaBlock) *shape {
	obj := &shape{kind: "object", attrs: map[string]*shape{}}
	for _, a := range b.Attributes {
		if !a.Required && !a.Optional {
			continue
		}
		if a.NestedType != nil {
			obj.attrs[a.Name] = nestedShape(a.NestedType)
		} else {
			obj.attrs[a.Name] = tfTypeShape(a.Type)
		}
	}
	for _, nb := range b.BlockTypes {
		inner := blockShape(nb.Block)
		switch nb.Nesting {
		case tfprotov6.SchemaNestedBlockNestingModeSingle, tfprotov6.SchemaNestedBlockNestingModeGroup:
			obj.attrs[nb.TypeName] = inner
		case tfprotov6.SchemaNestedBlockNestingModeSet:
			obj.attrs[nb.TypeName] = &shape{kind: "set", elem: inner}
		case tfprotov6.SchemaNestedBlockNestingModeMap:
			obj.attrs[nb.TypeName] = &shape{kind: "map", elem: inner}
		default:
			obj.attrs[nb.TypeName] = &shape{kind: "list", elem: inner}
		}
	}
	return obj
}

func nestedShape(o *tfprotov6.SchemaObject) *shape {
	inner := &shape{kind: "object", attrs: map[string]*shape{}}
	for _, a := range o.Attributes {
		if !a.Required && !a.Optional {
			continue
		}
		if a.NestedType != nil {
			inner.attrs[a.Name] = nestedShape(a.NestedType)
		} else {
			inner.attrs[a.Name] = tfTypeShape(a.Type)
		}
	}
	switch o.Nesting {
	case tfprotov6.SchemaObjectNestingModeList:
		return &shape{kind: "list", elem: inner}
	case tfprotov6.SchemaObjectNestingModeSet:
		return &shape{kind: "set", elem: inner}
	case tfprotov6.SchemaObjectNestingModeMap:
		return &shape{kind: "map", elem: inner}
	}
	return inner
}

func tfTypeShape(t tftypes.Type) *shape {
	switch {
	case t.Is(tftypes.String):
		return &shape{kind: "string"}
	case t.Is(tftypes.Number):
		return &shape{kind: "number"}
	case t.Is(tftypes.Bool):
		return &shape{kind: "bool"}
	case t.Is(tftypes.List{}):
		return &shape{kind: "list", elem: tfTypeShape(t.(tftypes.List).ElementType)}
	case t.Is(tftypes.Set{}):
		return &shape{kind: "set", elem: tfTypeShape(t.(tftypes.Set).ElementType)}
	case t.Is(tftypes.Map{}):
		return &shape{kind: "map", elem: tfTypeShape(t.(tftypes.Map).ElementType)}
	case t.Is(tftypes.Object{}):
		obj := &shape{kind: "object", attrs: map[string]*shape{}}
		for n, at := range t.(tftypes.Object).AttributeTypes {
			obj.attrs[n] = tfTypeShape(at)
		}
		return obj
	}
	return &shape{kind: "dynamic"}
}
