package workload

import (
	"context"
	"math"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/kueue"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSourceWithValidateConfig = (*kueueQueuesDataSource)(nil)
	_ framework.ComputedModel                 = (*kueueQueuesModel)(nil)
)

func newKueueQueuesDataSource() datasource.DataSource { return &kueueQueuesDataSource{} }

type kueueQueuesDataSource struct {
	framework.OfflineDataSource[kueueQueuesModel, *kueueQueuesModel]
}

func (d *kueueQueuesDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_kueue_queues"
}

type kueueQueuesModel struct {
	ClusterQueue      types.String       `tfsdk:"cluster_queue"`
	Cohort            types.String       `tfsdk:"cohort"`
	QueueingStrategy  types.String       `tfsdk:"queueing_strategy"`
	Preemption        *kueuePreemption   `tfsdk:"preemption"`
	WhenCanBorrow     types.String       `tfsdk:"when_can_borrow"`
	WhenCanPreempt    types.String       `tfsdk:"when_can_preempt"`
	Flavors           []kueueFlavorModel `tfsdk:"flavor"`
	LocalQueues       []kueueLocalQueue  `tfsdk:"local_queue"`
	ProvisioningCheck *kueueProvisioning `tfsdk:"provisioning_check"`
	CoveredResources  types.List         `tfsdk:"covered_resources"`
	FlavorNames       types.List         `tfsdk:"flavor_names"`
	LocalQueueNames   types.List         `tfsdk:"local_queue_names"`
	QueueNameLabel    types.String       `tfsdk:"queue_name_label"`
	Manifests         types.Dynamic      `tfsdk:"manifests"`
	YAML              types.String       `tfsdk:"yaml"`
	JSON              types.String       `tfsdk:"json"`
}

type kueuePreemption struct {
	ReclaimWithinCohort        types.String          `tfsdk:"reclaim_within_cohort"`
	WithinClusterQueue         types.String          `tfsdk:"within_cluster_queue"`
	BorrowWithinCohort         types.String          `tfsdk:"borrow_within_cohort"`
	BorrowMaxPriorityThreshold framework.WholeNumber `tfsdk:"borrow_max_priority_threshold"`
}

type kueueFlavorModel struct {
	Name                  types.String               `tfsdk:"name"`
	NodePool              types.String               `tfsdk:"node_pool"`
	CapacityType          types.String               `tfsdk:"capacity_type"`
	NodePoolCapacityTypes types.List                 `tfsdk:"node_pool_capacity_types"`
	NodeLabels            types.Map                  `tfsdk:"node_labels"`
	Taints                []kueueTaint               `tfsdk:"taint"`
	Quota                 map[string]kueueQuotaModel `tfsdk:"quota"`
	NodePoolLimits        types.Map                  `tfsdk:"node_pool_limits"`
}

type kueueTaint struct {
	Key    types.String `tfsdk:"key"`
	Value  types.String `tfsdk:"value"`
	Effect types.String `tfsdk:"effect"`
}

type kueueQuotaModel struct {
	Nominal        types.String `tfsdk:"nominal"`
	BorrowingLimit types.String `tfsdk:"borrowing_limit"`
	LendingLimit   types.String `tfsdk:"lending_limit"`
}

type kueueLocalQueue struct {
	Namespace types.String `tfsdk:"namespace"`
	Name      types.String `tfsdk:"name"`
}

type kueueProvisioning struct {
	Name                  types.String          `tfsdk:"name"`
	ConfigName            types.String          `tfsdk:"config_name"`
	ControllerName        types.String          `tfsdk:"controller_name"`
	APIGroup              types.String          `tfsdk:"api_group"`
	ProvisioningClassName types.String          `tfsdk:"provisioning_class_name"`
	ManagedResources      types.List            `tfsdk:"managed_resources"`
	Parameters            types.Map             `tfsdk:"parameters"`
	BackoffLimitCount     framework.WholeNumber `tfsdk:"backoff_limit_count"`
	BackoffBaseSeconds    framework.WholeNumber `tfsdk:"backoff_base_seconds"`
	BackoffMaxSeconds     framework.WholeNumber `tfsdk:"backoff_max_seconds"`
	OnFlavors             types.List            `tfsdk:"on_flavors"`
}

