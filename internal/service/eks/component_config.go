package eks

import (
	"context"
	"fmt"
	"maps"
	"math/big"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	cc "github.com/scalingkit/terraform-provider-scaling/internal/core/model/componentconfig"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

// The advanced control-plane configuration on scaling_control_plane_tier:
// three optional objects, one per control-plane component, as the API and
// aws_eks_cluster name them. A setting written in the configuration is
// managed: applied, checked for drift, and set back to its default when it
// is removed (or on destroy with revert_on_destroy). A setting left out is
// not touched.

// Whole-number types of the settings, with the API reference's bounds
// (PodGcControllerConfigRequest 1-1,000,000; a port is 1-65535); the
// version's tighter limits are checked at plan time.
var (
	podGCThresholdType = framework.WholeNumberType{Min: 1, Max: 1_000_000}
	portType           = framework.WholeNumberType{Min: 1, Max: 65535}
	// weightType: ResourceWeight's "Must be between 1 and 100".
	weightType = framework.WholeNumberType{Min: 1, Max: 100}
)

// Attribute types of the three objects.
var (
	controllerManagerTypes = map[string]attr.Type{
		"horizontal_pod_autoscaler_sync_period": types.StringType,
		"terminated_pod_gc_threshold":           podGCThresholdType,
	}
	schedulerTypes = map[string]attr.Type{
		"scoring_strategy": types.StringType,
		"resource_weights": types.MapType{ElemType: weightType},
	}
	portRangeTypes = map[string]attr.Type{"min_port": portType, "max_port": portType}
	apiServerTypes = map[string]attr.Type{
		"event_ttl":               types.StringType,
		"service_node_port_range": types.ObjectType{AttrTypes: portRangeTypes},
	}
)

const userGuide = "EKS user guide, *Advanced Kubernetes control plane configuration*"

func componentConfigAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"kube_controller_manager_config": schema.SingleNestedAttribute{
			Optional: true,
			MarkdownDescription: "kube-controller-manager settings (`kubeControllerManagerConfig`). " +
				"Each setting written here is managed; a setting left out is not touched.",
			Attributes: map[string]schema.Attribute{
				"horizontal_pod_autoscaler_sync_period": schema.StringAttribute{
					Optional: true,
					MarkdownDescription: "How often the HPA controller evaluates every HorizontalPodAutoscaler, as a single-unit duration (`10s`). " +
						"EKS allows `10s` to `15s` (default `15s`) and only on a provisioned tier (" + userGuide + "): " +
						"a shorter period cuts the decision stage of a scale-out. It is applied after an upgrade to a provisioned " +
						"tier and set back to the default before a return to `standard`.",
				},
				"terminated_pod_gc_threshold": schema.NumberAttribute{
					Optional:            true,
					CustomType:          podGCThresholdType,
					MarkdownDescription: "Terminated pods kept before the garbage collector deletes them: a whole number, 1 to 1,000,000 (API reference), within the version's limits.",
				},
			},
		},
		"kube_scheduler_config": schema.SingleNestedAttribute{
			Optional:            true,
			MarkdownDescription: "kube-scheduler settings (`kubeSchedulerConfig.nodeResourcesFit.scoringStrategy`).",
			Attributes: map[string]schema.Attribute{
				"scoring_strategy": schema.StringAttribute{
					Optional: true,
					MarkdownDescription: "`LeastAllocated` (the default: spread pods, headroom on every node) or `MostAllocated` " +
						"(pack pods onto fewer nodes, so Karpenter consolidation can remove the emptied ones). Running pods are not moved.",
					Validators: []validator.String{stringvalidator.OneOf("LeastAllocated", "MostAllocated")},
				},
				"resource_weights": schema.MapAttribute{
					Optional:    true,
					ElementType: weightType,
					MarkdownDescription: "Resource name to weight (a whole number, 1 to 100), e.g. `{ cpu = 1, memory = 1 }` (the default). " +
						"Only the listed resources are scored: list one with a low weight rather than leaving it out. " +
						"Names: `cpu`, `memory`, `nvidia.com/gpu`, `aws.amazon.com/neuron`, `aws.amazon.com/neuroncore` (" + userGuide + ").",
				},
			},
		},
		"kube_api_server_config": schema.SingleNestedAttribute{
			Optional:            true,
			MarkdownDescription: "kube-apiserver settings (`kubeApiServerConfig`).",
			Attributes: map[string]schema.Attribute{
				"event_ttl": schema.StringAttribute{
					Optional: true,
					MarkdownDescription: "How long Kubernetes events are kept, as a single-unit duration: `10m` to `60m` (default `60m`). " +
						"Shorter limits etcd growth on clusters with high pod churn; it applies to new events only.",
				},
				"service_node_port_range": schema.SingleNestedAttribute{
					Optional:            true,
					MarkdownDescription: "The NodePort range: both ends between 10260 and 32767 (default 30000-32767), `min_port` <= `max_port`.",
					Attributes: map[string]schema.Attribute{
						"min_port": schema.NumberAttribute{Required: true, CustomType: portType, MarkdownDescription: "Lowest port of the range."},
						"max_port": schema.NumberAttribute{Required: true, CustomType: portType, MarkdownDescription: "Highest port of the range."},
					},
				},
			},
		},
	}
}

