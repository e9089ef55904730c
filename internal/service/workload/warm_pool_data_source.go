package workload

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/warmpool"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSource                   = (*warmPoolDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*warmPoolDataSource)(nil)
)

func newWarmPoolDataSource() datasource.DataSource {
	return &warmPoolDataSource{framework.OfflineDataSource{TypeName: "warm_pool"}}
}

type warmPoolDataSource struct{ framework.OfflineDataSource }

type warmPoolModel struct {
	Name                types.String          `tfsdk:"name"`
	Namespace           types.String          `tfsdk:"namespace"`
	Mode                types.String          `tfsdk:"mode"`
	Replicas            framework.WholeNumber `tfsdk:"replicas"`
	BaselineReplicas    framework.WholeNumber `tfsdk:"baseline_replicas"`
	PeakReplicas        framework.WholeNumber `tfsdk:"peak_replicas"`
	SafetyFactor        framework.RealNumber  `tfsdk:"safety_factor"`
	Basis               types.String          `tfsdk:"basis"`
	CPU                 types.String          `tfsdk:"cpu"`
	Memory              types.String          `tfsdk:"memory"`
	ExtendedResources   types.Map             `tfsdk:"extended_resources"`
	Image               types.String          `tfsdk:"image"`
	NodePool            types.String          `tfsdk:"node_pool"`
	NodeSelector        types.Map             `tfsdk:"node_selector"`
	Tolerations         []tolerationModel     `tfsdk:"tolerations"`
	PriorityClassName   types.String          `tfsdk:"priority_class_name"`
	PriorityClassValue  framework.WholeNumber `tfsdk:"priority_class_value"`
	Schedule            []windowModel         `tfsdk:"schedule"`
	Scaler              types.String          `tfsdk:"scaler"`
	KubectlImage        types.String          `tfsdk:"kubectl_image"`
	PricePerPodHour     framework.RealNumber  `tfsdk:"price_per_pod_hour"`
	InstanceHourlyPrice framework.RealNumber  `tfsdk:"instance_hourly_price"`
	PodsPerInstance     framework.RealNumber  `tfsdk:"pods_per_instance"`
	InstanceCPU         types.String          `tfsdk:"instance_cpu"`
	InstanceMemory      types.String          `tfsdk:"instance_memory"`
	CapacityBuffer      *capacityBufferModel  `tfsdk:"capacity_buffer"`
	StaticNodePool      *staticNodePoolModel  `tfsdk:"static_node_pool"`
	SizingBasis         types.String          `tfsdk:"sizing_basis"`
	Nodes               types.Int64           `tfsdk:"nodes"`
	MaxReplicas         types.Int64           `tfsdk:"max_replicas"`
	Windows             []windowResultModel   `tfsdk:"windows"`
	WeeklyPodHours      types.Float64         `tfsdk:"weekly_pod_hours"`
	PodHourPrice        types.Float64         `tfsdk:"pod_hour_price"`
	MonthlyCost         types.Float64         `tfsdk:"monthly_cost"`
	HoursPerMonth       types.Float64         `tfsdk:"hours_per_month"`
	FeatureGate         types.String          `tfsdk:"feature_gate"`
	Manifests           types.Dynamic         `tfsdk:"manifests"`
	YAML                types.String          `tfsdk:"yaml"`
	JSON                types.String          `tfsdk:"json"`
}

type tolerationModel struct {
	Key      types.String `tfsdk:"key"`
	Operator types.String `tfsdk:"operator"`
	Value    types.String `tfsdk:"value"`
	Effect   types.String `tfsdk:"effect"`
}

type windowModel struct {
	Name     types.String          `tfsdk:"name"`
	Start    types.String          `tfsdk:"start"`
	End      types.String          `tfsdk:"end"`
	TimeZone types.String          `tfsdk:"time_zone"`
	Replicas framework.WholeNumber `tfsdk:"replicas"`
}

type windowResultModel struct {
	Name               types.String  `tfsdk:"name"`
	Replicas           types.Int64   `tfsdk:"replicas"`
	ActiveHoursPerWeek types.Float64 `tfsdk:"active_hours_per_week"`
}

type capacityBufferModel struct {
	ScalableRef *scalableRefModel     `tfsdk:"scalable_ref"`
	Percentage  framework.WholeNumber `tfsdk:"percentage"`
	Limits      types.Map             `tfsdk:"limits"`
}

type scalableRefModel struct {
	APIGroup types.String `tfsdk:"api_group"`
	Kind     types.String `tfsdk:"kind"`
	Name     types.String `tfsdk:"name"`
}

type staticNodePoolModel struct {
	NodeClassGroup types.String          `tfsdk:"node_class_group"`
	NodeClassKind  types.String          `tfsdk:"node_class_kind"`
	NodeClassName  types.String          `tfsdk:"node_class_name"`
	PodsPerNode    framework.WholeNumber `tfsdk:"pods_per_node"`
	InstanceTypes  types.List            `tfsdk:"instance_types"`
	CapacityType   types.String          `tfsdk:"capacity_type"`
}