var int32Type = framework.WholeNumberType{Min: 0, Max: math.MaxInt32}

func (d *kueueQueuesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders Kueue admission for batch and GPU jobs on a Karpenter cluster, offline: ResourceFlavors that " +
			"steer admitted pods to Karpenter NodePools by the labels their nodes carry (`" + kueue.NodePoolLabel + "`, `" +
			kueue.CapacityTypeLabel + "`), a ClusterQueue with quotas, cohort and preemption policy, a LocalQueue per namespace, " +
			"and optionally an AdmissionCheck with a ProvisioningRequestConfig. `" + kueue.APIVersion + "` (Kueue v0.17, the storage " +
			"version; v1beta1 is deprecated). Jobs join a queue with the label `" + kueue.QueueNameLabel + ": <local queue>`. " +
			"Every flavor quotes every resource of the queue (Kueue covers a resource in one resource group only): a resource a " +
			"flavor has no quota for takes the NodePool's limit, else 0.",
		Attributes: map[string]schema.Attribute{
			"cluster_queue":     str("ClusterQueue name. Default `" + kueue.DefaultClusterQueue + "`."),
			"cohort":            str("Cohort the ClusterQueue borrows and lends in (`spec.cohortName`). Borrowing and lending limits need one."),
			"queueing_strategy": str("`BestEffortFIFO` (default: a job that does not fit lets smaller ones pass) or `StrictFIFO`."),
			"preemption": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Preemption policy. Every policy defaults to `Never`.",
				Attributes: map[string]schema.Attribute{
					"reclaim_within_cohort": str("`Never`, `LowerPriority` or `Any`: preempt other queues' jobs to take back lent quota."),
					"within_cluster_queue":  str("`Never`, `LowerPriority` or `LowerOrNewerEqualPriority`: preempt this queue's own jobs."),
					"borrow_within_cohort":  str("`Never` or `LowerPriority` (needs `reclaim_within_cohort` other than `Never`): preempt while borrowing."),
					"borrow_max_priority_threshold": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: math.MinInt32, Max: math.MaxInt32},
						MarkdownDescription: "With `borrow_within_cohort = \"LowerPriority\"`, only jobs at or below this priority are preempted."},
				}},
			"when_can_borrow":  str("Flavor fungibility when a flavor could borrow: `MayStopSearch` (Kueue's default) or `TryNextFlavor` (prefer the next flavor, e.g. on-demand, to borrowing spot)."),
			"when_can_preempt": str("Flavor fungibility when a flavor could preempt: `TryNextFlavor` (Kueue's default) or `MayStopSearch`."),
			"flavor": schema.ListNestedAttribute{Required: true, MarkdownDescription: "ResourceFlavors in order of preference (Kueue tries them in this order), one per NodePool and capacity type.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":          str("Flavor name. Default: the node pool, plus `-<capacity type>` when set."),
					"node_pool":     schema.StringAttribute{Required: true, MarkdownDescription: "Karpenter NodePool whose nodes run the admitted pods (node label `" + kueue.NodePoolLabel + "`)."},
					"capacity_type": str("`spot`, `on-demand` or `reserved` (node label `" + kueue.CapacityTypeLabel + "`); unset: whatever the pool launches."),
					"node_pool_capacity_types": schema.ListAttribute{ElementType: types.StringType, Optional: true,
						MarkdownDescription: "Capacity types the NodePool's requirements allow, to check `capacity_type` against (a flavor on capacity the pool never launches admits pods that never schedule)."},
					"node_labels": schema.MapAttribute{ElementType: types.StringType, Optional: true,
						MarkdownDescription: "Further labels of the pool's nodes to select on, e.g. `{ \"karpenter.k8s.aws/instance-gpu-manufacturer\" = \"nvidia\" }` (8 labels in all with the two above)."},
					"taint": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "The NodePool's taints: the flavor gets matching tolerations, which Kueue adds to the pods it admits on it.",
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"key":    schema.StringAttribute{Required: true, MarkdownDescription: "Taint key, e.g. `nvidia.com/gpu`."},
							"value":  str("Taint value; empty tolerates any value."),
							"effect": schema.StringAttribute{Required: true, MarkdownDescription: "`NoSchedule`, `PreferNoSchedule` or `NoExecute`."},
						}}},
					"quota": schema.MapNestedAttribute{Optional: true, MarkdownDescription: "Quota per resource (`cpu`, `memory`, `nvidia.com/gpu`, `pods`...), as Kubernetes quantities.",
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"nominal":         schema.StringAttribute{Required: true, MarkdownDescription: "Nominal quota, e.g. `64` or `256Gi`."},
							"borrowing_limit": str("Most this queue borrows from its cohort (needs `cohort`)."),
							"lending_limit":   str("Most this queue lends to its cohort, at most the nominal quota (needs `cohort`)."),
						}}},
					"node_pool_limits": schema.MapAttribute{ElementType: types.StringType, Optional: true,
						MarkdownDescription: "The NodePool's `spec.limits`, e.g. `{ cpu = \"1000\" }`: the nominal quota of a resource without `quota`, and an upper bound a quota above warns about."},
				}}},
			"local_queue": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "A LocalQueue per namespace. With any, the ClusterQueue admits from these namespaces only; without, from every namespace.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"namespace": schema.StringAttribute{Required: true, MarkdownDescription: "Namespace."},
					"name":      str("LocalQueue name. Default: the ClusterQueue's name."),
				}}},
			"provisioning_check": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "An AdmissionCheck with a ProvisioningRequestConfig: Kueue " +
				"creates a ProvisioningRequest and admits only once the capacity for the whole job is there. A warning says so on every plan: " +
				"cluster-autoscaler serves ProvisioningRequests, Karpenter v1.14 does not.",
				Attributes: map[string]schema.Attribute{
					"name":                    str("AdmissionCheck name. Default `" + kueue.DefaultAdmissionCheck + "`."),
					"config_name":             str("ProvisioningRequestConfig name (a DNS label). Default: the AdmissionCheck's name."),
					"controller_name":         str("Must be `" + kueue.ProvisioningControllerName + "` (the default); given only to catch values copied from guides."),
					"api_group":               str("`parameters.apiGroup`: must be `" + kueue.APIGroup + "` (the default), a group without a version."),
					"provisioning_class_name": str("ProvisioningRequest class: `" + kueue.ProvisioningClasses[0] + "` (default) or `" + kueue.ProvisioningClasses[1] + "`."),
					"managed_resources":       schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Resources the autoscaler provisions for, e.g. `[\"nvidia.com/gpu\"]`; empty: all."},
					"parameters":              schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Parameters passed to the ProvisioningRequest class."},
					"backoff_limit_count":     schema.NumberAttribute{Optional: true, CustomType: int32Type, MarkdownDescription: "Retries of a failed ProvisioningRequest (Kueue's default 3)."},
					"backoff_base_seconds":    schema.NumberAttribute{Optional: true, CustomType: int32Type, MarkdownDescription: "First backoff (Kueue's default 60)."},
					"backoff_max_seconds":     schema.NumberAttribute{Optional: true, CustomType: int32Type, MarkdownDescription: "Longest backoff (Kueue's default 1800)."},
					"on_flavors":              schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Flavors the check applies to; default all."},
				}},
			"covered_resources": schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "Resources the ClusterQueue covers (cpu and memory first)."},
			"flavor_names":      schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "ResourceFlavor names in order of preference."},
			"local_queue_names": schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "`namespace/name` of each LocalQueue."},
			"queue_name_label":  schema.StringAttribute{Computed: true, MarkdownDescription: "The label a Job carries to join a LocalQueue (`" + kueue.QueueNameLabel + "`)."},
			"manifests":         schema.DynamicAttribute{Computed: true, MarkdownDescription: "The objects in apply order (ResourceFlavors, ProvisioningRequestConfig, AdmissionCheck, ClusterQueue, LocalQueues), for `kubernetes_manifest`."},
			"yaml":              schema.StringAttribute{Computed: true, MarkdownDescription: "The objects as one YAML stream, in apply order."},
			"json":              schema.StringAttribute{Computed: true, MarkdownDescription: "The objects as a JSON array, in apply order."},
		},
	}
}

