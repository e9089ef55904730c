package eks_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Canceled contexts, as SIGINT cancels an apply: the provider's RPCs are
// driven by hand and the apply's context is canceled once the emulator
// has the update InProgress.

func tierArgs(cluster, tier string) map[string]tftypes.Value {
	return map[string]tftypes.Value{
		"cluster_name": tftypes.NewValue(tftypes.String, cluster),
		"tier":         tftypes.NewValue(tftypes.String, tier),
	}
}

// cancelWhenUpdating returns a context canceled as soon as the cluster is
// UPDATING (an update is InProgress and the status lag has passed).
func (tg target) cancelWhenUpdating(t *testing.T, cluster string) context.Context {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go func() {
		defer cancel()
		for ctx.Err() == nil {
			if c, ok := tg.Emu.EKS().Cluster(cluster); ok && c.Status == "UPDATING" {
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()
	return ctx
}

// Issue 16 item 1: a create canceled mid-update returns no error (an error
// would taint the resource, and the next apply would replace it: revert
// the cluster to standard and change it again), saves the resource with
// the tier it is moving to and the update's ID, and warns. The refresh
// follows the update, and the next plan changes nothing.
func TestControlPlaneTierCreate_canceledContext(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "standard")
	tg.Emu.EKS().SetUpdateDelay(cluster, interruptedDelay)
	p := newProtoProvider(t, tg)
	config := p.config(tierArgs(cluster, "tier-xl"))

	_, planned := p.plan(context.Background(), nil, config)
	resp, saved := p.apply(tg.cancelWhenUpdating(t, cluster), nil, planned, config)
	if hasError(resp.Diagnostics) {
		t.Fatalf("a canceled create must not fail (terraform would taint it):\n%s", diagText(resp.Diagnostics))
	}
	if text := diagText(resp.Diagnostics); !strings.Contains(text, "still in progress") || !strings.Contains(text, "Nothing is reverted") {
		t.Errorf("no warning about the update in flight:\n%s", text)
	}
	got := p.attrs(saved)
	updateID := tg.latestUpdateID(t, cluster)
	for k, want := range map[string]string{"id": cluster, "tier": "tier-xl", "previous_tier": "standard", "last_update_id": updateID, "kubernetes_version": "1.33"} {
		if got[k] != want {
			t.Errorf("saved %s = %q, want %q", k, got[k], want)
		}
	}
	if c, _ := tg.Emu.EKS().Cluster(cluster); c.Status != "UPDATING" || c.Tier != "standard" {
		t.Fatalf("the update should still run: cluster %+v", c)
	}

	// Refresh while the update runs: the tier it moves to.
	refreshed := p.read(saved)
	if tier := p.attrs(refreshed)["tier"]; tier != "tier-xl" {
		t.Errorf("refresh during the update: tier %q, want tier-xl", tier)
	}
	tg.waitUpdatesDone(t, cluster)
	refreshed = p.read(refreshed)
	if tier := p.attrs(refreshed)["tier"]; tier != "tier-xl" {
		t.Errorf("refresh after the update: tier %q, want tier-xl", tier)
	}
	if strings.Contains(string(refreshed.Private), "pending_tier_update") {
		t.Errorf("private state still remembers the finished update: %s", refreshed.Private)
	}

	// The next plan: no replacement, no change.
	plan, _ := p.plan(context.Background(), refreshed, config)
	if len(plan.RequiresReplace) != 0 {
		t.Errorf("the next plan replaces the resource (%v): destroy would revert the tier", plan.RequiresReplace)
	}
	if d := p.attrs(&resourceObject{Value: plan.PlannedState}); d["tier"] != "tier-xl" || d["last_update_id"] != updateID {
		t.Errorf("the next plan changes the resource: %v", d)
	}
	if n := tg.tierUpdates(t, cluster); n != 1 {
		t.Errorf("%d updates, want 1", n)
	}
}

// Issue 16 items 2 and 3: an update canceled mid-update fails (an update
// error does not taint) and saves the tier the cluster is moving to with
// the update's ID and the tier before it.
func TestControlPlaneTierUpdate_canceledContext(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "standard")
	p := newProtoProvider(t, tg)
	xl := p.config(tierArgs(cluster, "tier-xl"))
	_, planned := p.plan(context.Background(), nil, xl)
	resp, state := p.apply(context.Background(), nil, planned, xl)
	p.fatalOnError("ApplyResourceChange", resp.Diagnostics)

	tg.Emu.EKS().SetUpdateDelay(cluster, interruptedDelay)
	xl4 := p.config(tierArgs(cluster, "tier-4xl"))
	_, planned = p.plan(context.Background(), state, xl4)
	resp, saved := p.apply(tg.cancelWhenUpdating(t, cluster), state, planned, xl4)
	if !hasError(resp.Diagnostics) || !strings.Contains(diagText(resp.Diagnostics), "still in progress") {
		t.Fatalf("a canceled update must fail and say the update goes on:\n%s", diagText(resp.Diagnostics))
	}
	got := p.attrs(saved)
	for k, want := range map[string]string{"tier": "tier-4xl", "previous_tier": "tier-xl", "last_update_id": tg.latestUpdateID(t, cluster)} {
		if got[k] != want {
			t.Errorf("saved %s = %q, want %q", k, got[k], want)
		}
	}

	// Back to tier-xl while the update runs: the plan must change the tier.
	refreshed := p.read(saved)
	plan, _ := p.plan(context.Background(), refreshed, xl)
	if tier := p.attrs(refreshed)["tier"]; tier != "tier-4xl" {
		t.Errorf("refresh during the update: tier %q, want tier-4xl", tier)
	}
	if d := p.attrs(&resourceObject{Value: plan.PlannedState}); d["tier"] != "tier-xl" || d["previous_tier"] != "(unknown)" {
		t.Errorf("plan back to tier-xl: %v", d)
	}
}
