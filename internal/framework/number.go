package framework

import (
	"context"
	"fmt"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Every number a user types is one of these two custom types, so that
// 10.5 where a count is expected, or 1e400 anywhere, is a plan-time
// validation error naming the attribute and its bounds, not the
// framework's "Value Conversion Error" that Int64 and Float64 give. Both
// stay Terraform numbers (the schema and docs say "number"); the value
// keeps Terraform's exact number and checks it when the framework
// validates the configuration or a function argument.
//
//	"burst_pods": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 1, Max: 1_000_000}, ...}
//	BurstPods framework.WholeNumber `tfsdk:"burst_pods"`   // m.BurstPods.Int64Pointer()
//	function.NumberParameter{Name: "peak_replicas", CustomType: framework.WholeNumberType{Min: 0, Max: 1_000_000}}
//
// Computed-only outputs keep types.Int64 and types.Float64: no user
// types them.

// WholeNumberType is a whole number in [Min, Max]. Max must be above Min
// (a schema test checks it).
type WholeNumberType struct {
	basetypes.NumberType
	Min, Max int64
}

// RealNumberType is a number in [Min, Max] read as a float64.
type RealNumberType struct {
	basetypes.NumberType
	Min, Max float64
}

// WholeNumber is the value of a WholeNumberType attribute or parameter.
type WholeNumber struct {
	basetypes.NumberValue
	bounds WholeNumberType // zero in values the provider builds: not checked
}

// RealNumber is the value of a RealNumberType attribute or parameter.
type RealNumber struct {
	basetypes.NumberValue
	bounds RealNumberType
}

var (
	_ basetypes.NumberTypable        = WholeNumberType{}
	_ basetypes.NumberTypable        = RealNumberType{}
	_ basetypes.NumberValuable       = WholeNumber{}
	_ xattr.ValidateableAttribute    = WholeNumber{}
	_ function.ValidateableParameter = WholeNumber{}
	_ xattr.ValidateableAttribute    = RealNumber{}
	_ function.ValidateableParameter = RealNumber{}
)

// WholeNumberValue is n as a known value, for Optional+Computed
// attributes the provider fills in.
func WholeNumberValue(n int64) WholeNumber {
	return WholeNumber{NumberValue: basetypes.NewNumberValue(new(big.Float).SetInt64(n))}
}

func (t WholeNumberType) Equal(o attr.Type) bool {
	other, ok := o.(WholeNumberType)
	return ok && other.Min == t.Min && other.Max == t.Max
}

func (t WholeNumberType) String() string {
	return fmt.Sprintf("framework.WholeNumberType[%d, %d]", t.Min, t.Max)
}

func (t WholeNumberType) ValueType(context.Context) attr.Value { return WholeNumber{bounds: t} }

func (t WholeNumberType) ValueFromNumber(_ context.Context, v basetypes.NumberValue) (basetypes.NumberValuable, diag.Diagnostics) {
	return WholeNumber{NumberValue: v, bounds: t}, nil
}

func (t WholeNumberType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.NumberType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	return WholeNumber{NumberValue: v.(basetypes.NumberValue), bounds: t}, nil
}

func (v WholeNumber) Type(context.Context) attr.Type { return v.bounds }

func (v WholeNumber) Equal(o attr.Value) bool {
	other, ok := o.(WholeNumber)
	return ok && v.NumberValue.Equal(other.NumberValue)
}

// ValueInt64 is the number, 0 when null or unknown.
func (v WholeNumber) ValueInt64() int64 {
	if v.IsNull() || v.IsUnknown() {
		return 0
	}
	i, _ := v.ValueBigFloat().Int64()
	return i
}

// Int64Pointer is the number, or nil when null or unknown (the core's
// default applies).
func (v WholeNumber) Int64Pointer() *int64 {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	i := v.ValueInt64()
	return &i
}

// invalid says what is wrong with the number, or "" when it is fine.
func (v WholeNumber) invalid() string {
	if v.IsNull() || v.IsUnknown() || v.bounds == (WholeNumberType{}) {
		return ""
	}
	f := v.ValueBigFloat()
	if f.IsInt() && f.Cmp(new(big.Float).SetInt64(v.bounds.Min)) >= 0 && f.Cmp(new(big.Float).SetInt64(v.bounds.Max)) <= 0 {
		return ""
	}
	return fmt.Sprintf("must be a whole number between %d and %d, got %s", v.bounds.Min, v.bounds.Max, f.Text('g', 15))
}

func (v WholeNumber) ValidateAttribute(_ context.Context, req xattr.ValidateAttributeRequest, resp *xattr.ValidateAttributeResponse) {
	addInvalid(v.invalid(), req, resp)
}

func (v WholeNumber) ValidateParameter(_ context.Context, req function.ValidateParameterRequest, resp *function.ValidateParameterResponse) {
	if msg := v.invalid(); msg != "" {
		resp.Error = function.NewArgumentFuncError(req.Position, msg)
	}
}

func (t RealNumberType) Equal(o attr.Type) bool {
	other, ok := o.(RealNumberType)
	return ok && other.Min == t.Min && other.Max == t.Max
}

func (t RealNumberType) String() string {
	return fmt.Sprintf("framework.RealNumberType[%g, %g]", t.Min, t.Max)
}

func (t RealNumberType) ValueType(context.Context) attr.Value { return RealNumber{bounds: t} }

func (t RealNumberType) ValueFromNumber(_ context.Context, v basetypes.NumberValue) (basetypes.NumberValuable, diag.Diagnostics) {
	return RealNumber{NumberValue: v, bounds: t}, nil
}

func (t RealNumberType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.NumberType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	return RealNumber{NumberValue: v.(basetypes.NumberValue), bounds: t}, nil
}

func (v RealNumber) Type(context.Context) attr.Type { return v.bounds }

func (v RealNumber) Equal(o attr.Value) bool {
	other, ok := o.(RealNumber)
	return ok && v.NumberValue.Equal(other.NumberValue)
}

// ValueFloat64 is the number, 0 when null or unknown.
func (v RealNumber) ValueFloat64() float64 {
	if v.IsNull() || v.IsUnknown() {
		return 0
	}
	f, _ := v.ValueBigFloat().Float64()
	return f
}

// Float64Pointer is the number, or nil when null or unknown (the core's
// default applies).
func (v RealNumber) Float64Pointer() *float64 {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	f := v.ValueFloat64()
	return &f
}

func (v RealNumber) invalid() string {
	if v.IsNull() || v.IsUnknown() || v.bounds == (RealNumberType{}) {
		return ""
	}
	f := v.ValueBigFloat()
	if f.Cmp(big.NewFloat(v.bounds.Min)) >= 0 && f.Cmp(big.NewFloat(v.bounds.Max)) <= 0 {
		return ""
	}
	return fmt.Sprintf("must be a number between %s and %s, got %s",
		big.NewFloat(v.bounds.Min).Text('g', 15), big.NewFloat(v.bounds.Max).Text('g', 15), f.Text('g', 15))
}

func (v RealNumber) ValidateAttribute(_ context.Context, req xattr.ValidateAttributeRequest, resp *xattr.ValidateAttributeResponse) {
	addInvalid(v.invalid(), req, resp)
}

func (v RealNumber) ValidateParameter(_ context.Context, req function.ValidateParameterRequest, resp *function.ValidateParameterResponse) {
	if msg := v.invalid(); msg != "" {
		resp.Error = function.NewArgumentFuncError(req.Position, msg)
	}
}

func addInvalid(msg string, req xattr.ValidateAttributeRequest, resp *xattr.ValidateAttributeResponse) {
	if msg != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), req.Path.String()+": "+msg)
	}
}

// invalidNumbers reports whether any WholeNumber or RealNumber in the
// configuration is out of its bounds. The schema validation reports
// them; the cores' checks wait until they are fixed, so that a fraction
// read as its integer part draws no second, misleading error.
func invalidNumbers(ctx context.Context, raw tftypes.Value, typeAt func(context.Context, *tftypes.AttributePath) (attr.Type, error)) bool {
	found := false
	_ = tftypes.Walk(raw, func(p *tftypes.AttributePath, v tftypes.Value) (bool, error) {
		if found || !v.Type().Is(tftypes.Number) {
			return !found, nil
		}
		t, err := typeAt(ctx, p)
		if err != nil {
			return true, nil
		}
		val, err := t.ValueFromTerraform(ctx, v)
		if err != nil {
			return true, nil
		}
		if c, ok := val.(interface{ invalid() string }); ok && c.invalid() != "" {
			found = true
		}
		return !found, nil
	})
	return found
}
