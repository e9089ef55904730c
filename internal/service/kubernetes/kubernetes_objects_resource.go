package kubernetes

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/objectset"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ resource.Resource                   = (*objectsResource)(nil)
	_ resource.ResourceWithConfigure      = (*objectsResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*objectsResource)(nil)
	_ resource.ResourceWithValidateConfig = (*objectsResource)(nil)
)

// Default timeouts. CRDs are Established and objects applied in seconds;
// deleting a Namespace waits for the namespace controller to empty it.
const (
	defaultApplyTimeout  = 5 * time.Minute
	defaultDeleteTimeout = 10 * time.Minute
)

var yamlPath = problem.Path{"yaml"}

func newObjectsResource() resource.Resource {
	// The provider data (conns.AWSClient) carries the kubernetes block too.
	return &objectsResource{}
}

type objectsResource struct {
	framework.AWSResource
}

func (r *objectsResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "scaling_kubernetes_objects"
}

type objectsModel struct {
	ID             types.String   `tfsdk:"id"`
	YAML           types.String   `tfsdk:"yaml"`
	FieldManager   types.String   `tfsdk:"field_manager"`
	ForceConflicts types.Bool     `tfsdk:"force_conflicts"`
	Objects        types.Map      `tfsdk:"objects"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
}

func (m objectsModel) options() applyOptions {
	return applyOptions{fieldManager: m.FieldManager.ValueString(), forceConflicts: m.ForceConflicts.ValueBool()}
}

func (r *objectsResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Kubernetes objects given as multi-document YAML (the `yaml` of this provider's data sources, " +
			"joined), server-side applied at apply time. The plan needs neither the cluster nor the objects' CRDs: " +
			"a `yaml` that is unknown at plan time (a node role or cluster name created in the same apply) plans as " +
			"\"known after apply\", and CustomResourceDefinitions in the same `yaml` are applied and Established before " +
			"the objects that use them. So a stack can be planned and applied in one run from an empty state, Karpenter's " +
			"and KEDA's CRDs included. Objects removed from `yaml` are deleted; destroy deletes every object this " +
			"resource applied, in reverse order. The connection comes from the provider's `kubernetes` block.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				MarkdownDescription: "Random identifier of this set of objects.",
			},
			"yaml": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The objects: YAML documents separated by `---` lines (a `kind: List` contributes its items), e.g. " +
					"`join(\"---\\n\", [data.scaling_karpenter_ec2_node_class.web.yaml, data.scaling_karpenter_node_pool.general.yaml])`. " +
					"Every object needs `apiVersion`, `kind` and `metadata.name`; a namespaced object without `metadata.namespace` " +
					"goes to `default`. Checked at plan time when known: invalid YAML, a missing field or the same object twice " +
					"is an error naming the document (counted from 1, empty documents not counted) and its line. " +
					"Applied in phases: Namespaces and CustomResourceDefinitions (then waits until the CRDs are Established); " +
					"objects others reference (ServiceAccounts, ConfigMaps, Secrets, PriorityClasses, RBAC, EC2NodeClasses, " +
					"KEDA TriggerAuthentications); then the rest in the order written. Do not put Secrets here: plans show the objects.",
			},
			"field_manager": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(DefaultFieldManager),
				MarkdownDescription: "Field manager of the server-side applies. Changing it re-applies every object under the new name. Defaults to `" + DefaultFieldManager + "`.",
			},
			"force_conflicts": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				MarkdownDescription: "Take over fields another field manager changed (`kubectl edit`, a script) when applying, as " +
					"Argo CD and Flux do: this resource is the source of truth for the fields it sets, and a refresh shows such " +
					"changes in the plan, so the plan says what the apply puts back. Defaults to `true`. Set `false` when another " +
					"tool (Helm, a controller) legitimately co-manages these objects: a conflicting apply then fails and names " +
					"the other manager and its fields.",
			},
			"objects": schema.MapAttribute{
				Computed:    true,
				ElementType: types.StringType,
				MarkdownDescription: "The objects this resource manages, by key: `Kind[.group]/[namespace/]name`, e.g. " +
					"`NodePool.karpenter.sh/general` or `ScaledObject.keda.sh/shop/checkout`. Each value is the object's " +
					"canonical YAML (keys sorted), so a plan shows which objects are added, changed or deleted and how; values " +
					"larger than " + itoa(objectset.ShowLimit/1024) + " KiB (a CRD's schema) are shown as a digest. After an apply " +
					"that stopped half-way it lists what was applied. A refresh drops objects deleted outside Terraform and " +
					"shows fields someone else changed (the cluster's values), so the next plan puts them back.",
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *objectsResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var y types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("yaml"), &y)...)
	if resp.Diagnostics.HasError() || y.IsUnknown() || y.IsNull() {
		return
	}
	_, probs := objectset.Parse(y.ValueString(), yamlPath)
	framework.AddProblems(&resp.Diagnostics, probs)
}

// ModifyPlan fills objects from yaml, so the plan shows every object and
// its changes without contacting the cluster; unknown yaml plans objects
// as known after apply.
func (r *objectsResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	if r.Client != nil && !r.Client.Kubernetes.IsSet() {
		resp.Diagnostics.AddError("Missing provider kubernetes block", errNotConfigured)
		return
	}
	var y types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("yaml"), &y)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if y.IsUnknown() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("objects"), types.MapUnknown(types.StringType))...)
		return
	}
	objs, probs := objectset.Parse(y.ValueString(), yamlPath)
	framework.AddProblems(&resp.Diagnostics, probs)
	if probs.HasErrors() {
		return
	}
	shown, err := showAll(objs)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("yaml"), "Cannot show objects", err.Error())
		return
	}
	v, diags := types.MapValueFrom(ctx, types.StringType, shown)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("objects"), v)...)
}

func (r *objectsResource) newClient() (*client, error) {
	cfg, err := restConfig(r.Client.Kubernetes, "terraform-provider-scaling")
	if err != nil {
		return nil, err
	}
	return newClient(cfg)
}

func randomID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
