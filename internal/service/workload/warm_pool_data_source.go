package workload

import (
	"context"
	"math"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/warmpool"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSourceWithValidateConfig = (*warmPoolDataSource)(nil)
	_ framework.ComputedModel                 = (*warmPoolModel)(nil)
)

func newWarmPoolDataSource() datasource.DataSource { return &warmPoolDataSource{} }

type warmPoolDataSource struct {
	framework.OfflineDataSource[warmPoolModel, *warmPoolModel]
}

func (d *warmPoolDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_warm_pool"
}

type warmPoolModel struct {
	Name                types.String          `tfsdk:"name"`
	Namespace           types.String          `tfsdk:"namespace"`
	Mode                types.String          `tfsdk:"mode"`
	Replicas            framework.WholeNumber `tfsdk:"replicas"`
	BaselineReplicas    framework.WholeNumber `tfsdk:"baseline_replicas"`
	PeakReplicas        framework.WholeNumber `tfsdk:"peak_replicas"`
	SafetyFactor        framework.RealNumber  `tfsdk:"safety_factor"`
	Basis               types.String          `tfsdk:"basis"`
	ObservedBursts      []types.Number        `tfsdk:"observed_bursts"`
	TargetCoverage      framework.RealNumber  `tfsdk:"target_coverage"`
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
	BurstCoverage       types.Float64         `tfsdk:"burst_coverage"`
	WarmForCoverage     types.Int64           `tfsdk:"warm_pods_for_coverage"`
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

func (d *warmPoolDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders warm capacity for a workload, offline at plan time, with its size and cost. " +
			"`mode` picks how capacity is held: `pause_pods` (a negative-priority PriorityClass and a pause Deployment " +
			"whose pods request what a workload pod requests; real pods preempt them), `capacity_buffer` (a Karpenter " +
			"`CapacityBuffer`, `" + warmpool.CapacityBufferAPIVersion + "`, feature gate `CapacityBuffer`), or " +
			"`static_node_pool` (a Karpenter NodePool with `spec.replicas`, feature gate `StaticCapacity`). " +
			"Time-of-day `schedule` windows resize the pause Deployment through CronJobs or a KEDA ScaledObject: outside " +
			"every window the pool holds `replicas`; inside, the largest of `replicas` and the active windows' replicas " +
			"(overlaps: the maximum wins; gaps: the base size). Pass `manifests` to `kubernetes_manifest` (one per element).",
		Attributes: map[string]schema.Attribute{
			"name":      schema.StringAttribute{Optional: true, MarkdownDescription: "Name of the rendered objects (a DNS label of at most 40 characters). Default `" + warmpool.DefaultName + "`."},
			"namespace": schema.StringAttribute{Optional: true, MarkdownDescription: "Namespace of the namespaced objects. Default `" + warmpool.DefaultNamespace + "`."},
			"mode":      schema.StringAttribute{Optional: true, MarkdownDescription: "`pause_pods` (default), `capacity_buffer` or `static_node_pool`."},
			"replicas": schema.NumberAttribute{Optional: true, Computed: true, CustomType: replicasType, MarkdownDescription: "Warm pods outside every schedule window. " +
				"Set it, or leave it to the sizing inputs: then it is `ceil(basis x safety_factor)`."},
			"baseline_replicas": schema.NumberAttribute{Optional: true, CustomType: replicasType, MarkdownDescription: "Replicas the workload runs at its usual load (sizing input). Default 0."},
			"peak_replicas":     schema.NumberAttribute{Optional: true, CustomType: replicasType, MarkdownDescription: "Replicas the workload runs at its peak (sizing input); not below `baseline_replicas`."},
			"observed_bursts": schema.ListAttribute{Optional: true, ElementType: types.NumberType, MarkdownDescription: "Bursts the workload really had, in pods above its baseline " +
				"(e.g. the last 30 daily peaks minus each day's trough; the guide *Choosing warm capacity* shows how to get them from Prometheus or CloudWatch). " +
				"Sets `burst_coverage` and `warm_pods_for_coverage`; with neither `replicas` nor the sizing inputs, the pool is sized for `target_coverage` of them. " +
				"Each a whole number of pods, 0 to 150000 (Kubernetes' cluster limit); up to 10,000 entries."},
			"target_coverage": schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 1}, MarkdownDescription: "With `observed_bursts`: the share of them the pool should absorb completely, in (0, 1] (default 0.9)."},
			"safety_factor":   schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 1}, MarkdownDescription: "Share of the basis kept warm, in (0, 1], e.g. `0.15`."},
			"basis": schema.StringAttribute{Optional: true, MarkdownDescription: "What `safety_factor` multiplies: `peak_delta` (default, `peak - baseline`, the guide's formula) or " +
				"`peak` (the whole peak, as the guide's cost table did). Echoed in `sizing_basis`."},
			"cpu":    schema.StringAttribute{Optional: true, MarkdownDescription: "CPU one warm pod requests: the same as one real workload pod, e.g. `500m`."},
			"memory": schema.StringAttribute{Optional: true, MarkdownDescription: "Memory one warm pod requests, e.g. `512Mi`."},
			"extended_resources": schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Other resources " +
				"the workload pod requests (`nvidia.com/gpu`, `hugepages-2Mi`, `ephemeral-storage`), by quantity. They are requested " +
				"and limited at the same quantity, as the API requires for resources that cannot be overcommitted."},
			"image":     schema.StringAttribute{Optional: true, MarkdownDescription: "Pause container image. Default `" + warmpool.DefaultPauseImage + "`."},
			"node_pool": schema.StringAttribute{Optional: true, MarkdownDescription: "Karpenter NodePool the warm pods are pinned to (node selector `" + warmpool.NodePoolLabel + "`)."},
			"node_selector": schema.MapAttribute{ElementType: types.StringType, Optional: true,
				MarkdownDescription: "Node selector used instead of `node_pool`, for pools selected otherwise."},
			"tolerations": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "Tolerations for a tainted NodePool.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"key":      schema.StringAttribute{Optional: true, MarkdownDescription: "Taint key."},
					"operator": schema.StringAttribute{Optional: true, MarkdownDescription: "`Equal` (default) or `Exists`."},
					"value":    schema.StringAttribute{Optional: true, MarkdownDescription: "Taint value (with `Equal`)."},
					"effect":   schema.StringAttribute{Optional: true, MarkdownDescription: "`NoSchedule`, `PreferNoSchedule` or `NoExecute`; empty matches all."},
				}}},
			"priority_class_name": schema.StringAttribute{Optional: true, MarkdownDescription: "PriorityClass of the pause pods (cluster-scoped). Default `<namespace>-<name>`."},
			"priority_class_value": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: -warmpool.MaxPriority, Max: warmpool.MaxPriority}, MarkdownDescription: "Its value: negative, so that every " +
				"default-priority pod preempts the warm pods. Default `-1`."},
			"schedule": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "Time-of-day windows (mode `pause_pods`). A window " +
				"is active from each `start` until the next `end` (KEDA's cron rule). Pod-hours are computed over a fixed reference " +
				"week (Monday 5 January 2026) so plans are deterministic.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":      schema.StringAttribute{Required: true, MarkdownDescription: "Window name (a DNS label, unique)."},
					"start":     schema.StringAttribute{Required: true, MarkdownDescription: "Five-field cron when the window opens, e.g. `0 8 * * 1-5`."},
					"end":       schema.StringAttribute{Required: true, MarkdownDescription: "Five-field cron when it closes, e.g. `0 18 * * 1-5`."},
					"time_zone": schema.StringAttribute{Optional: true, MarkdownDescription: "IANA time zone of both crons, e.g. `Europe/Berlin` (required by both scalers; the cronjob scaler needs one zone for all windows)."},
					"replicas":  schema.NumberAttribute{Required: true, CustomType: replicasType, MarkdownDescription: "Warm pods while the window is active (at least 1 with KEDA)."},
				}}},
			"scaler": schema.StringAttribute{Optional: true, MarkdownDescription: "What applies the schedule: `cronjob` (default: CronJobs running `kubectl scale`, one per change of the " +
				"weekly size, with a ServiceAccount, Role on `deployments` and `deployments/scale`, RoleBinding; windows must repeat " +
				"weekly) or `keda` (a ScaledObject with one `cron` trigger per window; no kubectl image, no RBAC)."},
			"kubectl_image":         schema.StringAttribute{Optional: true, MarkdownDescription: "Image of the CronJobs (entrypoint `kubectl`). Default `" + warmpool.DefaultKubectlImage + "`."},
			"price_per_pod_hour":    schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 1000}, MarkdownDescription: "Price of one warm pod per hour, in USD."},
			"instance_hourly_price": schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 1000}, MarkdownDescription: "Hourly price of the instance warm pods run on; priced by the pod's share (`pods_per_instance`, or `instance_cpu`/`instance_memory`). For `static_node_pool`, the price of one node."},
			"pods_per_instance":     schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 1000}, MarkdownDescription: "Warm pods one instance holds (the pod's share is 1/this)."},
			"instance_cpu":          schema.StringAttribute{Optional: true, MarkdownDescription: "CPU of the instance, e.g. `8`: the pod's share is the larger of its CPU and memory fractions."},
			"instance_memory":       schema.StringAttribute{Optional: true, MarkdownDescription: "Memory of the instance, e.g. `32Gi`."},
			"capacity_buffer": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Settings of mode `capacity_buffer`. " +
				"Without `scalable_ref` a PodTemplate of the pod shape is rendered and referenced.",
				Attributes: map[string]schema.Attribute{
					"scalable_ref": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Workload whose pod shape the buffer copies.",
						Attributes: map[string]schema.Attribute{
							"api_group": schema.StringAttribute{Optional: true, MarkdownDescription: "API group, e.g. `apps`."},
							"kind":      schema.StringAttribute{Required: true, MarkdownDescription: "`Deployment`, `StatefulSet` or `ReplicaSet`."},
							"name":      schema.StringAttribute{Required: true, MarkdownDescription: "Its name."},
						}},
					"percentage": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 1000}, MarkdownDescription: "Buffer as a percentage of the scalable's replicas; with `replicas` Karpenter takes the smaller."},
					"limits":     schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Caps on the buffer's total requests, e.g. `{ cpu = \"20\" }`."},
				}},
			"static_node_pool": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Settings of mode `static_node_pool`.",
				Attributes: map[string]schema.Attribute{
					"node_class_group": schema.StringAttribute{Optional: true, MarkdownDescription: "NodeClass group. Default `karpenter.k8s.aws`."},
					"node_class_kind":  schema.StringAttribute{Optional: true, MarkdownDescription: "NodeClass kind. Default `EC2NodeClass`."},
					"node_class_name":  schema.StringAttribute{Optional: true, MarkdownDescription: "NodeClass name. Default `default`."},
					"pods_per_node": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 1, Max: 1000}, MarkdownDescription: "Warm pods one node holds; nodes = " +
						"ceil(warm pods / this). Defaults to `pods_per_instance` or the pod's share of `instance_cpu`/`instance_memory`."},
					"instance_types": schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Instance types allowed (requirement `node.kubernetes.io/instance-type`)."},
					"capacity_type":  schema.StringAttribute{Optional: true, MarkdownDescription: "`on-demand` (default), `spot` or `reserved`."},
				}},
			"sizing_basis": schema.StringAttribute{Computed: true, MarkdownDescription: "How `replicas` was found: `replicas` (given), `peak_delta`, `peak` or `observed_bursts`."},
			"burst_coverage": schema.Float64Attribute{Computed: true, MarkdownDescription: "The share of `observed_bursts` the pool (`replicas`, its size outside schedule windows) " +
				"absorbs completely (burst <= pool); null without them."},
			"warm_pods_for_coverage": schema.Int64Attribute{Computed: true, MarkdownDescription: "The smallest pool that absorbs `target_coverage` of `observed_bursts` completely " +
				"(as `provider::scaling::warm_pool_for_coverage`); null without them."},
			"nodes":            schema.Int64Attribute{Computed: true, MarkdownDescription: "Nodes of the static NodePool (mode `static_node_pool`), else null."},
			"max_replicas":     schema.Int64Attribute{Computed: true, MarkdownDescription: "Largest size the schedule reaches."},
			"weekly_pod_hours": schema.Float64Attribute{Computed: true, MarkdownDescription: "Warm pod-hours per week."},
			"pod_hour_price":   schema.Float64Attribute{Computed: true, MarkdownDescription: "Resolved price per warm pod-hour; null without a price input."},
			"monthly_cost": schema.Float64Attribute{Computed: true, MarkdownDescription: "Monthly cost in USD over a 720-hour month: pods x price x 720, " +
				"or weekly pod-hours x 720/168 x price with a schedule, or nodes x instance price x 720 for a static NodePool. Null without a price."},
			"hours_per_month": schema.Float64Attribute{Computed: true, MarkdownDescription: "Hours per month used for costs (720, as the guide prices warm pods)."},
			"feature_gate":    schema.StringAttribute{Computed: true, MarkdownDescription: "Karpenter feature gate the mode needs, as `FEATURE_GATES` spells it (`CapacityBuffer`, `StaticCapacity`; Helm: `settings.featureGates.capacityBuffer` / `.staticCapacity`), else null."},
			"windows": schema.ListNestedAttribute{Computed: true, MarkdownDescription: "Each schedule window with its replicas and active hours per week.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":                  schema.StringAttribute{Computed: true, MarkdownDescription: "Window name."},
					"replicas":              schema.Int64Attribute{Computed: true, MarkdownDescription: "Its replicas."},
					"active_hours_per_week": schema.Float64Attribute{Computed: true, MarkdownDescription: "Hours per week it is active."},
				}}},
			"manifests": schema.DynamicAttribute{Computed: true, MarkdownDescription: "The objects in apply order (a tuple of objects), for `kubernetes_manifest`."},
			"yaml":      schema.StringAttribute{Computed: true, MarkdownDescription: "The objects as one YAML stream, in apply order."},
			"json":      schema.StringAttribute{Computed: true, MarkdownDescription: "The objects as a JSON array, in apply order."},
		},
	}
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

