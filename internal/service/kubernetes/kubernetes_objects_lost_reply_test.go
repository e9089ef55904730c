package kubernetes

import (
	"context"
	"maps"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest/kubeapi"
	"github.com/scalingkit/terraform-provider-scaling/internal/conns"
)

// defaultConfigMap is a ConfigMap in the namespace "default", which no
// destroy deletes: what is left of it on the fake server is what the
// resource left, not what a Namespace's deletion took along.
func defaultConfigMap(name string) string {
	return strings.Replace(configMap(name, "1"), "namespace: shop", "namespace: default", 1)
}

// loseReplyAt makes the fake apply the object named name and then drop the
// connection before its answer: the cluster has it, the provider never
// hears so.
func loseReplyAt(f *kubeapi.Fake, name string) {
	f.SetLoseReply(func(method, _, n string) bool { return method == "PATCH" && n == name })
}

// A create whose reply for one object is lost records that object, not
// confirmed, so a destroy deletes it from the cluster.
func TestLostReplyThenDestroyDeletesTheObject(t *testing.T) {
	f := kubeapi.NewFake(t)
	r := newRPC(t, fakeConfig(f))
	loseReplyAt(f, "b")
	partial, diags := r.apply(context.Background(), state{}, join(defaultConfigMap("a"), defaultConfigMap("b"), defaultConfigMap("c")))
	if !hasError(diags) || !strings.Contains(diags[0].Detail, "ConfigMap/default/b") {
		t.Fatalf("diagnostics:\n%s", diagsText(diags))
	}
	if !strings.Contains(diags[0].Detail, `marked "not confirmed"`) {
		t.Errorf("the error does not say an object is saved not confirmed:\n%s", diagsText(diags))
	}
	if f.Find("ConfigMap", "b") == nil {
		t.Fatal("the fake did not apply ConfigMap b before losing the reply")
	}
	if f.Find("ConfigMap", "c") != nil {
		t.Fatal("ConfigMap c was applied after the lost reply")
	}
	if got := unconfirmedKeys(objectsOf(t, partial.value)); !reflect.DeepEqual(got, []string{"ConfigMap/default/b"}) {
		t.Errorf("state marks %v not confirmed, want ConfigMap b; state: %v", got, slices.Sorted(maps.Keys(objectsOf(t, partial.value))))
	}

	f.SetLoseReply(nil)
	if d := r.destroy(partial); hasError(d) {
		t.Fatal(diagsText(d))
	}
	if got := f.Names(); !reflect.DeepEqual(got, []string{"Namespace/default"}) {
		t.Errorf("destroy after the lost reply left %v on the cluster", got)
	}
}

// An update whose reply for a new object is lost, followed by an update
// that drops the object from yaml, deletes it from the cluster.
func TestLostReplyThenRemovedFromYAMLIsPruned(t *testing.T) {
	f := kubeapi.NewFake(t)
	r := newRPC(t, fakeConfig(f))
	first, diags := r.apply(context.Background(), state{}, defaultConfigMap("a"))
	if hasError(diags) {
		t.Fatal(diagsText(diags))
	}
	loseReplyAt(f, "b")
	second, diags := r.apply(context.Background(), first, join(defaultConfigMap("a"), defaultConfigMap("b")))
	if !hasError(diags) {
		t.Fatal("no error from an update whose reply was lost")
	}
	if f.Find("ConfigMap", "b") == nil {
		t.Fatal("the fake did not apply ConfigMap b before losing the reply")
	}

	f.SetLoseReply(nil)
	third, diags := r.apply(context.Background(), r.read(second), defaultConfigMap("a"))
	if hasError(diags) {
		t.Fatal(diagsText(diags))
	}
	if f.Find("ConfigMap", "b") != nil {
		t.Error("ConfigMap b, removed from yaml after its reply was lost, is still on the cluster")
	}
	if got := slices.Sorted(maps.Keys(objectsOf(t, third.value))); !reflect.DeepEqual(got, []string{"ConfigMap/default/a"}) {
		t.Errorf("state lists %v, want only ConfigMap a", got)
	}
}

