package kubernetes

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
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
	// A refresh GETs each object once: seconds even for a hundred objects.
	// The bound is for a server that takes connections and never answers.
	defaultReadTimeout = 2 * time.Minute
)

var yamlPath = problem.Path{"yaml"}

func newObjectsResource() resource.Resource {
	// The provider data (conns.AWSClient) carries the kubernetes block too.
	return &objectsResource{}
}

type objectsResource struct {
	framework.ProviderConfigured
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
				// Plans show each object in objects; the raw text would repeat
				// them all, CRD schemas in full (close to 1 MB for Karpenter's
				// and KEDA's), so it is hidden like a secret.
				Sensitive: true,
				MarkdownDescription: "The objects: YAML documents separated by `---` lines (a `kind: List` contributes its items), e.g. " +
					"`join(\"---\\n\", [data.scaling_karpenter_ec2_node_class.web.yaml, data.scaling_karpenter_node_pool.general.yaml])`. " +
					"Every object needs `apiVersion`, `kind` and `metadata.name`; a namespaced object without `metadata.namespace` " +
					"goes to `default`. Checked at plan time when known: invalid YAML, a missing field or the same object twice " +
					"is an error naming the document (counted from 1, empty documents not counted) and its line. " +
					"Applied in phases: Namespaces and CustomResourceDefinitions (then waits until the CRDs are Established); " +
					"objects others reference (ServiceAccounts, ConfigMaps, Secrets, PriorityClasses, RBAC, EC2NodeClasses, " +
					"KEDA TriggerAuthentications); then the rest in the order written. Plans show `objects` rather than this text, " +
					"which would repeat every object (CRD schemas in full); it is marked sensitive for that reason only. Do not " +
					"put Secrets here: `objects` shows them.",
			},
			"field_manager": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(DefaultFieldManager),
				// The API server refuses an apply without one, or with one
				// longer than 128 bytes: say so at plan time.
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 128)},
				MarkdownDescription: "Field manager of the server-side applies: 1 to 128 bytes, as the API server requires. Changing it re-applies every object under the new name. Defaults to `" + DefaultFieldManager + "`.",
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
					"larger than " + strconv.Itoa(objectset.ShowLimit/1024) + " KiB (a CRD's schema) are shown as a digest. After an apply " +
					"that stopped half-way it lists what was applied, and an object whose apply was sent but never answered " +
					"(Ctrl-C, a timeout or a dropped connection) with a first line `# not confirmed: ...`: it may be on the cluster, " +
					"so destroy deletes it, and the next plan shows a change that applies it again. A refresh drops objects deleted outside Terraform and " +
					"shows fields someone else changed (the cluster's values), so the next plan puts them back.",
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": framework.DescribedTimeoutsBlock(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}, "applying, refreshing (read), updating or deleting the objects"),
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

// connect is the client for the provider's kubernetes block, or nil with
// the reason in diags.
func (r *objectsResource) connect(diags *diag.Diagnostics) *client {
	if r.Client == nil {
		diags.AddError("Cannot reach the cluster", "the provider is not configured")
		return nil
	}
	cfg, err := restConfig(r.Client.Kubernetes, "terraform-provider-scaling")
	if err != nil {
		diags.AddError("Cannot reach the cluster", err.Error())
		return nil
	}
	c, err := newClient(cfg)
	if err != nil {
		diags.AddError("Cannot reach the cluster", err.Error())
		return nil
	}
	return c
}

func randomID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

const partialCreateNote = "\n\nThe objects applied so far are saved in the state, so nothing is lost track of (one whose apply was sent " +
	"without an answer is saved marked \"not confirmed\": it may be on the cluster). Terraform marks the " +
	"resource tainted: the next apply deletes them and applies everything again. To re-apply in place instead " +
	"(server-side apply is idempotent), run `terraform untaint` on this resource first."

const partialUpdateNote = "\n\nThe state records what was applied and deleted so far, and marks \"not confirmed\" an object whose " +
	"apply was sent without an answer; the next plan shows what is left to do."