// componentObjects are the three objects of a model.
type componentObjects struct {
	ControllerManager, Scheduler, APIServer types.Object
}

// Equal reports whether both hold the same values.
func (o componentObjects) Equal(p componentObjects) bool {
	return o.ControllerManager.Equal(p.ControllerManager) && o.Scheduler.Equal(p.Scheduler) && o.APIServer.Equal(p.APIServer)
}

// Decoded objects; a null or unknown object decodes to nil.
type controllerManagerModel struct {
	HPASyncPeriod            types.String          `tfsdk:"horizontal_pod_autoscaler_sync_period"`
	TerminatedPodGCThreshold framework.WholeNumber `tfsdk:"terminated_pod_gc_threshold"`
}

type schedulerModel struct {
	ScoringStrategy types.String `tfsdk:"scoring_strategy"`
	ResourceWeights types.Map    `tfsdk:"resource_weights"`
}

type apiServerModel struct {
	EventTTL             types.String `tfsdk:"event_ttl"`
	ServiceNodePortRange types.Object `tfsdk:"service_node_port_range"`
}

type portRangeModel struct {
	MinPort framework.WholeNumber `tfsdk:"min_port"`
	MaxPort framework.WholeNumber `tfsdk:"max_port"`
}

func decodeObject[T any](ctx context.Context, o types.Object, diags *diag.Diagnostics) *T {
	if o.IsNull() || o.IsUnknown() {
		return nil
	}
	var v T
	diags.Append(o.As(ctx, &v, basetypes.ObjectAsOptions{})...)
	return &v
}

// managedConfig is the configuration the objects set. Unknown values are
// left out (nothing checks or sends them), and numbers that are not whole
// are truncated: the schema's whole-number types report them.
func (o componentObjects) managedConfig(ctx context.Context) (cc.Config, diag.Diagnostics) {
	var (
		c     cc.Config
		diags diag.Diagnostics
	)
	if m := decodeObject[controllerManagerModel](ctx, o.ControllerManager, &diags); m != nil {
		c.HPASyncPeriod, c.TerminatedPodGCThreshold = m.HPASyncPeriod.ValueStringPointer(), m.TerminatedPodGCThreshold.Int64Pointer()
	}
	if m := decodeObject[schedulerModel](ctx, o.Scheduler, &diags); m != nil {
		c.ScoringStrategy = m.ScoringStrategy.ValueStringPointer()
		if !m.ResourceWeights.IsNull() && !m.ResourceWeights.IsUnknown() {
			c.ResourceWeights = map[string]int64{}
			for name, v := range m.ResourceWeights.Elements() {
				if w, ok := v.(framework.WholeNumber); ok && w.Int64Pointer() != nil {
					c.ResourceWeights[name] = w.ValueInt64()
				}
			}
		}
	}
	if m := decodeObject[apiServerModel](ctx, o.APIServer, &diags); m != nil {
		c.EventTTL = m.EventTTL.ValueStringPointer()
		if p := decodeObject[portRangeModel](ctx, m.ServiceNodePortRange, &diags); p != nil {
			lo, hi := p.MinPort.Int64Pointer(), p.MaxPort.Int64Pointer()
			if lo != nil && hi != nil {
				c.NodePortRange = &cc.PortRange{Min: *lo, Max: *hi}
			}
		}
	}
	return c, diags
}

