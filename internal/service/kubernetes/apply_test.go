package kubernetes

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest/kubeapi"
)

// CRDs and Namespaces are applied first, the CRD is waited for until
// Established, and only then is an object of its kind applied, although the
// yaml lists it first.
func TestApplyAllAppliesCRDsFirstAndWaitsUntilEstablished(t *testing.T) {
	f := kubeapi.NewFake(t)
	f.SetEstablishAfter(3)
	c := fakeClient(t, f)
	tr := newTracker(nil, nil, DefaultFieldManager)
	objs := parse(t, join(nodePool, configMap("a", "1"), nodePoolCRD, shopNamespace))
	if err := c.applyAll(context.Background(), objs, applyOptions{fieldManager: DefaultFieldManager}, tr); err != nil {
		t.Fatal(err)
	}
	log := f.Requests()
	crd, pool, ns, cm := indexOf(log, "PATCH CustomResourceDefinition/"), indexOf(log, "PATCH NodePool/"), indexOf(log, "PATCH Namespace/shop"), indexOf(log, "PATCH ConfigMap/a")
	if crd < 0 || pool < 0 || ns < 0 || cm < 0 {
		t.Fatalf("missing applies in %v", log)
	}
	if crd > pool || ns > cm {
		t.Errorf("apply order wrong: %v", log)
	}
	reads := 0
	for _, l := range log[crd:pool] {
		if strings.HasPrefix(l, "GET CustomResourceDefinition/") {
			reads++
		}
	}
	if reads < 3 {
		t.Errorf("NodePool applied after %d reads of its CRD, before it was Established (after 3): %v", reads, log)
	}
	if len(tr.shown) != 4 || len(tr.owned) != 4 {
		t.Errorf("tracked %d objects and %d owned-field digests, want 4 and 4", len(tr.shown), len(tr.owned))
	}
}

// Discovery may lag a CRD's Established condition: an object of a kind a
// CRD of the same apply defines waits for it instead of failing.
func TestApplyWaitsForDiscoveryOfKindsItsCRDsDefine(t *testing.T) {
	f := kubeapi.NewFake(t)
	f.SetDiscoveryLag(3)
	c := fakeClient(t, f)
	err := c.applyAll(context.Background(), parse(t, join(nodePoolCRD, nodePool)), applyOptions{fieldManager: DefaultFieldManager}, newTracker(nil, nil, DefaultFieldManager))
	if err != nil {
		t.Fatal(err)
	}
	if f.Find("NodePool", "general") == nil {
		t.Fatal("NodePool not applied")
	}
}

