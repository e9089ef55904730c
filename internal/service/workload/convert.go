package workload

import (
	"math"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

// Rendered objects and computed figures as Terraform values (the inputs'
// conversions are in internal/framework).

// float64OrNull is a computed float that is null when not known.
func float64OrNull(ok bool, v float64) types.Float64 {
	if !ok {
		return types.Float64Null()
	}
	// Drop float noise (15 x 0.05 x 720 = 540.0000000000001) so outputs
	// read as the figures they are.
	return types.Float64Value(math.Round(v*1e9) / 1e9)
}

// renderedOutputs turns objects into the manifests (tuple), yaml and json
// outputs.
func renderedOutputs(objs []k8sobj.Object) (types.Dynamic, string, string, error) {
	list := make([]any, len(objs))
	for i, o := range objs {
		list[i] = o
	}
	dyn, err := framework.ToDynamic(list)
	if err != nil {
		return types.DynamicNull(), "", "", err
	}
	y, err := k8sobj.MultiYAML(objs)
	if err != nil {
		return types.DynamicNull(), "", "", err
	}
	j, err := k8sobj.JSON(list)
	if err != nil {
		return types.DynamicNull(), "", "", err
	}
	return dyn, y, j, nil
}

func toDynamicObject(o k8sobj.Object) (types.Dynamic, error) {
	return framework.ToDynamic(o)
}
