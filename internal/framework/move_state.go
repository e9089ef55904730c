package framework

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// AWSProvider is hashicorp/aws's source address as Terraform sends it
// (the registry host may differ, e.g. OpenTofu's).
const AWSProvider = "hashicorp/aws"

// MoveFromAWS lets a `moved` block bring a resource of type sourceType
// over from hashicorp/aws (Terraform 1.8+). The resources this provider
// offers as replacements keep hashicorp/aws's attribute names and shapes
// for the same API fields, so the source state is read with the target's
// schema: attributes of the same name are kept, the others (hashicorp/aws
// v6's region, tags_all when absent here) are dropped, the plugin SDK's ""
// for an unset string becomes null, and attributes only this provider has
// are null until the refresh that follows every move fills them from the
// API. Any other source is left to the next mover (Terraform then says the
// move is not supported).
func MoveFromAWS(sourceType string) resource.StateMover {
	return resource.StateMover{StateMover: func(ctx context.Context, req resource.MoveStateRequest, resp *resource.MoveStateResponse) {
		if req.SourceTypeName != sourceType || !strings.HasSuffix(req.SourceProviderAddress, "/"+AWSProvider) || req.SourceRawState == nil {
			return
		}
		typ := resp.TargetState.Schema.Type().TerraformType(ctx)
		raw, err := req.SourceRawState.UnmarshalWithOpts(typ, tfprotov6.UnmarshalOpts{
			ValueFromJSONOpts: tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true},
		})
		if err != nil {
			resp.Diagnostics.AddError("Cannot move the resource from "+sourceType,
				fmt.Sprintf("Its state (schema version %d) does not have the shape this provider expects: %v. Use a removed block "+
					"(lifecycle { destroy = false }) and an import block instead.", req.SourceSchemaVersion, err))
			return
		}
		raw, err = tftypes.Transform(raw, emptyStringsToNull)
		if err != nil {
			resp.Diagnostics.AddError("Cannot move the resource from "+sourceType, err.Error())
			return
		}
		resp.TargetState.Raw = raw
		if region := sourceRegion(req.SourceRawState); region != "" {
			resp.Diagnostics.AddWarning("Moved from the aws provider's region "+region,
				"The aws provider managed this object in "+region+". The scaling provider finds it only if its own region is "+
					region+" too; otherwise the refresh after the move loses it and the plan creates a new one.")
		}
	}}
}

// emptyStringsToNull turns the plugin SDK's "" for an unset string into
// the null this provider's schemas use.
func emptyStringsToNull(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
	if !v.Type().Is(tftypes.String) || !v.IsKnown() || v.IsNull() {
		return v, nil
	}
	var s string
	if err := v.As(&s); err != nil || s != "" {
		return v, err
	}
	return tftypes.NewValue(tftypes.String, nil), nil
}

// sourceRegion is hashicorp/aws v6's per-resource region, "" before v6.
func sourceRegion(raw *tfprotov6.RawState) string {
	var attrs struct {
		Region string `json:"region"`
	}
	_ = json.Unmarshal(raw.JSON, &attrs)
	return attrs.Region
}
