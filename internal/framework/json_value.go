package framework

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// JSONDocumentType is a string attribute holding a JSON document (a
// policy, a lifecycle policy). Two documents that differ only in spacing
// or key order are the same value, so the API's reformatting of what it
// stored shows no diff, and a document that is not JSON is a plan-time
// error naming the attribute.
//
//	"lifecycle_policy": schema.StringAttribute{CustomType: framework.JSONDocumentType{}, Optional: true, ...}
//	LifecyclePolicy framework.JSONDocument `tfsdk:"lifecycle_policy"`
type JSONDocumentType struct {
	basetypes.StringType
}

// JSONDocument is the value of a JSONDocumentType attribute.
type JSONDocument struct {
	basetypes.StringValue
}

var (
	_ basetypes.StringTypable                    = JSONDocumentType{}
	_ basetypes.StringValuableWithSemanticEquals = JSONDocument{}
	_ xattr.ValidateableAttribute                = JSONDocument{}
)

func (t JSONDocumentType) Equal(o attr.Type) bool {
	_, ok := o.(JSONDocumentType)
	return ok
}

func (t JSONDocumentType) String() string { return "framework.JSONDocumentType" }

func (t JSONDocumentType) ValueType(context.Context) attr.Value { return JSONDocument{} }

func (t JSONDocumentType) ValueFromString(_ context.Context, v basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return JSONDocument{StringValue: v}, nil
}

func (t JSONDocumentType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return JSONDocument{StringValue: s}, nil
}

// JSONDocumentValue is s as a known value (e.g. what the API returned).
func JSONDocumentValue(s string) JSONDocument {
	return JSONDocument{StringValue: basetypes.NewStringValue(s)}
}

// JSONDocumentNull is the null value.
func JSONDocumentNull() JSONDocument { return JSONDocument{StringValue: basetypes.NewStringNull()} }

func (v JSONDocument) Type(context.Context) attr.Type { return JSONDocumentType{} }

func (v JSONDocument) Equal(o attr.Value) bool {
	other, ok := o.(JSONDocument)
	return ok && v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals: the same document, whatever its formatting.
func (v JSONDocument) StringSemanticEquals(_ context.Context, o basetypes.StringValuable) (bool, diag.Diagnostics) {
	other, ok := o.(JSONDocument)
	if !ok {
		return false, nil
	}
	return SameJSON(v.ValueString(), other.ValueString()), nil
}

func (v JSONDocument) ValidateAttribute(_ context.Context, req xattr.ValidateAttributeRequest, resp *xattr.ValidateAttributeResponse) {
	if v.IsNull() || v.IsUnknown() {
		return
	}
	var doc any
	if err := json.Unmarshal([]byte(v.ValueString()), &doc); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(),
			fmt.Sprintf("%s must be a JSON document (%v); build it with jsonencode() to be sure.", req.Path, err))
	}
}

// SameJSON reports whether a and b are the same JSON document.
func SameJSON(a, b string) bool {
	if a == b {
		return true
	}
	var da, db any
	if json.Unmarshal([]byte(a), &da) != nil || json.Unmarshal([]byte(b), &db) != nil {
		return false
	}
	return reflect.DeepEqual(da, db)
}
