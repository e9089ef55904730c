package eks

import (
	"context"
	"fmt"
	"regexp"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

var _ datasource.DataSourceWithConfigure = (*controlPlaneTiersDataSource)(nil)

// priceType bounds a tier's hourly price: the largest published one is a
// few dollars; a thousand dollars an hour is a typo.
var priceType = framework.RealNumberType{Min: 0, Max: 1000}

// kubernetesVersionRegexp matches EKS's version format ("1.33").
var kubernetesVersionRegexp = regexp.MustCompile(`^1\.[0-9]+$`)

func newControlPlaneTiersDataSource() datasource.DataSource {
	return &controlPlaneTiersDataSource{}
}

type controlPlaneTiersDataSource struct {
	framework.AWSDataSource
}

func (d *controlPlaneTiersDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_control_plane_tiers"
}

type controlPlaneTiersModel struct {
	KubernetesVersion types.String                    `tfsdk:"kubernetes_version"`
	Prices            map[string]framework.RealNumber `tfsdk:"prices"`
	HoursPerMonth     types.Float64                   `tfsdk:"hours_per_month"`
	Tiers             []tierInfoModel                 `tfsdk:"tiers"`
}

type tierInfoModel struct {
	Name                       types.String          `tfsdk:"name"`
	APIRequestConcurrency      types.Int64           `tfsdk:"api_request_concurrency"`
	PodSchedulingRatePerSecond types.Int64           `tfsdk:"pod_scheduling_rate_per_second"`
	ClusterDatabaseSizeGB      types.Int64           `tfsdk:"cluster_database_size_gb"`
	HourlyPriceUSD             types.Float64         `tfsdk:"hourly_price_usd"`
	MonthlyPriceUSD            types.Float64         `tfsdk:"monthly_price_usd"`
	PriceSource                types.String          `tfsdk:"price_source"`
	Note                       types.String          `tfsdk:"note"`
	ComponentConfigLimits      *componentLimitsModel `tfsdk:"component_config_limits"`
}

func (d *controlPlaneTiersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every EKS control-plane tier's capabilities for a Kubernetes version, as " +
			"`DescribeClusterVersions` reports them, with the limits of the advanced control-plane configuration on each tier " +
			"and an hourly and monthly (730 h) price. Prices are " +
			"documented defaults (AWS launch announcement, Nov 2025, us-east-1; `standard` is the normal $0.10/h " +
			"cluster fee) that `prices` overrides; `tier-8xl` has no published price, so its price is null unless you supply one.",
		Attributes: map[string]schema.Attribute{
			"kubernetes_version": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "Kubernetes version, e.g. `1.33`. Defaults to the version EKS marks as default.",
				Validators:          []validator.String{stringvalidator.RegexMatches(kubernetesVersionRegexp, "must be a Kubernetes minor version such as 1.33")},
			},
			"prices": schema.MapAttribute{
				ElementType: priceType,
				Optional:    true,
				MarkdownDescription: "Hourly cluster price in USD per tier, overriding the defaults (your region, your discounts, " +
					"or the `tier-8xl` price you were quoted): 0 to " + fmt.Sprint(priceType.Max) + ". Keys are tier names: " + fmt.Sprintf("%q", tiers.Names) + ".",
				Validators: []validator.Map{mapvalidator.KeysAre(stringvalidator.OneOf(tiers.Names...))},
			},
			"hours_per_month": schema.Float64Attribute{
				Computed:            true,
				MarkdownDescription: "Hours in the month used for monthly prices (730, as AWS pricing pages use).",
			},
			"tiers": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "One entry per tier the API lists for the version, smallest first.",
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"name":                           schema.StringAttribute{Computed: true, MarkdownDescription: "Tier name, as `scaling_control_plane_tier.tier` takes it."},
						"api_request_concurrency":        schema.Int64Attribute{Computed: true, MarkdownDescription: "Concurrent API request seats."},
						"pod_scheduling_rate_per_second": schema.Int64Attribute{Computed: true, MarkdownDescription: "Pods per second the scheduler binds."},
						"cluster_database_size_gb":       schema.Int64Attribute{Computed: true, MarkdownDescription: "etcd database size limit in GB."},
						"hourly_price_usd":               schema.Float64Attribute{Computed: true, MarkdownDescription: "Cluster price per hour on this tier (replaces the standard fee); null when unknown."},
						"monthly_price_usd":              schema.Float64Attribute{Computed: true, MarkdownDescription: "`hourly_price_usd` x `hours_per_month`; null when unknown."},
						"price_source":                   schema.StringAttribute{Computed: true, MarkdownDescription: "Where the price comes from: `prices` input or the default's source."},
						"note":                           schema.StringAttribute{Computed: true, MarkdownDescription: "Caveats, e.g. why a price is null."},
						"component_config_limits":        componentLimitsAttribute(),
					},
				},
			},
		},
	}
}

