// Package eks holds the EKS resources and data sources (Terraform edge):
// scaling_control_plane_tier and scaling_control_plane_tiers.
package eks

import (
	awstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Resources lists this package's resources for the provider.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{newControlPlaneTierResource}
}

// DataSources lists this package's data sources for the provider.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{newControlPlaneTiersDataSource}
}

// clusterTier is the tier in effect; a cluster that reports none is standard.
func clusterTier(c *awstypes.Cluster) string {
	if c == nil || c.ControlPlaneScalingConfig == nil || c.ControlPlaneScalingConfig.Tier == "" {
		return string(awstypes.ProvisionedControlPlaneTierStandard)
	}
	return string(c.ControlPlaneScalingConfig.Tier)
}

// int64Value is one of the API's tier capabilities, null when it gives none.
func int64Value(v *int32) types.Int64 {
	if v == nil {
		return types.Int64Null()
	}
	return types.Int64Value(int64(*v))
}
