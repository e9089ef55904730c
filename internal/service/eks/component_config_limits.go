package eks

import (
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	cc "github.com/scalingkit/terraform-provider-scaling/internal/core/model/componentconfig"
)

// The advanced control-plane configuration's limits as
// scaling_control_plane_tiers reports them for each tier: the version's
// defaults and constraints with the tier's overrides applied.

type componentLimitsModel struct {
	HPASyncPeriod            *durationLimitModel `tfsdk:"horizontal_pod_autoscaler_sync_period"`
	TerminatedPodGCThreshold *intLimitModel      `tfsdk:"terminated_pod_gc_threshold"`
	ScoringStrategy          *strategyLimitModel `tfsdk:"scoring_strategy"`
	ResourceWeights          *weightsLimitModel  `tfsdk:"resource_weights"`
	EventTTL                 *durationLimitModel `tfsdk:"event_ttl"`
	ServiceNodePortRange     *portsLimitModel    `tfsdk:"service_node_port_range"`
}

type durationLimitModel struct {
	Default types.String `tfsdk:"default"`
	Min     types.String `tfsdk:"min"`
	Max     types.String `tfsdk:"max"`
}

type intLimitModel struct {
	Default types.Int64 `tfsdk:"default"`
	Min     types.Int64 `tfsdk:"min"`
	Max     types.Int64 `tfsdk:"max"`
}

type strategyLimitModel struct {
	Default types.String   `tfsdk:"default"`
	Allowed []types.String `tfsdk:"allowed"`
}

type weightsLimitModel struct {
	Default   map[string]types.Int64 `tfsdk:"default"`
	Resources []types.String         `tfsdk:"resources"`
	MinWeight types.Int64            `tfsdk:"min_weight"`
	MaxWeight types.Int64            `tfsdk:"max_weight"`
}

type portsLimitModel struct {
	DefaultMinPort types.Int64     `tfsdk:"default_min_port"`
	DefaultMaxPort types.Int64     `tfsdk:"default_max_port"`
	MinPort        *portLimitModel `tfsdk:"min_port"`
	MaxPort        *portLimitModel `tfsdk:"max_port"`
}

type portLimitModel struct {
	Min types.Int64 `tfsdk:"min"`
	Max types.Int64 `tfsdk:"max"`
}

// componentLimitsValue is l for the data source; nil (null) when the
// version has no advanced configuration.
func componentLimitsValue(l cc.Limits) *componentLimitsModel {
	if !l.Supported {
		return nil
	}
	out := &componentLimitsModel{HPASyncPeriod: durationLimitValue(l.HPASyncPeriod), EventTTL: durationLimitValue(l.EventTTL)}
	if p := l.TerminatedPodGCThreshold; p != nil {
		out.TerminatedPodGCThreshold = &intLimitModel{types.Int64Value(p.Default), types.Int64Value(p.Min), types.Int64Value(p.Max)}
	}
	if p := l.Scoring; p != nil {
		out.ScoringStrategy = &strategyLimitModel{Default: stringOrNull(p.DefaultStrategy), Allowed: stringValues(p.Strategies)}
		w := &weightsLimitModel{Resources: stringValues(p.Resources), MinWeight: types.Int64Value(p.MinWeight), MaxWeight: types.Int64Value(p.MaxWeight)}
		if p.DefaultWeights != nil {
			w.Default = map[string]types.Int64{}
			for _, k := range slices.Sorted(maps.Keys(p.DefaultWeights)) {
				w.Default[k] = types.Int64Value(p.DefaultWeights[k])
			}
		}
		out.ResourceWeights = w
	}
	if p := l.NodePortRange; p != nil {
		out.ServiceNodePortRange = &portsLimitModel{
			DefaultMinPort: types.Int64Value(p.Default.Min), DefaultMaxPort: types.Int64Value(p.Default.Max),
			MinPort: &portLimitModel{types.Int64Value(p.MinPort.Min), types.Int64Value(p.MinPort.Max)},
			MaxPort: &portLimitModel{types.Int64Value(p.MaxPort.Min), types.Int64Value(p.MaxPort.Max)},
		}
	}
	return out
}

func durationLimitValue(p *cc.DurationLimit) *durationLimitModel {
	if p == nil {
		return nil
	}
	return &durationLimitModel{stringOrNull(p.Default), stringOrNull(p.Min), stringOrNull(p.Max)}
}

func stringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

func stringValues(ss []string) []types.String {
	if ss == nil {
		return nil
	}
	out := make([]types.String, len(ss))
	for i, s := range ss {
		out[i] = types.StringValue(s)
	}
	return out
}

func componentLimitsAttribute() schema.SingleNestedAttribute {
	durationLimit := func(what string) schema.SingleNestedAttribute {
		return schema.SingleNestedAttribute{
			Computed:            true,
			MarkdownDescription: what + ": default and allowed range, as single-unit durations.",
			Attributes: map[string]schema.Attribute{
				"default": schema.StringAttribute{Computed: true, MarkdownDescription: "The value a cluster has unless it is set."},
				"min":     schema.StringAttribute{Computed: true, MarkdownDescription: "Shortest allowed."},
				"max":     schema.StringAttribute{Computed: true, MarkdownDescription: "Longest allowed."},
			},
		}
	}
	portRange := func(what string) schema.SingleNestedAttribute {
		return schema.SingleNestedAttribute{
			Computed:            true,
			MarkdownDescription: "Range " + what + " may take.",
			Attributes: map[string]schema.Attribute{
				"min": schema.Int64Attribute{Computed: true, MarkdownDescription: "Lowest allowed port."},
				"max": schema.Int64Attribute{Computed: true, MarkdownDescription: "Highest allowed port."},
			},
		}
	}
	return schema.SingleNestedAttribute{
		Computed: true,
		MarkdownDescription: "The advanced control-plane configuration's defaults and limits on this tier, as `DescribeClusterVersions` " +
			"reports them: the version's `controlPlaneComponentConfig` with the tier's `controlPlaneComponentConfigOverrides` applied " +
			"(e.g. the HPA sync period allows `10s` to `15s` only on provisioned tiers). The settings of " +
			"[`scaling_control_plane_tier`](../resources/control_plane_tier.md) are checked against these at plan time. " +
			"Null when the version has no advanced configuration (before Kubernetes 1.31); a parameter the API does not describe is null.",
		Attributes: map[string]schema.Attribute{
			"horizontal_pod_autoscaler_sync_period": durationLimit("kube-controller-manager's HPA sync period"),
			"terminated_pod_gc_threshold": schema.SingleNestedAttribute{
				Computed:            true,
				MarkdownDescription: "kube-controller-manager's terminated-pod GC threshold: default and allowed range.",
				Attributes: map[string]schema.Attribute{
					"default": schema.Int64Attribute{Computed: true, MarkdownDescription: "The value a cluster has unless it is set."},
					"min":     schema.Int64Attribute{Computed: true, MarkdownDescription: "Lowest allowed."},
					"max":     schema.Int64Attribute{Computed: true, MarkdownDescription: "Highest allowed."},
				},
			},
			"scoring_strategy": schema.SingleNestedAttribute{
				Computed:            true,
				MarkdownDescription: "kube-scheduler's NodeResourcesFit scoring strategy.",
				Attributes: map[string]schema.Attribute{
					"default": schema.StringAttribute{Computed: true, MarkdownDescription: "The strategy a cluster has unless it is set."},
					"allowed": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Strategies allowed."},
				},
			},
			"resource_weights": schema.SingleNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The scoring strategy's resource weights.",
				Attributes: map[string]schema.Attribute{
					"default":    schema.MapAttribute{Computed: true, ElementType: types.Int64Type, MarkdownDescription: "Weights a cluster has unless they are set."},
					"resources":  schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Resource names that may be weighted."},
					"min_weight": schema.Int64Attribute{Computed: true, MarkdownDescription: "Lowest allowed weight."},
					"max_weight": schema.Int64Attribute{Computed: true, MarkdownDescription: "Highest allowed weight."},
				},
			},
			"event_ttl": durationLimit("kube-apiserver's event TTL"),
			"service_node_port_range": schema.SingleNestedAttribute{
				Computed:            true,
				MarkdownDescription: "kube-apiserver's NodePort range.",
				Attributes: map[string]schema.Attribute{
					"default_min_port": schema.Int64Attribute{Computed: true, MarkdownDescription: "Lowest port of the default range."},
					"default_max_port": schema.Int64Attribute{Computed: true, MarkdownDescription: "Highest port of the default range."},
					"min_port":         portRange("the range's lowest port"),
					"max_port":         portRange("the range's highest port"),
				},
			},
		},
	}
}