// An object whose kind the cluster does not serve fails with the CRD's name
// and how to install it, before anything after it is applied.
func TestApplyMissingCRDNamesItAndTheFix(t *testing.T) {
	f := kubeapi.NewFake(t)
	c := fakeClient(t, f)
	tr := newTracker(nil, nil, DefaultFieldManager)
	err := c.applyAll(context.Background(), parse(t, join(shopNamespace, nodePool)), applyOptions{fieldManager: DefaultFieldManager}, tr)
	if err == nil {
		t.Fatal("applied a NodePool without its CRD")
	}
	for _, want := range []string{
		"NodePool.karpenter.sh/general (document 2, line 5)",
		"CRD nodepools.karpenter.sh is not installed",
		"install Karpenter's CRDs", "karpenter.sh_nodepools.yaml",
		"or add them to this resource's yaml",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if _, ok := tr.shown["Namespace/shop"]; !ok || len(tr.shown) != 1 {
		t.Errorf("tracked %v, want only the Namespace applied before the failure", tr.shown)
	}
}

// An apply the API server refused (here: its namespace is missing) is not
// recorded, not even as not confirmed: the server said it did not apply it.
func TestApplyIntoMissingNamespaceSaysHowToFixIt(t *testing.T) {
	f := kubeapi.NewFake(t)
	c := fakeClient(t, f)
	tr := newTracker(nil, nil, DefaultFieldManager)
	err := c.applyAll(context.Background(), parse(t, configMap("a", "1")), applyOptions{fieldManager: DefaultFieldManager}, tr)
	if err == nil || !strings.Contains(err.Error(), `namespace "shop" does not exist: add a Namespace object to this resource's yaml`) {
		t.Fatalf("error = %v", err)
	}
	if len(tr.shown) != 0 {
		t.Errorf("tracked %v after the API server refused the only apply", tr.shown)
	}
}

// Deletion runs in reverse: objects, then the CRDs and Namespaces.
func TestDeleteAllDeletesDefinitionsLast(t *testing.T) {
	f := kubeapi.NewFake(t)
	c := fakeClient(t, f)
	objs := parse(t, join(nodePoolCRD, shopNamespace, nodePool, configMap("a", "1")))
	tr := newTracker(nil, nil, DefaultFieldManager)
	ctx := context.Background()
	if err := c.applyAll(ctx, objs, applyOptions{fieldManager: DefaultFieldManager}, tr); err != nil {
		t.Fatal(err)
	}
	if err := c.deleteAll(ctx, objs, tr); err != nil {
		t.Fatal(err)
	}
	log := f.Requests()
	last := func(prefix string) int {
		i := -1
		for j, l := range log {
			if strings.HasPrefix(l, prefix) {
				i = j
			}
		}
		return i
	}
	if last("DELETE NodePool/") > last("DELETE CustomResourceDefinition/") || last("DELETE ConfigMap/") > last("DELETE Namespace/") {
		t.Errorf("delete order wrong: %v", log)
	}
	if len(tr.shown) != 0 {
		t.Errorf("still tracked after delete: %v", tr.shown)
	}
	if got := f.Names(); len(got) != 1 || got[0] != "Namespace/default" {
		t.Errorf("left on the server: %v", got)
	}
}

// A wait for CRDs that is canceled names the CRDs still waited for, not
// those already Established.
func TestWaitEstablishedCanceledNamesOnlyThePendingCRDs(t *testing.T) {
	f := kubeapi.NewFake(t)
	c := fakeClient(t, f)
	nodeClassCRD := strings.NewReplacer("nodepools.karpenter.sh", "ec2nodeclasses.karpenter.k8s.aws", "group: karpenter.sh", "group: karpenter.k8s.aws",
		"kind: NodePool, plural: nodepools", "kind: EC2NodeClass, plural: ec2nodeclasses").Replace(nodePoolCRD)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f.SetOnRequest(func(method, _, name string) bool {
		if method == "GET" && name == "ec2nodeclasses.karpenter.k8s.aws" {
			cancel()
			return true
		}
		return false
	})
	err := c.applyAll(ctx, parse(t, join(nodePoolCRD, nodeClassCRD)), applyOptions{fieldManager: DefaultFieldManager}, newTracker(nil, nil, DefaultFieldManager))
	if err == nil || !strings.HasSuffix(err.Error(), "still waiting for ec2nodeclasses.karpenter.k8s.aws") {
		t.Fatalf("error = %v, want it to end with the one CRD still waited for", err)
	}
}

// A CRD deleted while the watch cache of its kind is still being built
// stays Terminating (InstanceDeletionFailed) until the API server's CRD
// finalizer retries, after a backoff that grows to minutes. The delete
// nudges it with an annotation, which requeues the clean-up at once.
func TestDeleteAllNudgesACRDWhoseCleanupFailed(t *testing.T) {
	f := kubeapi.NewFake(t)
	c := fakeClient(t, f)
	objs := parse(t, join(nodePoolCRD, nodePool))
	tr := newTracker(nil, nil, DefaultFieldManager)
	if err := c.applyAll(context.Background(), objs, applyOptions{fieldManager: DefaultFieldManager}, tr); err != nil {
		t.Fatal(err)
	}
	f.SetCRDCleanupStuck(true)
	// Without the nudge the fake keeps the CRD for ever: the deadline fails
	// the test instead of hanging it.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := c.deleteAll(ctx, objs, tr); err != nil {
		t.Fatalf("the CRD whose clean-up failed was not nudged: %v", err)
	}
	if got := f.Names(); len(got) != 1 || got[0] != "Namespace/default" {
		t.Errorf("left on the server: %v", got)
	}
}
