// Package nodes holds the data sources for what a node runs before it
// takes pods: Node Readiness Controller rules (internal/core/render/
// nodereadiness) and image pre-pull DaemonSets (internal/core/render/
// imageprepull), both rendered offline.
package nodes

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// DataSources lists this package's data sources for the provider.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newNodeReadinessRuleDataSource,
		newImagePrepullDataSource,
	}
}

// taintModel is a node taint, as the NodePool data sources write
// taints and startup_taints, so their values pass between them.
type taintModel struct {
	Key    types.String `tfsdk:"key"`
	Value  types.String `tfsdk:"value"`
	Effect types.String `tfsdk:"effect"`
}

// addObjectOutputs adds manifest, yaml and json for one rendered object.
func addObjectOutputs(attrs map[string]schema.Attribute, kind string) {
	attrs["manifest"] = schema.DynamicAttribute{Computed: true, MarkdownDescription: "The " + kind + " as an object, for `kubernetes_manifest`'s `manifest`."}
	attrs["yaml"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The " + kind + " as YAML (keys sorted, stable between plans)."}
	attrs["json"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The " + kind + " as JSON (keys sorted)."}
}
