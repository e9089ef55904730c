package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
	"github.com/scalingkit/terraform-provider-scaling/internal/provider"
)

// CheckProblemPaths runs the offline data source typeName
// (scaling_karpenter_node_pool) in process on base (a
// configuration as attribute name -> value: string, bool, int or float64,
// []any for lists, map[string]any for maps and nested objects) and on
// every variant of it that sets one attribute, nested ones included, to a
// value a user could type that is likely wrong (empty, malformed, at a
// bound, an empty or duplicated list, an empty object). It fails when a
// diagnostic names an attribute path that is not in the schema (a core
// reporting a problem against a name the user cannot find), when a
// diagnostic says "always an error" (the framework's conversion errors),
// or when the data source panics. It fails too when no variant draws a
// diagnostic on an attribute (the check would be vacuous).
func CheckProblemPaths(t *testing.T, typeName string, base map[string]any) {
	t.Helper()
	ctx := context.Background()
	newDS := dataSourceNamed(t, typeName)
	ds := newDS()
	var sresp datasource.SchemaResponse
	ds.Schema(ctx, datasource.SchemaRequest{}, &sresp)
	s := sresp.Schema
	typ := s.Type().TerraformType(ctx).(tftypes.Object)
	runs, checked := 0, 0
	reported := map[string]bool{} // one failure per bad path
	run := func(cfg map[string]any) {
		runs++
		for _, d := range runDataSource(ctx, newDS(), s, typ, cfg) {
			cfgJSON, _ := json.Marshal(cfg)
			if strings.Contains(d.Summary()+d.Detail(), "always an error") || strings.HasPrefix(d.Summary(), "panic") {
				t.Errorf("%s: %s\nconfiguration: %s", d.Summary(), d.Detail(), cfgJSON)
				continue
			}
			wp, ok := d.(diag.DiagnosticWithPath)
			if !ok {
				continue
			}
			checked++
			if _, diags := s.TypeAtPath(ctx, wp.Path()); diags.HasError() && !reported[wp.Path().String()] {
				reported[wp.Path().String()] = true
				t.Errorf("the diagnostic %q (%s) names %s, which is not in the schema\nconfiguration: %s", d.Summary(), d.Detail(), wp.Path(), cfgJSON)
			}
		}
	}
	run(base)
	variants(s.Attributes, base, run)
	if checked == 0 {
		t.Errorf("none of %d configurations drew a diagnostic on an attribute", runs)
	}
	t.Logf("%d configurations, %d diagnostics on attributes checked", runs, checked)
}

// dataSourceNamed is the provider's data source of that type.
func dataSourceNamed(t *testing.T, typeName string) func() datasource.DataSource {
	t.Helper()
	for _, newDS := range provider.New("test")().DataSources(context.Background()) {
		var meta datasource.MetadataResponse
		newDS().Metadata(context.Background(), datasource.MetadataRequest{ProviderTypeName: provider.TypeName}, &meta)
		if meta.TypeName == typeName {
			return newDS
		}
	}
	t.Fatalf("the provider has no data source %s", typeName)
	return nil
}

// runDataSource is what terraform does at plan time: validate the
// configuration, then, without errors, read.
func runDataSource(ctx context.Context, ds datasource.DataSource, s schema.Schema, typ tftypes.Object, cfg map[string]any) (diags diag.Diagnostics) {
	defer func() {
		if r := recover(); r != nil {
			diags.AddError("panic", fmt.Sprint(r))
		}
	}()
	raw := tfValue(typ, cfg)
	config := tfsdk.Config{Schema: s, Raw: raw}
	if v, ok := ds.(datasource.DataSourceWithValidateConfig); ok {
		var vresp datasource.ValidateConfigResponse
		v.ValidateConfig(ctx, datasource.ValidateConfigRequest{Config: config}, &vresp)
		diags.Append(vresp.Diagnostics...)
		if diags.HasError() {
			return diags
		}
	}
	rresp := datasource.ReadResponse{State: tfsdk.State{Schema: s, Raw: tftypes.NewValue(typ, nil)}}
	ds.Read(ctx, datasource.ReadRequest{Config: config}, &rresp)
	return append(diags, rresp.Diagnostics...)
}

