package karpenter

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// objectFields are the outputs of a data source that renders one object
// (NodePool, EC2NodeClass): its schema is withObjectAttributes.
type objectFields struct {
	Manifest types.Dynamic `tfsdk:"manifest"`
	YAML     types.String  `tfsdk:"yaml"`
	JSON     types.String  `tfsdk:"json"`
}

// withObjectAttributes adds objectFields' schema, for the object kind, to
// attrs and returns it.
func withObjectAttributes(kind string, attrs map[string]schema.Attribute) map[string]schema.Attribute {
	attrs["manifest"] = schema.DynamicAttribute{Computed: true, MarkdownDescription: "The " + kind + " as an object, for `kubernetes_manifest`'s `manifest`."}
	attrs["yaml"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The " + kind + " as YAML (keys sorted, stable between plans)."}
	attrs["json"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The " + kind + " as JSON (keys sorted)."}
	return attrs
}

// set fills the fields from the rendered object of that kind.
func (f *objectFields) set(obj k8sobj.Object, kind string, diags *diag.Diagnostics) {
	var err error
	if f.Manifest, f.YAML, f.JSON, err = objectOutputs(obj); err != nil {
		diags.AddError("Rendering the "+kind, fmt.Sprint(err))
	}
}
