package karpenter

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

// Rendered objects as Terraform values (the inputs' conversions are in
// internal/framework: null lists become nil, so the renderer's default
// applies; an empty list stays empty, no requirement).

// objectOutputs renders one object as manifest, yaml and json.
func objectOutputs(obj k8sobj.Object) (types.Dynamic, types.String, types.String, error) {
	dyn, err := framework.ToDynamic(obj)
	if err != nil {
		return types.DynamicNull(), types.StringNull(), types.StringNull(), err
	}
	y, err := k8sobj.YAML(obj)
	if err != nil {
		return types.DynamicNull(), types.StringNull(), types.StringNull(), err
	}
	j, err := k8sobj.JSON(obj)
	if err != nil {
		return types.DynamicNull(), types.StringNull(), types.StringNull(), err
	}
	return dyn, types.StringValue(y), types.StringValue(j), nil
}
