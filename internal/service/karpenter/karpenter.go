// Package karpenter holds the Karpenter data sources: NodePool,
// EC2NodeClass and the spot/on-demand fallback pair, rendered offline by
// internal/core/render/karpenterv1, and EKS Auto Mode's NodeClass and
// NodePool (AWS-managed Karpenter), rendered by internal/core/render/eksauto.
package karpenter

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

// DataSources lists this package's data sources for the provider.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newNodePoolDataSource,
		newEC2NodeClassDataSource,
		newFallbackDataSource,
		newEKSAutoNodeClassDataSource,
		newEKSAutoNodePoolDataSource,
	}
}

// weightType is a NodePool weight: 1-100, the higher tried first.
var weightType = framework.WholeNumberType{Min: 1, Max: 100}

// nodePoolFields are the attributes every NodePool data source shares
// (Karpenter's, the fallback pair, EKS Auto Mode's).
type nodePoolFields struct {
	Name                   types.String          `tfsdk:"name"`
	NodeClassName          types.String          `tfsdk:"node_class_name"`
	InstanceCategories     types.List            `tfsdk:"instance_categories"`
	InstanceFamilies       types.List            `tfsdk:"instance_families"`
	InstanceTypes          types.List            `tfsdk:"instance_types"`
	InstanceSizes          types.List            `tfsdk:"instance_sizes"`
	MinInstanceGeneration  framework.WholeNumber `tfsdk:"min_instance_generation"`
	Architectures          types.List            `tfsdk:"architectures"`
	Zones                  types.List            `tfsdk:"zones"`
	Requirements           []requirementModel    `tfsdk:"requirements"`
	Labels                 types.Map             `tfsdk:"labels"`
	Annotations            types.Map             `tfsdk:"annotations"`
	Taints                 []taintModel          `tfsdk:"taints"`
	StartupTaints          []taintModel          `tfsdk:"startup_taints"`
	ExpireAfter            types.String          `tfsdk:"expire_after"`
	TerminationGracePeriod types.String          `tfsdk:"termination_grace_period"`
	Disruption             *disruptionModel      `tfsdk:"disruption"`
	Limits                 types.Map             `tfsdk:"limits"`
}

type requirementModel struct {
	Key       types.String          `tfsdk:"key"`
	Operator  types.String          `tfsdk:"operator"`
	Values    types.List            `tfsdk:"values"`
	MinValues framework.WholeNumber `tfsdk:"min_values"`
}

type taintModel struct {
	Key    types.String `tfsdk:"key"`
	Value  types.String `tfsdk:"value"`
	Effect types.String `tfsdk:"effect"`
}

type disruptionModel struct {
	ConsolidationPolicy types.String  `tfsdk:"consolidation_policy"`
	ConsolidateAfter    types.String  `tfsdk:"consolidate_after"`
	Budgets             []budgetModel `tfsdk:"budgets"`
}

type budgetModel struct {
	Nodes    types.String `tfsdk:"nodes"`
	Schedule types.String `tfsdk:"schedule"`
	Duration types.String `tfsdk:"duration"`
	Reasons  types.List   `tfsdk:"reasons"`
}

// nodeClassRefFields let a Karpenter NodePool point at another node class
// than an EC2NodeClass.
type nodeClassRefFields struct {
	NodeClassGroup types.String `tfsdk:"node_class_group"`
	NodeClassKind  types.String `tfsdk:"node_class_kind"`
}