// defaultCoverage: the share of observed bursts the pool absorbs when
// sized from them (the guide's "90 % of bursts").
const defaultCoverage = 0.9

// coverage reads the observed bursts and the target coverage.
func (m warmPoolModel) coverage() ([]int64, float64, problem.List) {
	bursts, probs := framework.WholeList("observed_bursts", m.ObservedBursts, sizing.BurstBound)
	c := defaultCoverage
	if p := m.TargetCoverage.Float64Pointer(); p != nil {
		c = *p
		if err := sizing.ValidateCoverage(c); err != nil {
			probs.Addf(problem.Path{"target_coverage"}, "%v", err)
		}
		if m.ObservedBursts == nil {
			probs.Addf(problem.Path{"target_coverage"}, "target_coverage applies to observed_bursts: give the bursts too")
		}
	}
	if bursts != nil && !probs.HasErrors() {
		if i, err := sizing.ValidateBursts(bursts); err != nil {
			path := problem.Path{"observed_bursts"}
			if i >= 0 {
				path = path.Child(i)
			}
			probs.Addf(path, "%v", err)
		}
	}
	return bursts, c, probs
}

// Compute renders the warm pool and prices it.
func (m *warmPoolModel) Compute(ctx context.Context, diags *diag.Diagnostics) problem.List {
	bursts, coverage, probs := m.coverage()
	if probs.HasErrors() {
		return probs
	}
	spec := m.spec(ctx, diags)
	fromBursts := bursts != nil && spec.Replicas == nil && spec.Sizing == nil
	if fromBursts {
		n := sizing.WarmForCoverage(bursts, coverage)
		spec.Replicas = &n
	}
	res, rprobs := warmpool.Render(spec)
	probs = append(probs, rprobs...)
	if probs.HasErrors() {
		return probs
	}
	m.Manifests, m.YAML, m.JSON = framework.RenderObjects(res.Objects, diags)
	m.Replicas = framework.WholeNumberValue(res.Replicas)
	m.SizingBasis = types.StringValue(res.Basis)
	if fromBursts {
		m.SizingBasis = types.StringValue("observed_bursts")
	}
	m.BurstCoverage, m.WarmForCoverage = types.Float64Null(), types.Int64Null()
	if bursts != nil {
		m.BurstCoverage = types.Float64Value(sizing.Coverage(bursts, res.Replicas))
		m.WarmForCoverage = types.Int64Value(sizing.WarmForCoverage(bursts, coverage))
	}
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
	return probs
}

// float64OrNull is a computed float that is null when not known.
func float64OrNull(ok bool, v float64) types.Float64 {
	if !ok {
		return types.Float64Null()
	}
	// Drop float noise (15 x 0.05 x 720 = 540.0000000000001) so outputs
	// read as the figures they are.
	return types.Float64Value(math.Round(v*1e9) / 1e9)
}