// spec turns the configuration into the renderer's input.
func (m warmPoolModel) spec(ctx context.Context, diags *diag.Diagnostics) warmpool.Spec {
	s := warmpool.Spec{
		Name:              m.Name.ValueString(),
		Namespace:         m.Namespace.ValueString(),
		Mode:              warmpool.Mode(m.Mode.ValueString()),
		Replicas:          m.Replicas.Int64Pointer(),
		NodePool:          m.NodePool.ValueString(),
		NodeSelector:      framework.StringMap(ctx, m.NodeSelector, diags),
		PriorityClassName: m.PriorityClassName.ValueString(),
		PriorityValue:     m.PriorityClassValue.Int64Pointer(),
		Scaler:            warmpool.Scaler(m.Scaler.ValueString()),
		KubectlImage:      m.KubectlImage.ValueString(),
		Pod: warmpool.PodShape{
			CPU: m.CPU.ValueString(), Memory: m.Memory.ValueString(), Image: m.Image.ValueString(),
			Extended: framework.StringMap(ctx, m.ExtendedResources, diags),
		},
		Price: warmpool.Price{
			PerPodHour: m.PricePerPodHour.ValueFloat64(), InstanceHourly: m.InstanceHourlyPrice.ValueFloat64(),
			PodsPerInstance: m.PodsPerInstance.ValueFloat64(),
			InstanceCPU:     m.InstanceCPU.ValueString(), InstanceMemory: m.InstanceMemory.ValueString(),
		},
	}
	// Sizing from the traffic pattern unless replicas is given; a
	// safety_factor or peak_replicas alone still selects it, so their
	// problems are reported.
	if !m.PeakReplicas.IsNull() || !m.SafetyFactor.IsNull() || !m.BaselineReplicas.IsNull() {
		s.Sizing = &sizing.Input{
			BaselineReplicas: m.BaselineReplicas.ValueInt64(),
			PeakReplicas:     m.PeakReplicas.ValueInt64(),
			SafetyFactor:     m.SafetyFactor.ValueFloat64(),
			Basis:            sizing.Basis(m.Basis.ValueString()),
		}
	}
	for _, t := range m.Tolerations {
		s.Tolerations = append(s.Tolerations, warmpool.Toleration{
			Key: t.Key.ValueString(), Operator: t.Operator.ValueString(), Value: t.Value.ValueString(), Effect: t.Effect.ValueString(),
		})
	}
	for _, w := range m.Schedule {
		s.Schedules = append(s.Schedules, warmpool.Window{
			Name: w.Name.ValueString(), Start: w.Start.ValueString(), End: w.End.ValueString(),
			TimeZone: w.TimeZone.ValueString(), Replicas: w.Replicas.ValueInt64(),
		})
	}
	if b := m.CapacityBuffer; b != nil {
		s.Buffer.Percentage = b.Percentage.Int64Pointer()
		s.Buffer.Limits = framework.StringMap(ctx, b.Limits, diags)
		if r := b.ScalableRef; r != nil {
			s.Buffer.ScalableRef = &warmpool.ScalableRef{APIGroup: r.APIGroup.ValueString(), Kind: r.Kind.ValueString(), Name: r.Name.ValueString()}
		}
	}
	if st := m.StaticNodePool; st != nil {
		s.Static = warmpool.StaticNodePoolSpec{
			NodeClassGroup: st.NodeClassGroup.ValueString(), NodeClassKind: st.NodeClassKind.ValueString(),
			NodeClassName: st.NodeClassName.ValueString(), PodsPerNode: st.PodsPerNode.ValueInt64(),
			InstanceTypes: framework.StringList(ctx, st.InstanceTypes, diags), CapacityType: st.CapacityType.ValueString(),
		}
	}
	return s
}

// ValidateConfig reports bad input at validate/plan time, once every
// value is known.
func (d *warmPoolDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	framework.ValidateRenderedConfig(ctx, req, resp, func(m *warmPoolModel, diags *diag.Diagnostics) problem.List {
		_, probs := warmpool.Render(m.spec(ctx, diags))
		return probs
	})
}

func (d *warmPoolDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadComputed(ctx, req, resp,
		func(m *warmPoolModel, diags *diag.Diagnostics) (warmpool.Result, problem.List) {
			return warmpool.Render(m.spec(ctx, diags))
		},
		(*warmPoolModel).setOutputs)
}

// setOutputs fills the computed attributes from the rendered warm pool.
func (m *warmPoolModel) setOutputs(res warmpool.Result, diags *diag.Diagnostics) {
	dyn, y, j, err := renderedOutputs(res.Objects)
	if err != nil {
		diags.AddError("Rendering the warm pool failed", err.Error())
		return
	}
	m.Manifests, m.YAML, m.JSON = dyn, types.StringValue(y), types.StringValue(j)
	m.Replicas = framework.WholeNumberValue(res.Replicas)
	m.SizingBasis = types.StringValue(res.Basis)
	m.Nodes = types.Int64Null()
	if warmpool.Mode(m.Mode.ValueString()) == warmpool.ModeStaticNodePool {
		m.Nodes = types.Int64Value(res.Nodes)
	}
	m.MaxReplicas = types.Int64Value(res.MaxReplicas)
	m.Windows = []windowResultModel{}
	for _, w := range res.Windows {
		m.Windows = append(m.Windows, windowResultModel{
			Name: types.StringValue(w.Name), Replicas: types.Int64Value(w.Replicas),
			ActiveHoursPerWeek: float64OrNull(true, w.ActiveHoursPerWeek),
		})
	}
	m.WeeklyPodHours = float64OrNull(true, res.WeeklyPodHours)
	m.PodHourPrice = float64OrNull(res.Priced, res.PerPodHour)
	m.MonthlyCost = float64OrNull(res.Priced, res.MonthlyCost)
	m.HoursPerMonth = types.Float64Value(sizing.HoursPerMonth)
	m.FeatureGate = types.StringNull()
	if res.FeatureGate != "" {
		m.FeatureGate = types.StringValue(res.FeatureGate)
	}
}