// weightDiagnostics reports resource weights that are not whole numbers
// from 1 to 100. The framework checks the whole-number type of a map's
// elements only for top-level attributes, not inside a nested object.
func (o componentObjects) weightDiagnostics(ctx context.Context) diag.Diagnostics {
	var diags diag.Diagnostics
	m := decodeObject[schedulerModel](ctx, o.Scheduler, &diags)
	if m == nil || m.ResourceWeights.IsNull() || m.ResourceWeights.IsUnknown() {
		return diags
	}
	for _, name := range slices.Sorted(maps.Keys(m.ResourceWeights.Elements())) {
		w, ok := m.ResourceWeights.Elements()[name].(framework.WholeNumber)
		if !ok || w.IsNull() || w.IsUnknown() {
			continue
		}
		f := w.ValueBigFloat()
		if f.IsInt() && f.Cmp(big.NewFloat(float64(weightType.Min))) >= 0 && f.Cmp(big.NewFloat(float64(weightType.Max))) <= 0 {
			continue
		}
		at := path.Root("kube_scheduler_config").AtName("resource_weights").AtMapKey(name)
		diags.AddAttributeError(at, "Invalid "+at.String(),
			fmt.Sprintf("%s: must be a whole number between %d and %d (EKS API reference, ResourceWeight), got %s", at, weightType.Min, weightType.Max, f.Text('g', 15)))
	}
	return diags
}

// refreshed is o with every setting it manages replaced by the cluster's
// value (a duration of the same length keeps the configuration's
// spelling); settings the cluster does not report keep theirs.
func (o componentObjects) refreshed(ctx context.Context, actual cc.Config) (componentObjects, diag.Diagnostics) {
	managed, diags := o.managedConfig(ctx)
	c := managed.Overlay(cc.Changes(actual.Only(managed), managed))
	out, d := o.withValues(ctx, c)
	diags.Append(d...)
	return out, diags
}

// withValues is o with the values of the settings it manages taken from c;
// objects stay null or set as they are, so the shape the configuration
// gave is kept.
func (o componentObjects) withValues(ctx context.Context, c cc.Config) (componentObjects, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := o
	if m := decodeObject[controllerManagerModel](ctx, o.ControllerManager, &diags); m != nil {
		if !m.HPASyncPeriod.IsNull() {
			m.HPASyncPeriod = types.StringPointerValue(c.HPASyncPeriod)
		}
		if !m.TerminatedPodGCThreshold.IsNull() {
			m.TerminatedPodGCThreshold = wholeNumber(podGCThresholdType, c.TerminatedPodGCThreshold)
		}
		out.ControllerManager, diags = objectOf(controllerManagerTypes, m, diags)
	}
	if m := decodeObject[schedulerModel](ctx, o.Scheduler, &diags); m != nil {
		if !m.ScoringStrategy.IsNull() {
			m.ScoringStrategy = types.StringPointerValue(c.ScoringStrategy)
		}
		if !m.ResourceWeights.IsNull() {
			m.ResourceWeights = weightsValue(c.ResourceWeights)
		}
		out.Scheduler, diags = objectOf(schedulerTypes, m, diags)
	}
	if m := decodeObject[apiServerModel](ctx, o.APIServer, &diags); m != nil {
		if !m.EventTTL.IsNull() {
			m.EventTTL = types.StringPointerValue(c.EventTTL)
		}
		if !m.ServiceNodePortRange.IsNull() {
			m.ServiceNodePortRange = portRangeValue(c.NodePortRange, &diags)
		}
		out.APIServer, diags = objectOf(apiServerTypes, m, diags)
	}
	return out, diags
}