// nodePool turns the shared attributes into the renderer's input; ref
// sets the node class's group and kind.
func (m nodePoolFields) nodePool(ctx context.Context, ref nodeClassRefFields, diags *diag.Diagnostics) karpenterv1.NodePool {
	np := karpenterv1.NodePool{
		Name: m.Name.ValueString(),
		NodeClass: karpenterv1.NodeClassRef{
			Group: ref.NodeClassGroup.ValueString(), Kind: ref.NodeClassKind.ValueString(), Name: m.NodeClassName.ValueString(),
		},
		Requirements: karpenterv1.Requirements{
			InstanceCategories:    framework.StringList(ctx, m.InstanceCategories, diags),
			InstanceFamilies:      framework.StringList(ctx, m.InstanceFamilies, diags),
			InstanceTypes:         framework.StringList(ctx, m.InstanceTypes, diags),
			InstanceSizes:         framework.StringList(ctx, m.InstanceSizes, diags),
			MinInstanceGeneration: m.MinInstanceGeneration.Int64Pointer(),
			Architectures:         framework.StringList(ctx, m.Architectures, diags),
			Zones:                 framework.StringList(ctx, m.Zones, diags),
		},
		Labels:                 framework.StringMap(ctx, m.Labels, diags),
		Annotations:            framework.StringMap(ctx, m.Annotations, diags),
		ExpireAfter:            stringPointer(m.ExpireAfter),
		TerminationGracePeriod: stringPointer(m.TerminationGracePeriod),
		Limits:                 framework.StringMap(ctx, m.Limits, diags),
	}
	for _, r := range m.Requirements {
		np.Requirements.Custom = append(np.Requirements.Custom, karpenterv1.Requirement{
			Key: r.Key.ValueString(), Operator: r.Operator.ValueString(),
			Values: framework.StringList(ctx, r.Values, diags), MinValues: r.MinValues.Int64Pointer(),
		})
	}
	np.Taints = taints(m.Taints)
	np.StartupTaints = taints(m.StartupTaints)
	if d := m.Disruption; d != nil {
		np.Disruption.ConsolidationPolicy = d.ConsolidationPolicy.ValueString()
		np.Disruption.ConsolidateAfter = stringPointer(d.ConsolidateAfter)
		if d.Budgets != nil {
			np.Disruption.Budgets = []karpenterv1.Budget{}
		}
		for _, b := range d.Budgets {
			np.Disruption.Budgets = append(np.Disruption.Budgets, karpenterv1.Budget{
				Nodes: b.Nodes.ValueString(), Schedule: b.Schedule.ValueString(), Duration: b.Duration.ValueString(),
				Reasons: framework.StringList(ctx, b.Reasons, diags),
			})
		}
	}
	return np
}

func taints(in []taintModel) []karpenterv1.Taint {
	var out []karpenterv1.Taint
	for _, t := range in {
		out = append(out, karpenterv1.Taint{Key: t.Key.ValueString(), Value: t.Value.ValueString(), Effect: t.Effect.ValueString()})
	}
	return out
}

func taintAttributes() schema.NestedAttributeObject {
	return schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"key":    schema.StringAttribute{Required: true, MarkdownDescription: "Taint key (a qualified name, e.g. `example.com/gpu`)."},
		"value":  schema.StringAttribute{Optional: true, MarkdownDescription: "Taint value (optional)."},
		"effect": schema.StringAttribute{Required: true, MarkdownDescription: "One of " + framework.Quoted(karpenterv1.TaintEffects) + "."},
	}}
}

// nodeClassRefAttributes are the schema of nodeClassRefFields.
func nodeClassRefAttributes(attrs map[string]schema.Attribute) {
	attrs["node_class_group"] = schema.StringAttribute{Optional: true, MarkdownDescription: "API group of the node class (no version). Default `" + karpenterv1.EC2NodeClassGroup +
		"`. With `" + karpenterv1.EKSAutoNodeClassGroup + "` (an EKS Auto Mode NodeClass; `scaling_eks_auto_node_pool` reads better) the kind defaults to `" +
		karpenterv1.EKSAutoNodeClassKind + "` and the typed requirements use the `eks.amazonaws.com/instance-*` keys."}
	attrs["node_class_kind"] = schema.StringAttribute{Optional: true, MarkdownDescription: "Kind of the node class. Default `" + karpenterv1.EC2NodeClassKind +
		"` (`" + karpenterv1.EKSAutoNodeClassKind + "` with group `" + karpenterv1.EKSAutoNodeClassGroup + "`)."}
}

// reservationAttribute lets a pool check capacity type reserved against
// its node class.
func reservationAttribute(attrs map[string]schema.Attribute, nodeClassDS string) {
	attrs["node_class_selects_capacity_reservations"] = schema.BoolAttribute{Optional: true, MarkdownDescription: "Whether the node class selects " +
		"capacity reservations; pass `data." + nodeClassDS + ".<name>.selects_capacity_reservations`. Reserved capacity comes only from the " +
		"reservations the node class selects: with `false` and `capacity_types = [\"reserved\"]` the plan fails, unset it is a warning."}
}