// After a lost reply the refreshed plan is not empty: it applies the object
// again. That apply confirms it, and the plan after it is empty.
func TestLostReplyPlansAReapplyThatConverges(t *testing.T) {
	f := kubeapi.NewFake(t)
	r := newRPC(t, fakeConfig(f))
	first, diags := r.apply(context.Background(), state{}, defaultConfigMap("a"))
	if hasError(diags) {
		t.Fatal(diagsText(diags))
	}
	both := join(defaultConfigMap("a"), defaultConfigMap("b"))
	loseReplyAt(f, "b")
	second, diags := r.apply(context.Background(), first, both)
	if !hasError(diags) {
		t.Fatal("no error from an update whose reply was lost")
	}

	f.SetLoseReply(nil)
	refreshed := r.read(second)
	prior := objectsOf(t, refreshed.value)
	if got := unconfirmedKeys(prior); !reflect.DeepEqual(got, []string{"ConfigMap/default/b"}) {
		t.Errorf("refreshed state marks %v not confirmed, want ConfigMap b (it is on the cluster); state: %v", got, slices.Sorted(maps.Keys(prior)))
	}
	plan := objectsOf(t, r.planned(refreshed, both))
	if plan["ConfigMap/default/b"] == prior["ConfigMap/default/b"] || plan["ConfigMap/default/a"] != prior["ConfigMap/default/a"] || !strings.HasPrefix(prior["ConfigMap/default/b"], unconfirmedMark) {
		t.Fatalf("plan after the lost reply: b %q (was %q), a changed: %v; want b to change, a not", plan["ConfigMap/default/b"], prior["ConfigMap/default/b"], plan["ConfigMap/default/a"] != prior["ConfigMap/default/a"])
	}

	third, diags := r.apply(context.Background(), refreshed, both)
	if hasError(diags) {
		t.Fatal(diagsText(diags))
	}
	again := r.read(third)
	if got := r.planned(again, both); !got.Equal(again.value) {
		t.Errorf("plan after the re-apply is not empty:\nstate %v\nplan  %v", objectsOf(t, again.value), objectsOf(t, got))
	}
	if got := unconfirmedKeys(objectsOf(t, again.value)); len(got) > 0 {
		t.Errorf("state still marks %v not confirmed after the re-apply", got)
	}
}

// An object whose apply was sent but that the server never stored (the
// request was cut before it) leaves the state at the next refresh, and the
// plan adds it again.
func TestRefreshDropsAnUnconfirmedObjectTheClusterDoesNotHave(t *testing.T) {
	f := kubeapi.NewFake(t)
	r := newRPC(t, fakeConfig(f))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cancelAtPatch(f, "c", cancel)
	partial, _ := r.apply(ctx, state{}, join(defaultConfigMap("a"), defaultConfigMap("c")))
	if got := unconfirmedKeys(objectsOf(t, partial.value)); !reflect.DeepEqual(got, []string{"ConfigMap/default/c"}) {
		t.Fatalf("state marks %v not confirmed, want ConfigMap c", got)
	}
	f.SetOnRequest(nil)
	if got := slices.Sorted(maps.Keys(objectsOf(t, r.read(partial).value))); !reflect.DeepEqual(got, []string{"ConfigMap/default/a"}) {
		t.Errorf("refreshed state lists %v, want only ConfigMap a: c is not on the cluster", got)
	}
}

// A refresh of an API server that takes the connection but never answers
// stops at timeouts.read, naming the server and what to check.
func TestReadOfAServerThatNeverAnswersStopsAtTheReadTimeout(t *testing.T) {
	f := kubeapi.NewFake(t)
	r := newRPC(t, fakeConfig(f))
	timeoutsType := r.typ.AttributeTypes["timeouts"].(tftypes.Object)
	block := map[string]tftypes.Value{}
	for name, typ := range timeoutsType.AttributeTypes {
		block[name] = tftypes.NewValue(typ, nil)
	}
	block["read"] = tftypes.NewValue(tftypes.String, "1s")
	cfg := r.config(defaultConfigMap("a"), map[string]tftypes.Value{"timeouts": tftypes.NewValue(timeoutsType, block)})
	s, diags := r.applyConfig(context.Background(), state{}, cfg)
	if hasError(diags) {
		t.Fatal(diagsText(diags))
	}

	// Without a bound the refresh would wait for as long as this server
	// does; it gives up after a while so that such a failure ends.
	stuck := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, req *http.Request) {
		select {
		case <-req.Context().Done():
		case <-time.After(30 * time.Second):
		}
		panic(http.ErrAbortHandler)
	}))
	t.Cleanup(stuck.Close)
	hung := newRPC(t, conns.KubernetesConfig{Host: stuck.URL, Token: "test-token"})
	resp, err := hung.server.ReadResource(context.Background(), &tfprotov6.ReadResourceRequest{
		TypeName: typeName, CurrentState: hung.dv(s.value), Private: s.private,
	})
	if err != nil {
		t.Fatal(err)
	}
	if !hasError(resp.Diagnostics) {
		t.Fatal("a refresh of a server that never answers succeeded")
	}
	for _, want := range []string{
		"context deadline exceeded",
		"The API server at " + stuck.URL + " did not answer within timeouts.read (1s)",
		"kubernetes block (host", "reachable from where Terraform runs", "raise timeouts.read",
	} {
		if !strings.Contains(resp.Diagnostics[0].Detail, want) {
			t.Errorf("the error lacks %q:\n%s", want, diagsText(resp.Diagnostics))
		}
	}
}
