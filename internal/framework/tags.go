package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/conns"
)

// TagsAllAttribute is the computed tags_all of a taggable resource: its
// own tags (the attribute named own) over the provider's default_tags,
// without the provider's ignore_tags keys.
func TagsAllAttribute(own string) schema.MapAttribute {
	return schema.MapAttribute{
		Computed: true, ElementType: types.StringType,
		MarkdownDescription: "Every tag the resource carries: `" + own + "` over the provider's `default_tags`, without the keys " +
			"the provider's `ignore_tags` names.",
	}
}

// KnownStringMap reads a map of strings; ok is false when the map or one of
// its values is not known yet.
func KnownStringMap(m types.Map) (out map[string]string, ok bool) {
	out = map[string]string{}
	if m.IsUnknown() {
		return nil, false
	}
	for k, v := range m.Elements() {
		s, isString := v.(types.String)
		if !isString || s.IsUnknown() {
			return nil, false
		}
		out[k] = s.ValueString()
	}
	return out, true
}

// StringMapValue is m as a map of strings.
func StringMapValue(m map[string]string) types.Map {
	v, _ := types.MapValueFrom(context.Background(), types.StringType, m)
	return v
}

// TagsConfig is the provider's tags configuration, nil before the
// provider is configured.
func TagsConfig(client *conns.AWSClient) *conns.TagsConfig {
	if client == nil {
		return nil
	}
	return &client.Tags
}

// PlanTagsAll sets tags_all in the plan from the planned value of the
// resource's own tags (attribute own) and cfg: known when they and cfg
// are, unknown otherwise. It returns the planned tags_all, nil when
// unknown.
func PlanTagsAll(ctx context.Context, cfg *conns.TagsConfig, own string, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) map[string]string {
	if req.Plan.Raw.IsNull() {
		return nil
	}
	var tags types.Map
	if d := req.Plan.GetAttribute(ctx, path.Root(own), &tags); d.HasError() {
		return nil
	}
	planned, ok := KnownStringMap(tags)
	if !ok || cfg == nil || cfg.Unknown {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("tags_all"), types.MapUnknown(types.StringType))...)
		return nil
	}
	all := cfg.All(planned)
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("tags_all"), StringMapValue(all))...)
	return all
}

// TagsFromAPI is the state's tags and tags_all for the tags an API
// reports: prior is the resource's own tags in the prior state (null on
// import), whose keys stay its own even when a default tag has the same
// value. Own tags stay null when they were and none are left.
func TagsFromAPI(cfg *conns.TagsConfig, api map[string]string, prior types.Map) (tags, all types.Map) {
	configured, _ := KnownStringMap(prior)
	if prior.IsNull() {
		configured = nil
	}
	if cfg == nil {
		cfg = &conns.TagsConfig{}
	}
	own, every := cfg.FromAPI(api, configured)
	tags = StringMapValue(own)
	if len(own) == 0 && prior.IsNull() {
		tags = types.MapNull(types.StringType)
	}
	return tags, StringMapValue(every)
}