func (r *objectsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan objectsModel
	ctx, cancel, ok := framework.GetWithTimeout(ctx, req.Plan, &plan, &plan.Timeouts, timeouts.Value.Create, defaultApplyTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	objs, probs := objectset.Parse(plan.YAML.ValueString(), yamlPath)
	framework.AddProblems(&resp.Diagnostics, probs)
	if resp.Diagnostics.HasError() {
		return
	}
	c := r.connect(&resp.Diagnostics)
	if c == nil {
		return
	}

	plan.ID = types.StringValue(randomID())
	t := newTracker(nil, nil, plan.FieldManager.ValueString())
	err := c.applyAll(ctx, objs, plan.options(), t)
	if err != nil && len(t.shown) == 0 {
		// Nothing was applied: no state, so nothing is tainted either.
		resp.Diagnostics.AddError("Applying Kubernetes objects failed", c.explain(err))
		return
	}
	t.save(ctx, plan, &resp.State, resp.Private, &resp.Diagnostics)
	if err != nil {
		resp.Diagnostics.AddError("Applying Kubernetes objects failed", c.explain(err)+partialCreateNote)
	}
}

func (r *objectsResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state objectsModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, ok := framework.GetWithTimeout(ctx, req.Plan, &plan, &plan.Timeouts, timeouts.Value.Update, defaultApplyTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	objs, probs := objectset.Parse(plan.YAML.ValueString(), yamlPath)
	framework.AddProblems(&resp.Diagnostics, probs)
	prior, owned := recorded(ctx, state, req.Private, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	c := r.connect(&resp.Diagnostics)
	if c == nil {
		return
	}

	// Apply what is new or changed (everything when the field manager or
	// conflict policy changed), then delete what left the yaml.
	reapplyAll := !plan.FieldManager.Equal(state.FieldManager) || !plan.ForceConflicts.Equal(state.ForceConflicts)
	t := newTracker(prior, owned, plan.FieldManager.ValueString())
	var changed []objectset.Object
	desired := map[string]bool{}
	for _, o := range objs {
		desired[o.Key()] = true
		if text, err := objectset.Show(o.Body); reapplyAll || err != nil || prior[o.Key()] != text {
			changed = append(changed, o)
		}
	}
	err := c.applyAll(ctx, changed, plan.options(), t)
	if err != nil && reapplyAll {
		// Some objects are not yet applied under the new settings: keep the
		// old ones in the state, so the next plan shows the change again and
		// its apply reaches them too.
		plan.FieldManager, plan.ForceConflicts = state.FieldManager, state.ForceConflicts
	}
	if err == nil {
		err = r.prune(ctx, c, objs, prior, desired, t)
	}
	t.save(ctx, plan, &resp.State, resp.Private, &resp.Diagnostics)
	if err != nil {
		resp.Diagnostics.AddError("Applying Kubernetes objects failed", c.explain(err)+partialUpdateNote)
	}
}

// prune deletes the objects of prior that left the yaml. An entry whose
// object is still wanted under another key (a namespace now written out,
// "ConfigMap/x" becoming "ConfigMap/default/x") only leaves the state.
func (r *objectsResource) prune(ctx context.Context, c *client, objs []objectset.Object, prior map[string]string, desired map[string]bool, t *tracker) error {
	var gone []objectset.Object
	for key, text := range prior {
		if desired[key] {
			continue
		}
		o, err := parseShown(key, text)
		if err != nil {
			return err
		}
		gone = append(gone, o)
	}
	if len(gone) == 0 {
		return nil
	}
	wanted := map[string]bool{}
	for _, o := range objs {
		ref, err := c.resolve(ctx, o)
		if err != nil {
			return err
		}
		wanted[ref.Key()] = true
	}
	var del []objectset.Object
	for _, o := range gone {
		ref, err := c.resolve(ctx, o)
		if err != nil {
			return err
		}
		if wanted[ref.Key()] {
			t.deleted(o)
			continue
		}
		del = append(del, o)
	}
	return c.deleteAll(ctx, del, t)
}

func (r *objectsResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state objectsModel
	ctx, cancel, ok := framework.GetWithTimeout(ctx, req.State, &state, &state.Timeouts, timeouts.Value.Delete, defaultDeleteTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	prior, diags := stringMap(ctx, state.Objects)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	objs, err := parseAllShown(prior)
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the state", err.Error())
		return
	}
	c := r.connect(&resp.Diagnostics)
	if c == nil {
		return
	}
	t := newTracker(prior, nil, state.FieldManager.ValueString())
	if err := c.deleteAll(ctx, objs, t); err != nil {
		// Keep what is left in the state, so the next destroy finishes it.
		t.save(ctx, state, &resp.State, nil, &resp.Diagnostics)
		resp.Diagnostics.AddError("Deleting Kubernetes objects failed", c.explain(err)+"\n\nThe objects not yet deleted stay in the state; run destroy again (with a longer timeouts.delete if it ran out).")
	}
}

// Read drops objects deleted outside Terraform and shows fields someone else
// changed, so the next plan re-applies them. It leaves the state alone while
// the provider's kubernetes block is still unknown (the cluster is being
// replaced in the same run). timeouts.read bounds it: a server that takes
// connections but never answers would otherwise hang the plan.
func (r *objectsResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state objectsModel
	ctx, cancel, ok := framework.GetWithTimeout(ctx, req.State, &state, &state.Timeouts, timeouts.Value.Read, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	if r.Client == nil || len(r.Client.Kubernetes.Unknown) > 0 {
		return
	}
	prior, owned := recorded(ctx, state, req.Private, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	c := r.connect(&resp.Diagnostics)
	if c == nil {
		return
	}
	t := newTracker(prior, owned, state.FieldManager.ValueString())
	if err := t.refresh(ctx, c, state.YAML.ValueString()); err != nil {
		limit, _ := state.Timeouts.Read(ctx, defaultReadTimeout)
		resp.Diagnostics.AddError("Reading Kubernetes objects failed", c.explainTimeout(ctx, err, "read", limit))
		return
	}
	t.save(ctx, state, &resp.State, nil, &resp.Diagnostics)
}
