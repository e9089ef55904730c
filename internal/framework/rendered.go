package framework

import (
	"context"
	"fmt"
	"math/big"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Rendered Kubernetes objects become the outputs every renderer exposes
// the same way: a manifest (an object for kubernetes_manifest), YAML
// (keys sorted, stable between plans) and JSON. A failure is a bug of
// the renderer, reported as an error diagnostic.

// RenderObject is one object as its manifest, yaml and json outputs.
func RenderObject(obj k8sobj.Object, diags *diag.Diagnostics) (manifest types.Dynamic, yaml, json types.String) {
	manifest, err := toDynamic(obj)
	if err == nil {
		var y, j string
		if y, err = k8sobj.YAML(obj); err == nil {
			if j, err = k8sobj.JSON(obj); err == nil {
				return manifest, types.StringValue(y), types.StringValue(j)
			}
		}
	}
	diags.AddError("Rendering "+kindOf(obj)+" failed", err.Error())
	return types.DynamicNull(), types.StringNull(), types.StringNull()
}

// RenderObjects is objects in apply order as the manifests (a tuple), yaml
// (one stream) and json (an array) outputs.
func RenderObjects(objs []k8sobj.Object, diags *diag.Diagnostics) (manifests types.Dynamic, yaml, json types.String) {
	list := make([]any, len(objs))
	for i, o := range objs {
		list[i] = o
	}
	manifests, err := toDynamic(list)
	if err == nil {
		var y, j string
		if y, err = k8sobj.MultiYAML(objs); err == nil {
			if j, err = k8sobj.JSON(list); err == nil {
				return manifests, types.StringValue(y), types.StringValue(j)
			}
		}
	}
	diags.AddError("Rendering the objects failed", err.Error())
	return types.DynamicNull(), types.StringNull(), types.StringNull()
}

func kindOf(obj k8sobj.Object) string {
	if k, ok := obj["kind"].(string); ok {
		return "the " + k
	}
	return "the object"
}

// toDynamic converts a plain value (see k8sobj.Object) into a Terraform
// dynamic value: maps become objects, slices become tuples (their elements
// may differ in shape), so the result can be passed straight to
// hashicorp/kubernetes kubernetes_manifest. Nil map entries are dropped.
func toDynamic(v any) (types.Dynamic, error) {
	val, err := toAttr(v)
	if err != nil {
		return types.DynamicNull(), err
	}
	return types.DynamicValue(val), nil
}

func toAttr(v any) (attr.Value, error) {
	switch t := v.(type) {
	case nil:
		return types.DynamicNull(), nil
	case string:
		return types.StringValue(t), nil
	case bool:
		return types.BoolValue(t), nil
	case int:
		return types.NumberValue(new(big.Float).SetInt64(int64(t))), nil
	case int64:
		return types.NumberValue(new(big.Float).SetInt64(t)), nil
	case float64:
		return types.NumberValue(big.NewFloat(t)), nil
	case []any:
		elems := make([]attr.Value, 0, len(t))
		typs := make([]attr.Type, 0, len(t))
		for _, e := range t {
			if e == nil {
				continue
			}
			ev, err := toAttr(e)
			if err != nil {
				return nil, err
			}
			elems = append(elems, ev)
			typs = append(typs, ev.Type(context.Background()))
		}
		tv, d := types.TupleValue(typs, elems)
		if d.HasError() {
			return nil, fmt.Errorf("building tuple: %v", d)
		}
		return tv, nil
	case []string:
		anys := make([]any, len(t))
		for i, s := range t {
			anys[i] = s
		}
		return toAttr(anys)
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k, e := range t {
			if e != nil {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		vals := make(map[string]attr.Value, len(keys))
		typs := make(map[string]attr.Type, len(keys))
		for _, k := range keys {
			ev, err := toAttr(t[k])
			if err != nil {
				return nil, fmt.Errorf("%s: %w", k, err)
			}
			vals[k] = ev
			typs[k] = ev.Type(context.Background())
		}
		ov, d := types.ObjectValue(typs, vals)
		if d.HasError() {
			return nil, fmt.Errorf("building object: %v", d)
		}
		return ov, nil
	case map[string]string:
		m := make(map[string]any, len(t))
		for k, s := range t {
			m[k] = s
		}
		return toAttr(m)
	default:
		return nil, fmt.Errorf("cannot convert %T to a Terraform value", v)
	}
}