// importedObjects holds the settings of actual that differ from the
// defaults: what an imported resource manages.
func importedObjects(actual, defaults cc.Config) (componentObjects, diag.Diagnostics) {
	var diags diag.Diagnostics
	c := cc.Changes(actual, defaults)
	out := componentObjects{
		ControllerManager: types.ObjectNull(controllerManagerTypes),
		Scheduler:         types.ObjectNull(schedulerTypes),
		APIServer:         types.ObjectNull(apiServerTypes),
	}
	if c.HPASyncPeriod != nil || c.TerminatedPodGCThreshold != nil {
		out.ControllerManager, diags = objectOf(controllerManagerTypes, &controllerManagerModel{
			HPASyncPeriod:            types.StringPointerValue(c.HPASyncPeriod),
			TerminatedPodGCThreshold: wholeNumber(podGCThresholdType, c.TerminatedPodGCThreshold),
		}, diags)
	}
	if c.ScoringStrategy != nil || c.ResourceWeights != nil {
		out.Scheduler, diags = objectOf(schedulerTypes, &schedulerModel{
			ScoringStrategy: types.StringPointerValue(c.ScoringStrategy),
			ResourceWeights: weightsValue(c.ResourceWeights),
		}, diags)
	}
	if c.EventTTL != nil || c.NodePortRange != nil {
		out.APIServer, diags = objectOf(apiServerTypes, &apiServerModel{
			EventTTL:             types.StringPointerValue(c.EventTTL),
			ServiceNodePortRange: portRangeValue(c.NodePortRange, &diags),
		}, diags)
	}
	return out, diags
}

func objectOf[T any](attrTypes map[string]attr.Type, v *T, diags diag.Diagnostics) (types.Object, diag.Diagnostics) {
	o, d := types.ObjectValueFrom(context.Background(), attrTypes, v)
	diags.Append(d...)
	return o, diags
}

func wholeNumber(t framework.WholeNumberType, n *int64) framework.WholeNumber {
	v := basetypes.NewNumberNull()
	if n != nil {
		v = basetypes.NewNumberValue(new(big.Float).SetInt64(*n))
	}
	w, _ := t.ValueFromNumber(context.Background(), v)
	return w.(framework.WholeNumber)
}

func weightsValue(m map[string]int64) types.Map {
	if m == nil {
		return types.MapNull(weightType)
	}
	elems := make(map[string]attr.Value, len(m))
	for k, w := range m {
		elems[k] = wholeNumber(weightType, &w)
	}
	return types.MapValueMust(weightType, elems)
}

func portRangeValue(r *cc.PortRange, diags *diag.Diagnostics) types.Object {
	if r == nil {
		return types.ObjectNull(portRangeTypes)
	}
	o, d := types.ObjectValueFrom(context.Background(), portRangeTypes, &portRangeModel{
		MinPort: wholeNumber(portType, &r.Min), MaxPort: wholeNumber(portType, &r.Max),
	})
	diags.Append(d...)
	return o
}

// describeConfig renders a configuration for messages.
func describeConfig(c cc.Config) string {
	s := ""
	add := func(k string, v any) { s += fmt.Sprintf(" %s=%v", k, v) }
	if c.HPASyncPeriod != nil {
		add("horizontal_pod_autoscaler_sync_period", *c.HPASyncPeriod)
	}
	if c.TerminatedPodGCThreshold != nil {
		add("terminated_pod_gc_threshold", *c.TerminatedPodGCThreshold)
	}
	if c.ScoringStrategy != nil {
		add("scoring_strategy", *c.ScoringStrategy)
	}
	if c.ResourceWeights != nil {
		add("resource_weights", c.ResourceWeights)
	}
	if c.EventTTL != nil {
		add("event_ttl", *c.EventTTL)
	}
	if c.NodePortRange != nil {
		add("service_node_port_range", fmt.Sprintf("%d-%d", c.NodePortRange.Min, c.NodePortRange.Max))
	}
	if s == "" {
		return "(nothing)"
	}
	return s[1:]
}
