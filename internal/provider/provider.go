// Package provider is the Terraform edge of the scaling provider: its schema,
// configuration, and the registry of resources, data sources and functions.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/service/cloudwatch"
	"github.com/scalingkit/terraform-provider-scaling/internal/service/ecr"
	"github.com/scalingkit/terraform-provider-scaling/internal/service/eks"
	"github.com/scalingkit/terraform-provider-scaling/internal/service/estimate"
	"github.com/scalingkit/terraform-provider-scaling/internal/service/karpenter"
	"github.com/scalingkit/terraform-provider-scaling/internal/service/kubernetes"
	"github.com/scalingkit/terraform-provider-scaling/internal/service/nodes"
	"github.com/scalingkit/terraform-provider-scaling/internal/service/observability"
	"github.com/scalingkit/terraform-provider-scaling/internal/service/workload"
)

// TypeName is the provider's name in configurations: resources are scaling_*.
const TypeName = "scaling"

var (
	_ provider.Provider              = (*scalingProvider)(nil)
	_ provider.ProviderWithFunctions = (*scalingProvider)(nil)
)

type scalingProvider struct {
	version string
}

// New returns the provider factory for providerserver.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &scalingProvider{version: version} }
}

func (p *scalingProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = TypeName
	resp.Version = p.version
}

// Each service package lists its own resources, data sources and functions,
// so adding one never touches another service's files.

func (p *scalingProvider) Resources(context.Context) []func() resource.Resource {
	var out []func() resource.Resource
	out = append(out, eks.Resources()...)
	out = append(out, ecr.Resources()...)
	out = append(out, cloudwatch.Resources()...)
	out = append(out, kubernetes.Resources()...)
	return out
}

func (p *scalingProvider) DataSources(context.Context) []func() datasource.DataSource {
	var out []func() datasource.DataSource
	out = append(out, eks.DataSources()...)
	out = append(out, ecr.DataSources()...)
	out = append(out, cloudwatch.DataSources()...)
	out = append(out, karpenter.DataSources()...)
	out = append(out, nodes.DataSources()...)
	out = append(out, workload.DataSources()...)
	out = append(out, estimate.DataSources()...)
	out = append(out, observability.DataSources()...)
	return out
}

func (p *scalingProvider) Functions(context.Context) []func() function.Function {
	return estimate.Functions()
}