// variants calls emit with copies of obj, each with one attribute of
// attrs (or of a nested object below it) set to a likely wrong value.
func variants(attrs map[string]schema.Attribute, obj map[string]any, emit func(map[string]any)) {
	names := make([]string, 0, len(attrs))
	for name := range attrs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		a := attrs[name]
		if !a.IsOptional() && !a.IsRequired() {
			continue
		}
		with := func(v any) {
			cp := make(map[string]any, len(obj)+1)
			for k, e := range obj {
				cp[k] = e
			}
			cp[name] = v
			emit(cp)
		}
		switch n := a.(type) {
		case schema.StringAttribute:
			for _, v := range []string{"", "!", "0", "-1", "Never", "a b", "A", strings.Repeat("a", 300), "0 25 * * *"} {
				with(v)
			}
		case schema.BoolAttribute:
			with(true)
			with(false)
		case schema.NumberAttribute:
			for _, v := range inBounds(n.CustomType) {
				with(v)
			}
		case schema.ListAttribute:
			values := [][]any{{}, {""}, {"!"}, {"a", "a"}, {"0", "-1"}}
			if n.ElementType.TerraformType(context.Background()).Is(tftypes.Number) {
				values = [][]any{{}, {0}, {-1}, {0.5, 1}, {1e30}, {3, 3}}
			}
			for _, v := range values {
				with(v)
			}
		case schema.MapAttribute:
			for _, v := range []map[string]any{{}, {"": ""}, {"a": ""}, {"!": "!"}, {"cpu": "-1"}, {"kubernetes.io/cluster/x": "owned"}} {
				with(v)
			}
		case schema.SingleNestedAttribute:
			inner, _ := obj[name].(map[string]any)
			with(map[string]any{})
			variants(n.Attributes, orEmpty(inner), func(v map[string]any) { with(v) })
		case schema.ListNestedAttribute:
			elems, _ := obj[name].([]any)
			with([]any{})
			with([]any{map[string]any{}})
			with([]any{map[string]any{}, map[string]any{}})
			if len(elems) > 0 {
				with(append(append([]any{}, elems...), elems[0]))
			}
			first := map[string]any{}
			if len(elems) > 0 {
				first, _ = elems[0].(map[string]any)
			}
			variants(n.NestedObject.Attributes, orEmpty(first), func(v map[string]any) {
				list := append([]any{}, elems...)
				if len(list) == 0 {
					list = []any{nil}
				}
				list[0] = v
				with(list)
			})
		}
	}
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

// inBounds are the numbers a bounded number type accepts that cores most
// often reject: the bounds, one inside them, 0.
func inBounds(typ any) []any {
	switch b := typ.(type) {
	case framework.WholeNumberType:
		out := []any{b.Min, b.Max, b.Min + 1}
		if b.Min < 0 && b.Max > 0 {
			out = append(out, int64(0))
		}
		return out
	case framework.RealNumberType:
		out := []any{b.Min, b.Max, (b.Min + b.Max) / 2}
		if b.Min < 0 && b.Max > 0 {
			out = append(out, 0.0)
		}
		return out
	}
	return nil
}

// tfValue is v as a Terraform value of typ; nil and missing object
// attributes are null.
func tfValue(typ tftypes.Type, v any) tftypes.Value {
	if v == nil {
		return tftypes.NewValue(typ, nil)
	}
	switch t := typ.(type) {
	case tftypes.Object:
		m := v.(map[string]any)
		vals := make(map[string]tftypes.Value, len(t.AttributeTypes))
		for name, at := range t.AttributeTypes {
			vals[name] = tfValue(at, m[name])
		}
		return tftypes.NewValue(t, vals)
	case tftypes.List:
		l := v.([]any)
		vals := make([]tftypes.Value, len(l))
		for i, e := range l {
			vals[i] = tfValue(t.ElementType, e)
		}
		return tftypes.NewValue(t, vals)
	case tftypes.Map:
		m := v.(map[string]any)
		vals := make(map[string]tftypes.Value, len(m))
		for k, e := range m {
			vals[k] = tfValue(t.ElementType, e)
		}
		return tftypes.NewValue(t, vals)
	}
	switch n := v.(type) {
	case int:
		return tftypes.NewValue(typ, new(big.Float).SetInt64(int64(n)))
	case int64:
		return tftypes.NewValue(typ, new(big.Float).SetInt64(n))
	case float64:
		return tftypes.NewValue(typ, big.NewFloat(n))
	}
	return tftypes.NewValue(typ, v)
}
