package kubernetes

import (
	"context"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest/kubeapi"
)

// A refresh drops an object deleted behind Terraform's back, and shows the
// cluster's value of a field someone else changed.
func TestReadFindsDeletedAndChangedObjects(t *testing.T) {
	f := kubeapi.NewFake(t)
	r := newRPC(t, fakeConfig(f))
	s, diags := r.apply(context.Background(), state{}, join(shopNamespace, configMap("a", "1"), configMap("b", "1")))
	if hasError(diags) {
		t.Fatal(diagsText(diags))
	}
	if got := objectsOf(t, r.read(s).value); !reflect.DeepEqual(got, objectsOf(t, s.value)) {
		t.Fatalf("a refresh without changes changed the state:\n%v\n%v", got, objectsOf(t, s.value))
	}
	f.Remove("ConfigMap", "a")
	f.Edit("b", "value", "edited")
	got := objectsOf(t, r.read(s).value)
	if _, ok := got["ConfigMap/shop/a"]; ok {
		t.Error("the deleted ConfigMap a is still in the state")
	}
	if !strings.Contains(got["ConfigMap/shop/b"], "value: edited") {
		t.Errorf("ConfigMap b's edited value is not shown: %q", got["ConfigMap/shop/b"])
	}
}

// A refresh (at plan time) of a cluster that does not answer fails, naming
// the server and what to check.
func TestReadOfAnUnreachableClusterSaysWhatToCheck(t *testing.T) {
	f := kubeapi.NewFake(t)
	r := newRPC(t, fakeConfig(f))
	s, diags := r.apply(context.Background(), state{}, join(shopNamespace, configMap("a", "1")))
	if hasError(diags) {
		t.Fatal(diagsText(diags))
	}
	f.Close()
	resp, err := r.server.ReadResource(context.Background(), &tfprotov6.ReadResourceRequest{
		TypeName: typeName, CurrentState: r.dv(s.value), Private: s.private,
	})
	if err != nil {
		t.Fatal(err)
	}
	if !hasError(resp.Diagnostics) {
		t.Fatal("a refresh of a stopped API server succeeded")
	}
	for _, want := range []string{"connection refused", "The API server at " + f.URL + " did not answer", "kubernetes block (host", "reachable from where Terraform runs"} {
		if !strings.Contains(resp.Diagnostics[0].Detail, want) {
			t.Errorf("the error lacks %q:\n%s", want, diagsText(resp.Diagnostics))
		}
	}
}

// Writing out a namespace that was implied ("ConfigMap/x" becomes
// "ConfigMap/default/x") changes the key but not the object: the update
// must not delete what it just applied.
func TestUpdateKeepsAnObjectWhoseKeyChanged(t *testing.T) {
	f := kubeapi.NewFake(t)
	r := newRPC(t, fakeConfig(f))
	implicit := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: '1'}\n"
	explicit := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: default}\ndata: {a: '1'}\n"
	first, diags := r.apply(context.Background(), state{}, implicit)
	if hasError(diags) {
		t.Fatal(diagsText(diags))
	}
	second, diags := r.apply(context.Background(), first, explicit)
	if hasError(diags) {
		t.Fatal(diagsText(diags))
	}
	if f.Find("ConfigMap", "x") == nil {
		t.Fatal("the update deleted the ConfigMap it had just applied")
	}
	if got := slices.Sorted(maps.Keys(objectsOf(t, second.value))); !reflect.DeepEqual(got, []string{"ConfigMap/default/x"}) {
		t.Errorf("state lists %v", got)
	}
}
