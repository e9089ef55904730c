package karpenter

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSource                   = (*ec2NodeClassDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*ec2NodeClassDataSource)(nil)
)

func newEC2NodeClassDataSource() datasource.DataSource {
	return &ec2NodeClassDataSource{framework.OfflineDataSource{TypeName: "karpenter_ec2_node_class"}}
}

type ec2NodeClassDataSource struct{ framework.OfflineDataSource }

func (d *ec2NodeClassDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders a Karpenter `" + karpenterv1.EC2NodeClassAPIVersion + "` EC2NodeClass offline, at plan time, valid " +
			"against the real CRD (schema and CEL rules of karpenter-provider-aws v1.14): bad input fails the plan with the attribute " +
			"named and the fix. User data is rendered for the AMI family: a `nodeadm` NodeConfig in MIME multipart for AL2023, " +
			"TOML for Bottlerocket.",
		Attributes: ec2NodeClassAttributes(),
	}
}

func (d *ec2NodeClassDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	framework.ValidateRenderedConfig(ctx, req, resp, func(m *ec2NodeClassModel, diags *diag.Diagnostics) problem.List {
		return m.input(ctx, diags).Validate()
	})
}

func (d *ec2NodeClassDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadComputed(ctx, req, resp,
		func(m *ec2NodeClassModel, diags *diag.Diagnostics) (k8sobj.Object, problem.List) {
			return m.input(ctx, diags).Render()
		},
		func(m *ec2NodeClassModel, obj k8sobj.Object, diags *diag.Diagnostics) {
			m.set(obj, "EC2NodeClass", diags)
			ud, _ := obj["spec"].(map[string]any)["userData"].(string)
			m.RenderedUserData = types.StringValue(ud)
		})
}
