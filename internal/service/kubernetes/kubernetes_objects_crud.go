package kubernetes

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/objectset"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

const partialCreateNote = "\n\nThe objects applied so far are saved in the state, so nothing is lost track of. Terraform marks the " +
	"resource tainted: the next apply deletes them and applies everything again. To re-apply in place instead " +
	"(server-side apply is idempotent), run `terraform untaint` on this resource first."

const partialUpdateNote = "\n\nThe state records what was applied and deleted so far; the next plan shows what is left to do."

func (r *objectsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan objectsModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Create(ctx, defaultApplyTimeout)
	resp.Diagnostics.Append(d...)
	objs, probs := objectset.Parse(plan.YAML.ValueString(), yamlPath)
	framework.AddProblems(&resp.Diagnostics, probs)
	if resp.Diagnostics.HasError() {
		return
	}
	c, err := r.newClient()
	if err != nil {
		resp.Diagnostics.AddError("Cannot reach the cluster", err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	plan.ID = types.StringValue(randomID())
	t := newTracker(nil, nil, plan.FieldManager.ValueString())
	err = c.applyAll(ctx, objs, plan.options(), t)
	if err != nil && len(t.shown) == 0 {
		// Nothing was applied: no state, so nothing is tainted either.
		resp.Diagnostics.AddError("Applying Kubernetes objects failed", err.Error())
		return
	}
	t.save(ctx, plan, &resp.State, resp.Private, &resp.Diagnostics)
	if err != nil {
		resp.Diagnostics.AddError("Applying Kubernetes objects failed", err.Error()+partialCreateNote)
	}
}

func (r *objectsResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state objectsModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Update(ctx, defaultApplyTimeout)
	resp.Diagnostics.Append(d...)
	objs, probs := objectset.Parse(plan.YAML.ValueString(), yamlPath)
	framework.AddProblems(&resp.Diagnostics, probs)
	prior, diags := stringMap(ctx, state.Objects)
	resp.Diagnostics.Append(diags...)
	owned, diags := readOwned(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	c, err := r.newClient()
	if err != nil {
		resp.Diagnostics.AddError("Cannot reach the cluster", err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

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
	err = c.applyAll(ctx, changed, plan.options(), t)
	if err == nil {
		err = r.prune(ctx, c, objs, prior, desired, t)
	}
	t.save(ctx, plan, &resp.State, resp.Private, &resp.Diagnostics)
	if err != nil {
		resp.Diagnostics.AddError("Applying Kubernetes objects failed", err.Error()+partialUpdateNote)
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
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := state.Timeouts.Delete(ctx, defaultDeleteTimeout)
	resp.Diagnostics.Append(d...)
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
	c, err := r.newClient()
	if err != nil {
		resp.Diagnostics.AddError("Cannot reach the cluster", err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	t := newTracker(prior, nil, state.FieldManager.ValueString())
	if err := c.deleteAll(ctx, objs, t); err != nil {
		// Keep what is left in the state, so the next destroy finishes it.
		t.save(ctx, state, &resp.State, nil, &resp.Diagnostics)
		resp.Diagnostics.AddError("Deleting Kubernetes objects failed", fmt.Sprintf("%v\n\nThe objects not yet deleted stay in the state; run destroy again (with a longer timeouts.delete if it ran out).", err))
	}
}

// Read drops objects deleted outside Terraform and shows fields someone else
// changed, so the next plan re-applies them. It leaves the state alone while
// the provider's kubernetes block is still unknown (the cluster is being
// replaced in the same run).
func (r *objectsResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state objectsModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if r.Client == nil || len(r.Client.Kubernetes.Unknown) > 0 {
		return
	}
	prior, diags := stringMap(ctx, state.Objects)
	resp.Diagnostics.Append(diags...)
	owned, diags := readOwned(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	c, err := r.newClient()
	if err != nil {
		resp.Diagnostics.AddError("Cannot reach the cluster", err.Error())
		return
	}
	t := newTracker(prior, owned, state.FieldManager.ValueString())
	if err := t.refresh(ctx, c, state.YAML.ValueString()); err != nil {
		resp.Diagnostics.AddError("Reading Kubernetes objects failed", err.Error())
		return
	}
	t.save(ctx, state, &resp.State, nil, &resp.Diagnostics)
}
