package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/conns"
)

// providerTagsModel is the provider's default_tags and ignore_tags blocks,
// embedded in providerModel.
type providerTagsModel struct {
	DefaultTags *defaultTagsModel `tfsdk:"default_tags"`
	IgnoreTags  *ignoreTagsModel  `tfsdk:"ignore_tags"`
}

type defaultTagsModel struct {
	Tags types.Map `tfsdk:"tags"`
}

type ignoreTagsModel struct {
	Keys        types.Set `tfsdk:"keys"`
	KeyPrefixes types.Set `tfsdk:"key_prefixes"`
}

// tagsBlocks are the blocks of providerTagsModel, as hashicorp/aws spells them.
func tagsBlocks() map[string]schema.Block {
	return map[string]schema.Block{
		"default_tags": schema.SingleNestedBlock{
			Description: "Tags for every taggable resource of this provider (`scaling_cloudwatch_metric_stream`, and the " +
				"repositories `scaling_ecr_repository_creation_template` makes ECR create), as in the aws provider: a resource's " +
				"own tags win over these, and its `tags_all` shows the result.",
			Attributes: map[string]schema.Attribute{
				"tags": schema.MapAttribute{
					Optional: true, ElementType: types.StringType,
					Description: "Key-value map of tags. Keys starting with `aws:` are reserved for AWS.",
				},
			},
		},
		"ignore_tags": schema.SingleNestedBlock{
			Description: "Tag keys that systems outside Terraform manage: they are left out of `tags` and `tags_all` when read, " +
				"so they show no diff, and Terraform never removes them.",
			Attributes: map[string]schema.Attribute{
				"keys": schema.SetAttribute{
					Optional: true, ElementType: types.StringType,
					Description: "Exact tag keys to ignore.",
				},
				"key_prefixes": schema.SetAttribute{
					Optional: true, ElementType: types.StringType,
					Description: "Tag key prefixes to ignore (e.g. `kubernetes.io/`).",
				},
			},
		},
	}
}

// tagsConfig reads the blocks into the clients' configuration. A value
// Terraform does not know yet (from a resource created in the same apply)
// marks the configuration Unknown, so a plan leaves tags_all unknown; the
// known values are read all the same.
func (m providerTagsModel) tagsConfig(ctx context.Context) (conns.TagsConfig, diag.Diagnostics) {
	var c conns.TagsConfig
	var diags diag.Diagnostics
	if m.DefaultTags != nil && !m.DefaultTags.Tags.IsNull() {
		var tags map[string]types.String
		c.Unknown = m.DefaultTags.Tags.IsUnknown()
		diags.Append(m.DefaultTags.Tags.ElementsAs(ctx, &tags, false)...)
		for k, v := range tags {
			if v.IsUnknown() {
				c.Unknown = true
				continue
			}
			if c.Default == nil {
				c.Default = map[string]string{}
			}
			c.Default[k] = v.ValueString()
		}
	}
	if m.IgnoreTags != nil {
		c.IgnoreKeys = knownStrings(ctx, m.IgnoreTags.Keys, &c.Unknown, &diags)
		c.IgnoreKeyPrefixes = knownStrings(ctx, m.IgnoreTags.KeyPrefixes, &c.Unknown, &diags)
	}
	if diags.HasError() {
		return c, diags
	}
	if err := c.Validate(); err != nil {
		diags.AddAttributeError(path.Root("default_tags"), "Invalid tags configuration", err.Error())
	}
	return c, diags
}

// knownStrings are the known elements of s; an unknown set or element sets
// *unknown.
func knownStrings(ctx context.Context, s types.Set, unknown *bool, diags *diag.Diagnostics) []string {
	if s.IsNull() {
		return nil
	}
	if s.IsUnknown() {
		*unknown = true
		return nil
	}
	var elems []types.String
	diags.Append(s.ElementsAs(ctx, &elems, false)...)
	var out []string
	for _, e := range elems {
		if e.IsUnknown() {
			*unknown = true
			continue
		}
		out = append(out, e.ValueString())
	}
	return out
}
