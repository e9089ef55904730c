package framework

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func parse(t *testing.T, s string) tftypes.Value {
	t.Helper()
	f, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
	if err != nil {
		t.Fatal(err)
	}
	return tftypes.NewValue(tftypes.Number, f)
}

func TestWholeNumberRejectsFractionsAndOutOfRange(t *testing.T) {
	ctx := context.Background()
	typ := WholeNumberType{Min: 1, Max: 100}
	for in, want := range map[string]string{
		"1": "", "100": "", "42": "",
		"10.5":  "count: must be a whole number between 1 and 100, got 10.5",
		"0":     "count: must be a whole number between 1 and 100, got 0",
		"101":   "count: must be a whole number between 1 and 100, got 101",
		"1e400": "count: must be a whole number between 1 and 100, got 1e+400",
	} {
		v, err := typ.ValueFromTerraform(ctx, parse(t, in))
		if err != nil {
			t.Fatalf("%s: conversion must not fail (validation reports it): %v", in, err)
		}
		var resp xattr.ValidateAttributeResponse
		v.(WholeNumber).ValidateAttribute(ctx, xattr.ValidateAttributeRequest{Path: path.Root("count")}, &resp)
		got := ""
		if resp.Diagnostics.HasError() {
			got = resp.Diagnostics[0].Detail()
		}
		if got != want {
			t.Errorf("%s: got %q, want %q", in, got, want)
		}
		var presp function.ValidateParameterResponse
		v.(WholeNumber).ValidateParameter(ctx, function.ValidateParameterRequest{Position: 2}, &presp)
		if (presp.Error != nil) != (want != "") || presp.Error != nil && !strings.Contains(presp.Error.Error(), strings.TrimPrefix(want, "count: ")) {
			t.Errorf("%s: parameter error %v, want %q", in, presp.Error, want)
		}
	}
	v, _ := typ.ValueFromTerraform(ctx, parse(t, "42"))
	if n := v.(WholeNumber).Int64Pointer(); n == nil || *n != 42 {
		t.Errorf("Int64Pointer = %v", n)
	}
}

func TestRealNumberRejectsOutOfRange(t *testing.T) {
	ctx := context.Background()
	typ := RealNumberType{Min: 0, Max: 1}
	for in, want := range map[string]string{
		"0": "", "0.15": "", "1": "",
		"1.5":   "must be a number between 0 and 1, got 1.5",
		"-0.1":  "must be a number between 0 and 1, got -0.1",
		"1e400": "must be a number between 0 and 1, got 1e+400",
	} {
		v, err := typ.ValueFromTerraform(ctx, parse(t, in))
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if got := v.(RealNumber).invalid(); got != want {
			t.Errorf("%s: got %q, want %q", in, got, want)
		}
	}
	v, _ := typ.ValueFromTerraform(ctx, parse(t, "0.15"))
	if f := v.(RealNumber).Float64Pointer(); f == nil || *f != 0.15 {
		t.Errorf("Float64Pointer = %v", f)
	}
}

// Null and unknown are not checked (unknown values are checked once
// known) and read as nil.
func TestNumbersNullAndUnknown(t *testing.T) {
	ctx := context.Background()
	for _, in := range []tftypes.Value{tftypes.NewValue(tftypes.Number, nil), tftypes.NewValue(tftypes.Number, tftypes.UnknownValue)} {
		w, _ := WholeNumberType{Min: 1, Max: 2}.ValueFromTerraform(ctx, in)
		r, _ := RealNumberType{Min: 1, Max: 2}.ValueFromTerraform(ctx, in)
		if w.(WholeNumber).invalid() != "" || w.(WholeNumber).Int64Pointer() != nil || r.(RealNumber).invalid() != "" || r.(RealNumber).Float64Pointer() != nil {
			t.Errorf("%v: want unchecked and nil", in)
		}
	}
}

// Values the provider builds (computed replicas) are not checked.
func TestWholeNumberValue(t *testing.T) {
	v := WholeNumberValue(-5)
	if v.invalid() != "" || v.ValueInt64() != -5 {
		t.Errorf("got %v", v)
	}
}

// A fraction anywhere in the configuration, nested ones included, holds
// back the cores' checks.
func TestInvalidNumbersFindsNestedFractions(t *testing.T) {
	ctx := context.Background()
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"name": schema.StringAttribute{Optional: true},
		"items": schema.ListNestedAttribute{Optional: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"count": schema.NumberAttribute{Optional: true, CustomType: WholeNumberType{Min: 0, Max: 10}},
		}}},
	}}
	typ := s.Type().TerraformType(ctx).(tftypes.Object)
	item := typ.AttributeTypes["items"].(tftypes.List).ElementType.(tftypes.Object)
	config := func(count string) tftypes.Value {
		return tftypes.NewValue(typ, map[string]tftypes.Value{
			"name":  tftypes.NewValue(tftypes.String, "a"),
			"items": tftypes.NewValue(typ.AttributeTypes["items"], []tftypes.Value{tftypes.NewValue(item, map[string]tftypes.Value{"count": parse(t, count)})}),
		})
	}
	if invalidNumbers(ctx, config("3"), s.TypeAtTerraformPath) {
		t.Error("3 is valid")
	}
	if !invalidNumbers(ctx, config("3.5"), s.TypeAtTerraformPath) {
		t.Error("3.5 is not a whole number")
	}
}