func (d *controlPlaneTiersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m controlPlaneTiersModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	v, err := findClusterVersion(ctx, d.Client.EKS, m.KubernetesVersion.ValueString())
	if tfresource.IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("kubernetes_version"), "Kubernetes version not offered by EKS",
			fmt.Sprintf("%v. Use a version EKS supports (see `aws eks describe-cluster-versions`).", err))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Reading EKS control-plane tiers failed", err.Error())
		return
	}
	m.KubernetesVersion = types.StringPointerValue(v.ClusterVersion)
	m.HoursPerMonth = types.Float64Value(tiers.HoursPerMonth)
	m.Tiers = []tierInfoModel{}
	for _, t := range v.ControlPlaneScalingTiers {
		name := aws.ToString(t.TierName)
		info := tierInfoModel{
			Name:                       types.StringValue(name),
			APIRequestConcurrency:      int64Value(t.ApiRequestConcurrency),
			PodSchedulingRatePerSecond: int64Value(t.PodSchedulingRatePerSecond),
			ClusterDatabaseSizeGB:      int64Value(t.ClusterDatabaseSizeGb),
			ComponentConfigLimits:      componentLimitsValue(componentLimits(v, name)),
		}
		setPrice(&info, name, m.Prices)
		m.Tiers = append(m.Tiers, info)
	}
	sortTiers(m.Tiers)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// setPrice fills a tier's price: the user's override, else the documented
// default, else null with a note saying how to supply one.
func setPrice(info *tierInfoModel, name string, overrides map[string]framework.RealNumber) {
	info.HourlyPriceUSD, info.MonthlyPriceUSD = types.Float64Null(), types.Float64Null()
	info.Note = types.StringNull()
	if p, ok := overrides[name]; ok && !p.IsNull() && !p.IsUnknown() {
		info.HourlyPriceUSD = types.Float64Value(p.ValueFloat64())
		info.MonthlyPriceUSD = types.Float64Value(tiers.MonthlyUSD(p.ValueFloat64()))
		info.PriceSource = types.StringValue("prices input")
		return
	}
	def, err := tiers.Lookup(name)
	if err != nil {
		info.PriceSource = types.StringValue("none")
		info.Note = types.StringValue(fmt.Sprintf("Tier %q is not known to this provider version; set prices[%q] to price it.", name, name))
		return
	}
	info.PriceSource = types.StringValue(def.Source)
	if !def.HasPrice {
		info.Note = types.StringValue(fmt.Sprintf("No published price for %s: set prices[%q] to the hourly price AWS quotes you.", name, name))
		return
	}
	info.HourlyPriceUSD = types.Float64Value(def.HourlyUSD)
	info.MonthlyPriceUSD = types.Float64Value(tiers.MonthlyUSD(def.HourlyUSD))
}

// sortTiers orders tiers smallest first; unknown tiers go last.
func sortTiers(ts []tierInfoModel) {
	rank := func(t tierInfoModel) int {
		if r := tiers.Rank(t.Name.ValueString()); r >= 0 {
			return r
		}
		return len(tiers.Names)
	}
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && rank(ts[j]) < rank(ts[j-1]); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}