// spec turns the configuration into the renderer's input.
func (m kueueQueuesModel) spec(ctx context.Context, diags *diag.Diagnostics) kueue.Spec {
	s := kueue.Spec{
		ClusterQueue: m.ClusterQueue.ValueString(), Cohort: m.Cohort.ValueString(), QueueingStrategy: m.QueueingStrategy.ValueString(),
		WhenCanBorrow: m.WhenCanBorrow.ValueString(), WhenCanPreempt: m.WhenCanPreempt.ValueString(),
	}
	if p := m.Preemption; p != nil {
		s.Preemption = kueue.Preemption{
			ReclaimWithinCohort: p.ReclaimWithinCohort.ValueString(), WithinClusterQueue: p.WithinClusterQueue.ValueString(),
			BorrowWithinCohort: p.BorrowWithinCohort.ValueString(), BorrowMaxPriorityThreshold: p.BorrowMaxPriorityThreshold.Int64Pointer(),
		}
	}
	for _, f := range m.Flavors {
		fl := kueue.Flavor{
			Name: f.Name.ValueString(), NodePool: f.NodePool.ValueString(), CapacityType: f.CapacityType.ValueString(),
			NodePoolCapacityTypes: framework.StringList(ctx, f.NodePoolCapacityTypes, diags),
			NodeLabels:            framework.StringMap(ctx, f.NodeLabels, diags),
			NodePoolLimits:        framework.StringMap(ctx, f.NodePoolLimits, diags),
		}
		for _, t := range f.Taints {
			fl.Taints = append(fl.Taints, kueue.Taint{Key: t.Key.ValueString(), Value: t.Value.ValueString(), Effect: t.Effect.ValueString()})
		}
		if f.Quota != nil {
			fl.Quota = map[string]kueue.Quota{}
			for res, q := range f.Quota {
				fl.Quota[res] = kueue.Quota{Nominal: q.Nominal.ValueString(), Borrowing: q.BorrowingLimit.ValueStringPointer(), Lending: q.LendingLimit.ValueStringPointer()}
			}
		}
		s.Flavors = append(s.Flavors, fl)
	}
	for _, q := range m.LocalQueues {
		s.LocalQueues = append(s.LocalQueues, kueue.LocalQueue{Namespace: q.Namespace.ValueString(), Name: q.Name.ValueString()})
	}
	if p := m.ProvisioningCheck; p != nil {
		s.Provisioning = &kueue.ProvisioningCheck{
			Name: p.Name.ValueString(), ConfigName: p.ConfigName.ValueString(), ControllerName: p.ControllerName.ValueString(),
			APIGroup: p.APIGroup.ValueString(), ProvisioningClassName: p.ProvisioningClassName.ValueString(),
			ManagedResources:  framework.StringList(ctx, p.ManagedResources, diags),
			Parameters:        framework.StringMap(ctx, p.Parameters, diags),
			BackoffLimitCount: p.BackoffLimitCount.Int64Pointer(), BackoffBaseSeconds: p.BackoffBaseSeconds.Int64Pointer(),
			BackoffMaxSeconds: p.BackoffMaxSeconds.Int64Pointer(), OnFlavors: framework.StringList(ctx, p.OnFlavors, diags),
		}
	}
	return s
}

// Compute renders the queues.
func (m *kueueQueuesModel) Compute(ctx context.Context, diags *diag.Diagnostics) problem.List {
	res, probs := m.spec(ctx, diags).Render()
	if probs.HasErrors() {
		return probs
	}
	m.Manifests, m.YAML, m.JSON = framework.RenderObjects(res.Objects, diags)
	m.CoveredResources = framework.StringListValue(res.CoveredResources)
	m.FlavorNames = framework.StringListValue(res.Flavors)
	m.LocalQueueNames = framework.StringListValue(res.LocalQueues)
	m.QueueNameLabel = types.StringValue(kueue.QueueNameLabel)
	return probs
}
