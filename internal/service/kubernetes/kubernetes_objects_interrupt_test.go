package kubernetes

import (
	"context"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest/kubeapi"
)

// An apply canceled half-way (Ctrl-C: Terraform cancels the provider's
// context) saves exactly the objects applied so far, plus the one whose
// apply was sent but never answered, marked not confirmed (the server may
// hold it), and reports the error; nothing after it is sent. The next apply
// converges whether Terraform replaces the tainted resource (destroy, then
// create) or the user untaints it (update in place).
func TestApplyCanceledHalfWaySavesWhatWasApplied(t *testing.T) {
	all := join(shopNamespace, configMap("a", "1"), configMap("b", "2"), configMap("c", "3"))
	want := []string{"ConfigMap/shop/a", "ConfigMap/shop/b", "ConfigMap/shop/c", "Namespace/shop"}

	for _, next := range []string{"replace", "untaint"} {
		t.Run(next, func(t *testing.T) {
			f := kubeapi.NewFake(t)
			r := newRPC(t, fakeConfig(f))
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			// ConfigMap b's apply never answers: the user cancels meanwhile.
			cancelAtPatch(f, "b", cancel)
			partial, diags := r.apply(ctx, state{}, all)
			if !hasError(diags) || !strings.Contains(diags[0].Detail, "context canceled") || !strings.Contains(diags[0].Detail, "saved in the state") {
				t.Fatalf("diagnostics:\n%s", diagsText(diags))
			}
			saved := objectsOf(t, partial.value)
			if got := slices.Sorted(maps.Keys(saved)); !reflect.DeepEqual(got, []string{"ConfigMap/shop/a", "ConfigMap/shop/b", "Namespace/shop"}) {
				t.Fatalf("state after the canceled apply lists %v, want what was applied (the Namespace and ConfigMap a) and what was sent (ConfigMap b)", got)
			}
			if got := unconfirmedKeys(saved); !reflect.DeepEqual(got, []string{"ConfigMap/shop/b"}) {
				t.Fatalf("state marks %v not confirmed, want only ConfigMap b, whose apply got no answer", got)
			}
			if f.Find("ConfigMap", "c") != nil {
				t.Fatal("ConfigMap c was applied after the cancel")
			}

			f.SetOnRequest(nil)
			var final state
			switch next {
			case "replace": // Terraform's default for a tainted resource
				if d := r.destroy(partial); hasError(d) {
					t.Fatal(diagsText(d))
				}
				if got := f.Names(); !reflect.DeepEqual(got, []string{"Namespace/default"}) {
					t.Fatalf("destroy of the partial state left %v", got)
				}
				final, diags = r.apply(context.Background(), state{}, all)
			case "untaint": // update in place from the partial state
				final, diags = r.apply(context.Background(), partial, all)
			}
			if hasError(diags) {
				t.Fatal(diagsText(diags))
			}
			if got := slices.Sorted(maps.Keys(objectsOf(t, final.value))); !reflect.DeepEqual(got, want) {
				t.Errorf("state lists %v, want %v", got, want)
			}
			if got := unconfirmedKeys(objectsOf(t, final.value)); len(got) > 0 {
				t.Errorf("state still marks %v not confirmed after the re-run", got)
			}
			for _, name := range []string{"a", "b", "c"} {
				if f.Find("ConfigMap", name) == nil {
					t.Errorf("ConfigMap %s is not on the server", name)
				}
			}
		})
	}
}

// An update canceled half-way keeps the old value of what it did not
// confirm and the new value of what it did, so the next plan shows what is
// left; the object whose apply got no answer is marked not confirmed.
func TestUpdateCanceledHalfWayKeepsWhatIsLeftToDo(t *testing.T) {
	f := kubeapi.NewFake(t)
	r := newRPC(t, fakeConfig(f))
	first, diags := r.apply(context.Background(), state{}, join(shopNamespace, configMap("a", "1"), configMap("b", "1")))
	if hasError(diags) {
		t.Fatal(diagsText(diags))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cancelAtPatch(f, "b", cancel)
	second, diags := r.apply(ctx, first, join(shopNamespace, configMap("a", "2"), configMap("b", "2")))
	if !hasError(diags) {
		t.Fatal("no error from a canceled update")
	}
	objs := objectsOf(t, second.value)
	if !strings.Contains(objs["ConfigMap/shop/a"], `value: "2"`) || !strings.Contains(objs["ConfigMap/shop/b"], `value: "1"`) {
		t.Errorf("state after the canceled update: a=%q b=%q; want a updated, b not", objs["ConfigMap/shop/a"], objs["ConfigMap/shop/b"])
	}
	if got := unconfirmedKeys(objs); !reflect.DeepEqual(got, []string{"ConfigMap/shop/b"}) {
		t.Errorf("state marks %v not confirmed, want only ConfigMap b", got)
	}
}

// An update that changes the field manager and is canceled half-way keeps
// the old field manager in the state, so the next apply re-applies every
// object under the new one, those the canceled update did not reach too.
func TestUpdateCanceledHalfWayKeepsTheOldFieldManager(t *testing.T) {
	f := kubeapi.NewFake(t)
	r := newRPC(t, fakeConfig(f))
	all := join(shopNamespace, configMap("a", "1"), configMap("b", "1"))
	first, diags := r.apply(context.Background(), state{}, all)
	if hasError(diags) {
		t.Fatal(diagsText(diags))
	}
	renamed := r.config(all, map[string]tftypes.Value{"field_manager": tftypes.NewValue(tftypes.String, "platform")})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cancelAtPatch(f, "b", cancel)
	partial, diags := r.applyConfig(ctx, first, renamed)
	if !hasError(diags) {
		t.Fatal("no error from a canceled update")
	}
	if got := attrString(t, partial.value, "field_manager"); got != DefaultFieldManager {
		t.Errorf("field_manager in the state after the canceled update = %q, want the old %q: ConfigMap b is not applied under the new one yet", got, DefaultFieldManager)
	}

	f.SetOnRequest(nil)
	final, diags := r.applyConfig(context.Background(), r.read(partial), renamed)
	if hasError(diags) {
		t.Fatal(diagsText(diags))
	}
	if got := attrString(t, final.value, "field_manager"); got != "platform" {
		t.Errorf("field_manager = %q after the re-run, want platform", got)
	}
	for _, name := range []string{"a", "b"} {
		meta := f.Find("ConfigMap", name)["metadata"].(map[string]any)
		if got := meta["managedFields"].([]any)[0].(map[string]any)["manager"]; got != "platform" {
			t.Errorf("ConfigMap %s was last applied by %v after the re-run, want platform", name, got)
		}
	}
}

// attrString is a string attribute of a state.
func attrString(t *testing.T, v tftypes.Value, name string) string {
	t.Helper()
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		t.Fatal(err)
	}
	var s string
	if err := attrs[name].As(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// cancelAtPatch makes the apply of the object named name never answer and
// cancels the apply's context meanwhile, as a user's Ctrl-C would.
func cancelAtPatch(f *kubeapi.Fake, name string, cancel context.CancelFunc) {
	f.SetOnRequest(func(method, _, n string) bool {
		if method == "PATCH" && n == name {
			cancel()
			return true
		}
		return false
	})
}

// unconfirmedKeys lists, sorted, the objects a state marks not confirmed.
func unconfirmedKeys(objs map[string]string) []string {
	var out []string
	for k, text := range objs {
		if strings.HasPrefix(text, unconfirmedMark) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}
