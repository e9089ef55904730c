package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/scalingkit/terraform-provider-scaling/internal/conns"
)

// The kubernetes block uses hashicorp/kubernetes' attribute names, so a
// platform team can copy its existing provider block.
type kubernetesModel struct {
	Host                 types.String `tfsdk:"host"`
	ClusterCACertificate types.String `tfsdk:"cluster_ca_certificate"`
	Token                types.String `tfsdk:"token"`
	ClientCertificate    types.String `tfsdk:"client_certificate"`
	ClientKey            types.String `tfsdk:"client_key"`
	Insecure             types.Bool   `tfsdk:"insecure"`
	ConfigPath           types.String `tfsdk:"config_path"`
	ConfigContext        types.String `tfsdk:"config_context"`
	Exec                 types.Object `tfsdk:"exec"`
}

type kubernetesExecModel struct {
	APIVersion types.String `tfsdk:"api_version"`
	Command    types.String `tfsdk:"command"`
	Args       types.List   `tfsdk:"args"`
	Env        types.Map    `tfsdk:"env"`
}

func kubernetesBlock() schema.Block {
	str := func(desc string, sensitive bool) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Sensitive: sensitive, MarkdownDescription: desc}
	}
	return schema.SingleNestedBlock{
		MarkdownDescription: "How `scaling_kubernetes_objects` reaches the cluster; the same attribute names as " +
			"hashicorp/kubernetes' provider block, so an existing block can be copied. Values may be unknown at plan " +
			"time (the cluster is created in the same apply): the provider contacts the cluster only at apply, and " +
			"when refreshing objects it created. Give `host` with credentials (`token`, `client_certificate` and " +
			"`client_key`, or `exec`), or `config_path` (a kubeconfig file) with an optional `config_context`; " +
			"`host` and credentials set next to `config_path` override the kubeconfig's. Not needed for anything else.",
		Attributes: map[string]schema.Attribute{
			"host":                   str("API server URL, e.g. `aws_eks_cluster.this.endpoint`.", false),
			"cluster_ca_certificate": str("PEM-encoded CA bundle that signs the API server's certificate, e.g. `base64decode(aws_eks_cluster.this.certificate_authority[0].data)`.", false),
			"token":                  str("Bearer token, e.g. `data.aws_eks_cluster_auth.this.token` (short-lived: prefer `exec`).", true),
			"client_certificate":     str("PEM-encoded client certificate for TLS client authentication.", false),
			"client_key":             str("PEM-encoded private key of `client_certificate`.", true),
			"insecure": schema.BoolAttribute{
				Optional:            true,
				MarkdownDescription: "Skip verification of the API server's certificate. For local test clusters only.",
			},
			"config_path":    str("Path of a kubeconfig file (`~` is expanded).", false),
			"config_context": str("Context of the kubeconfig to use; defaults to its current context.", false),
		},
		Blocks: map[string]schema.Block{
			"exec": schema.SingleNestedBlock{
				MarkdownDescription: "Run a command for credentials at apply time (client-go's exec plugin), e.g. " +
					"`aws eks get-token --cluster-name <name>`; client-go runs it again when the token expires, so long applies keep working.",
				Attributes: map[string]schema.Attribute{
					"api_version": str("Credential API version the command speaks, e.g. `client.authentication.k8s.io/v1beta1`.", false),
					"command":     str("Command to run, e.g. `aws`.", false),
					"args":        schema.ListAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Arguments, e.g. `[\"eks\", \"get-token\", \"--cluster-name\", aws_eks_cluster.this.name]`."},
					"env":         schema.MapAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Extra environment variables for the command."},
				},
			},
		},
	}
}

// kubernetesConfig reads the block into conns' plain form, listing the
// attributes whose values are unknown instead of failing on them.
func kubernetesConfig(ctx context.Context, block types.Object) (conns.KubernetesConfig, diag.Diagnostics) {
	var out conns.KubernetesConfig
	if block.IsNull() {
		return out, nil
	}
	if block.IsUnknown() {
		out.Unknown = []string{"kubernetes"}
		return out, nil
	}
	var m kubernetesModel
	diags := block.As(ctx, &m, basetypes.ObjectAsOptions{})
	if diags.HasError() {
		return out, diags
	}
	str := func(name string, v types.String, dst *string) {
		if v.IsUnknown() {
			out.Unknown = append(out.Unknown, "kubernetes."+name)
		}
		*dst = v.ValueString()
	}
	str("host", m.Host, &out.Host)
	str("cluster_ca_certificate", m.ClusterCACertificate, &out.ClusterCACertificate)
	str("token", m.Token, &out.Token)
	str("client_certificate", m.ClientCertificate, &out.ClientCertificate)
	str("client_key", m.ClientKey, &out.ClientKey)
	str("config_path", m.ConfigPath, &out.ConfigPath)
	str("config_context", m.ConfigContext, &out.ConfigContext)
	if m.Insecure.IsUnknown() {
		out.Unknown = append(out.Unknown, "kubernetes.insecure")
	}
	out.Insecure = m.Insecure.ValueBool()
	switch {
	case m.Exec.IsUnknown():
		out.Unknown = append(out.Unknown, "kubernetes.exec")
	case !m.Exec.IsNull():
		var e kubernetesExecModel
		diags.Append(m.Exec.As(ctx, &e, basetypes.ObjectAsOptions{})...)
		if diags.HasError() {
			return out, diags
		}
		out.Exec = &conns.KubernetesExec{Env: map[string]string{}}
		str("exec.api_version", e.APIVersion, &out.Exec.APIVersion)
		str("exec.command", e.Command, &out.Exec.Command)
		if e.Args.IsUnknown() || anyUnknown(e.Args.Elements()) {
			out.Unknown = append(out.Unknown, "kubernetes.exec.args")
		}
		for _, a := range e.Args.Elements() {
			if s, ok := a.(types.String); ok {
				out.Exec.Args = append(out.Exec.Args, s.ValueString())
			}
		}
		if e.Env.IsUnknown() {
			out.Unknown = append(out.Unknown, "kubernetes.exec.env")
		}
		for k, v := range e.Env.Elements() {
			s, ok := v.(types.String)
			if ok && s.IsUnknown() {
				out.Unknown = append(out.Unknown, "kubernetes.exec.env."+k)
			}
			if ok {
				out.Exec.Env[k] = s.ValueString()
			}
		}
	}
	return out, diags
}

func anyUnknown(vs []attr.Value) bool {
	for _, v := range vs {
		if v.IsUnknown() {
			return true
		}
	}
	return false
}