func requirementKeyDesc(keys karpenterv1.LabelKeys) string {
	if keys == karpenterv1.EKSAutoLabelKeys {
		return "Label key. Instance keys are `eks.amazonaws.com/instance-*` (e.g. `eks.amazonaws.com/instance-cpu`): Karpenter's " +
			"`karpenter.k8s.aws/*` keys and `kubernetes.io/os` are rejected. `karpenter.sh/nodepool` and `kubernetes.io/hostname` are not allowed."
	}
	return "Label key. Keys in the `karpenter.sh` and `karpenter.k8s.aws` domains are restricted to Karpenter's well-known labels; " +
		"`karpenter.sh/nodepool` and `kubernetes.io/hostname` are not allowed."
}

// nodePoolAttributes are the schema of nodePoolFields; keys are the label
// keys of the node class family, nodeClassDesc describes node_class_name.
func nodePoolAttributes(nameDesc, nodeClassDesc string, keys karpenterv1.LabelKeys) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"name":            schema.StringAttribute{Required: true, MarkdownDescription: nameDesc},
		"node_class_name": schema.StringAttribute{Optional: true, MarkdownDescription: nodeClassDesc},
		"instance_categories": schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Instance categories (`" + keys.Category + "` In). Default " +
			framework.Quoted(karpenterv1.DefaultInstanceCategories) + " unless `instance_families` or `instance_types` is set: broad " +
			"flexibility lets Karpenter pick whatever capacity is available and cheapest right now. `[]` for no requirement."},
		"instance_families": schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Instance families (`" + keys.Family + "` In), e.g. `[\"c7i\", \"m7i\"]`."},
		"instance_types":    schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Instance types (`node.kubernetes.io/instance-type` In). Pinning a few types defeats spot flexibility; prefer categories or families."},
		"instance_sizes":    schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Instance sizes (`" + keys.Size + "` In), e.g. `[\"xlarge\", \"2xlarge\"]`."},
		"min_instance_generation": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 1, Max: 1000}, MarkdownDescription: "Lowest instance generation " +
			"(rendered as `" + keys.Generation + "` Gt n-1). Default `5` unless `instance_families` or `instance_types` is set."},
		"architectures": schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "CPU architectures (`kubernetes.io/arch` In): " + framework.Quoted(karpenterv1.Architectures) +
			". Default `amd64`; add `arm64` (Graviton) when every image is multi-arch."},
		"zones": schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Availability zones (`topology.kubernetes.io/zone` In). Default: every zone of the selected subnets."},
		"requirements": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "More requirements, after the typed ones.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"key": schema.StringAttribute{Required: true, MarkdownDescription: requirementKeyDesc(keys)},
				"operator": schema.StringAttribute{Required: true, MarkdownDescription: "One of " + framework.Quoted(karpenterv1.Operators) +
					". `In` needs values; `Gt`/`Lt`/`Gte`/`Lte` one non-negative integer; `Exists`/`DoesNotExist` none."},
				"values": schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Values."},
				"min_values": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 1, Max: 50}, MarkdownDescription: "Minimum number of distinct values " +
					"Karpenter must keep in play (1-50); with `In`, at most the number of values given."},
			}}},
		"labels":      schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Labels on every node (template metadata). Restricted domains as for requirement keys."},
		"annotations": schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Annotations on every node."},
		"taints": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "Taints on every node.",
			NestedObject: taintAttributes()},
		"startup_taints": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "Taints an agent (e.g. a CNI) removes " +
			"once the node is ready. Key and effect must be unique across `taints` and `startup_taints`.",
			NestedObject: taintAttributes()},
		"expire_after": schema.StringAttribute{Optional: true, MarkdownDescription: "Node lifetime (`spec.template.spec.expireAfter`, not under disruption), e.g. `720h`, or `Never`. Default `" +
			karpenterv1.DefaultExpireAfter + "`."},
		"termination_grace_period": schema.StringAttribute{Optional: true, MarkdownDescription: "How long a draining node waits for pods before it is forcibly terminated, e.g. `48h`. Default: unset (wait)."},
		"disruption": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Consolidation and disruption budgets (`spec.disruption`). " +
			"`ttlSecondsAfterEmpty` no longer exists: use `consolidation_policy = \"WhenEmpty\"` and `consolidate_after`.",
			Attributes: map[string]schema.Attribute{
				"consolidation_policy": schema.StringAttribute{Optional: true, MarkdownDescription: "One of " + framework.Quoted(karpenterv1.ConsolidationPolicies) + ". Default `" + karpenterv1.DefaultConsolidationPolicy + "`."},
				"consolidate_after":    schema.StringAttribute{Optional: true, MarkdownDescription: "How long a node must be consolidatable before Karpenter acts, e.g. `30s`, `5m`, or `Never`. Default `" + karpenterv1.DefaultConsolidateAfter + "`."},
				"budgets": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "Disruption budgets. Unset: Karpenter's default (10% of nodes).",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"nodes":    schema.StringAttribute{Optional: true, MarkdownDescription: "Nodes that may be disrupted at once: a count (`\"5\"`) or a percentage (`\"10%\"`). Default `10%`."},
						"schedule": schema.StringAttribute{Optional: true, MarkdownDescription: "When the budget starts (cron, UTC), e.g. `0 9 * * mon-fri` or `@daily`. Needs `duration`."},
						"duration": schema.StringAttribute{Optional: true, MarkdownDescription: "How long it lasts after each `schedule` start, in hours/minutes, e.g. `8h` or `1h30m`. Needs `schedule`."},
						"reasons":  schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Disruption reasons the budget applies to: " + framework.Quoted(karpenterv1.DisruptionReasons) + ". Default: all."},
					}}},
			}},
		"limits": schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Caps on the pool's total resources, e.g. `{ cpu = \"1000\", memory = \"4000Gi\" }`."},
	}
}

