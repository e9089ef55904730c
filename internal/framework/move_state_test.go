package framework

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var moveTarget = schema.Schema{Attributes: map[string]schema.Attribute{
	"id":             schema.StringAttribute{Computed: true},
	"name":           schema.StringAttribute{Required: true},
	"credential_arn": schema.StringAttribute{Optional: true},
	"tags":           schema.MapAttribute{Optional: true, ElementType: types.StringType},
	"only_here":      schema.BoolAttribute{Optional: true, Computed: true},
}}

func move(t *testing.T, provider, typ, raw string) resource.MoveStateResponse {
	t.Helper()
	ctx := context.Background()
	resp := resource.MoveStateResponse{TargetState: tfsdk.State{
		Schema: moveTarget,
		Raw:    tftypes.NewValue(moveTarget.Type().TerraformType(ctx), nil),
	}}
	MoveFromAWS("aws_thing").StateMover(ctx, resource.MoveStateRequest{
		SourceProviderAddress: provider,
		SourceTypeName:        typ,
		SourceRawState:        &tfprotov6.RawState{JSON: []byte(raw)},
	}, &resp)
	return resp
}

// hashicorp/aws's state (plugin SDK: "" for unset strings, attributes this
// provider does not have) becomes the target's: same names kept, "" null,
// unknown ones dropped, the target's own null until the refresh.
func TestMoveFromAWSKeepsTheSharedAttributes(t *testing.T) {
	resp := move(t, "registry.terraform.io/hashicorp/aws", "aws_thing",
		`{"id":"x","name":"x","credential_arn":"","tags":{"team":"a"},"tags_all":{"team":"a"},"registry_id":"123456789012","timeouts":null}`)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	var got struct {
		ID            types.String `tfsdk:"id"`
		Name          types.String `tfsdk:"name"`
		CredentialARN types.String `tfsdk:"credential_arn"`
		Tags          types.Map    `tfsdk:"tags"`
		OnlyHere      types.Bool   `tfsdk:"only_here"`
	}
	if d := resp.TargetState.Get(context.Background(), &got); d.HasError() {
		t.Fatal(d)
	}
	if got.ID.ValueString() != "x" || got.Name.ValueString() != "x" || !got.CredentialARN.IsNull() || len(got.Tags.Elements()) != 1 || !got.OnlyHere.IsNull() {
		t.Fatalf("moved state = %+v", got)
	}
}

func TestMoveFromAWSLeavesOtherSourcesToTheNextMover(t *testing.T) {
	for _, tc := range []struct{ provider, typ string }{
		{"registry.terraform.io/hashicorp/aws", "aws_other_thing"},
		{"registry.terraform.io/someone/aws", "aws_thing"},
	} {
		resp := move(t, tc.provider, tc.typ, `{"id":"x","name":"x"}`)
		if resp.Diagnostics.HasError() || !resp.TargetState.Raw.IsNull() {
			t.Errorf("%s %s: state %v, diags %v; want it untouched", tc.provider, tc.typ, resp.TargetState.Raw, resp.Diagnostics)
		}
	}
}

// hashicorp/aws v6 records each resource's region: the move says the
// scaling provider must use the same one.
func TestMoveFromAWSv6WarnsAboutTheRegion(t *testing.T) {
	resp := move(t, "registry.terraform.io/hashicorp/aws", "aws_thing", `{"id":"x","name":"x","region":"eu-west-1"}`)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 || !strings.Contains(resp.Diagnostics[0].Detail(), "eu-west-1") {
		t.Fatal(resp.Diagnostics)
	}
}

func TestMoveFromAWSRefusesAStateOfAnotherShape(t *testing.T) {
	resp := move(t, "registry.terraform.io/hashicorp/aws", "aws_thing", `{"id":"x","name":["not","a","string"]}`)
	if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics[0].Detail(), "removed block") {
		t.Fatal(resp.Diagnostics)
	}
}