// addObjectOutputs adds the outputs of a data source that renders one
// object of kind: manifest, yaml and json.
func addObjectOutputs(attrs map[string]schema.Attribute, kind string) {
	attrs["manifest"] = schema.DynamicAttribute{Computed: true, MarkdownDescription: "The " + kind + " as an object, for `kubernetes_manifest`'s `manifest`."}
	attrs["yaml"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The " + kind + " as YAML (keys sorted, stable between plans)."}
	attrs["json"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The " + kind + " as JSON (keys sorted)."}
}

// boolPointer is v, or nil when v is null or unknown.
func boolPointer(v types.Bool) *bool {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	b := v.ValueBool()
	return &b
}

// stringPointer is v, or nil when v is null or unknown.
func stringPointer(v types.String) *string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	s := v.ValueString()
	return &s
}

// singlePoolFields are the attributes of a data source that renders one
// NodePool (the fallback pair sets capacity types and weights itself).
type singlePoolFields struct {
	CapacityTypes                types.List            `tfsdk:"capacity_types"`
	Weight                       framework.WholeNumber `tfsdk:"weight"`
	NodeClassSelectsReservations types.Bool            `tfsdk:"node_class_selects_capacity_reservations"`
}

func singlePoolAttributes(attrs map[string]schema.Attribute, nodeClassDS string) {
	attrs["capacity_types"] = schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Capacity types " +
		"(`karpenter.sh/capacity-type` In): " + framework.Quoted(karpenterv1.CapacityTypes) +
		". Default `[\"spot\", \"on-demand\"]`: Karpenter prefers spot and falls back to on-demand within one pool. `reserved` " +
		"launches into the capacity reservations the node class selects."}
	attrs["weight"] = schema.NumberAttribute{Optional: true, CustomType: weightType,
		MarkdownDescription: "Priority among NodePools, 1-100: the HIGHER weight is tried first. Unset: no preference. `0` is invalid."}
	reservationAttribute(attrs, nodeClassDS)
}

func (m singlePoolFields) singlePool(ctx context.Context, np karpenterv1.NodePool, diags *diag.Diagnostics) karpenterv1.NodePool {
	np.Requirements.CapacityTypes = framework.StringList(ctx, m.CapacityTypes, diags)
	np.Weight = m.Weight.Int64Pointer()
	np.NodeClassSelectsReservations = boolPointer(m.NodeClassSelectsReservations)
	return np
}
