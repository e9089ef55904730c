package kubernetes

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/objectset"
)

// pollInterval is how often waits look again: CRDs are established and
// objects deleted within a second or two on a healthy cluster.
var pollInterval = 250 * time.Millisecond

var crdResource = schema.GroupVersionResource{Group: "apiextensions.k8s.io", Version: "v1", Resource: "customresourcedefinitions"}

// waitEstablished waits until every named CRD is Established, so objects of
// its kinds can be applied. It fails early when the API server refuses a
// CRD's names, and says which CRDs were still waiting when ctx ends.
func (c *client) waitEstablished(ctx context.Context, names []string) error {
	pending := append([]string(nil), names...)
	for {
		var still []string
		for i, name := range pending {
			crd, err := c.dyn.Resource(crdResource).Get(ctx, name, metav1.GetOptions{})
			if err != nil {
				if ctx.Err() != nil {
					// still, and the CRDs not looked at yet this round.
					return waitErr(ctx, "CustomResourceDefinitions to be Established", append(still, pending[i:]...))
				}
				return fmt.Errorf("waiting for CustomResourceDefinition %s: %w", name, err)
			}
			if msg, _, refused := condition(crd, "NamesAccepted", "False"); refused {
				return fmt.Errorf("CustomResourceDefinition %s: the API server refused its names: %s", name, msg)
			}
			if _, _, ok := condition(crd, "Established", "True"); !ok {
				still = append(still, name)
			}
		}
		if len(still) == 0 {
			return nil
		}
		pending = still
		if err := sleep(ctx, "CustomResourceDefinitions to be Established", pending); err != nil {
			return err
		}
	}
}

// condition finds status.conditions[type] with the given status and
// returns its message and reason.
func condition(obj *unstructured.Unstructured, typ, status string) (msg, reason string, ok bool) {
	conds, _, _ := unstructured.NestedSlice(obj.Object, "status", "conditions")
	for _, c := range conds {
		m, _ := c.(map[string]any)
		if m["type"] == typ && strings.EqualFold(fmt.Sprint(m["status"]), status) {
			msg, _ = m["message"].(string)
			reason, _ = m["reason"].(string)
			return msg, reason, true
		}
	}
	return "", "", false
}

// waitGone waits until none of objs exists any more. When ctx ends first,
// the error names what is left and the finalizers holding it.
func (c *client) waitGone(ctx context.Context, objs []objectset.Object) error {
	pending := objs
	nudged := map[string]time.Time{}
	for {
		var still []objectset.Object
		var holding []string
		for _, o := range pending {
			live, found, err := c.get(ctx, o)
			if err != nil && ctx.Err() == nil {
				return err
			}
			if err != nil || found {
				still = append(still, o)
				if live != nil && len(live.GetFinalizers()) > 0 {
					holding = append(holding, fmt.Sprintf("%s (finalizers %s)", o.Key(), strings.Join(live.GetFinalizers(), ", ")))
				}
				if live != nil && o.IsCRD() && time.Since(nudged[o.Name]) >= crdCleanupNudge {
					if c.nudgeCRDCleanup(ctx, live) {
						nudged[o.Name] = time.Now()
					}
				}
			}
		}
		if len(still) == 0 {
			return nil
		}
		pending = still
		if ctx.Err() != nil {
			names := keysOf(still)
			msg := waitErr(ctx, "objects to be deleted", names)
			if len(holding) > 0 {
				return fmt.Errorf("%w; finalizers keep %s: the controllers that remove them must still run (delete this resource before uninstalling them)", msg, strings.Join(holding, "; "))
			}
			return msg
		}
		if err := sleep(ctx, "objects to be deleted", keysOf(still)); err != nil {
			return err
		}
	}
}

// crdCleanupNudge is how often a CRD whose instance clean-up failed is
// nudged (see nudgeCRDCleanup).
var crdCleanupNudge = 5 * time.Second

// crdCleanupAnnotation is what nudgeCRDCleanup writes.
const crdCleanupAnnotation = "scaling.scalingkit.io/cleanup-retried-at"

// nudgeCRDCleanup asks the API server to retry a terminating CRD's clean-up
// when its last try failed (condition Terminating, reason
// InstanceDeletionFailed). The try fails with "storage is (re)initializing"
// when a CRD is deleted while the watch cache of its kind is still being
// built, as right after the CRD was created; the CRD finalizer then retries
// with a per-item backoff that grows to minutes (up to 1000 s), longer than
// the delete timeout. Any change to the CRD other than its Terminating
// condition requeues it at once (apiextensions-apiserver CRDFinalizer
// updateCustomResourceDefinition), so an annotation does. It reports
// whether it wrote one; a failed write only means the backoff goes on.
func (c *client) nudgeCRDCleanup(ctx context.Context, live *unstructured.Unstructured) bool {
	if _, reason, _ := condition(live, "Terminating", "True"); live.GetDeletionTimestamp() == nil || reason != "InstanceDeletionFailed" {
		return false
	}
	patch := fmt.Sprintf(`{"metadata":{"annotations":{%q:%q}}}`, crdCleanupAnnotation, time.Now().UTC().Format(time.RFC3339Nano))
	_, err := c.dyn.Resource(crdResource).Patch(ctx, live.GetName(), types.MergePatchType, []byte(patch), metav1.PatchOptions{})
	return err == nil
}

func keysOf(objs []objectset.Object) []string {
	out := make([]string, len(objs))
	for i, o := range objs {
		out[i] = o.Key()
	}
	sort.Strings(out)
	return out
}

func sleep(ctx context.Context, what string, pending []string) error {
	select {
	case <-ctx.Done():
		return waitErr(ctx, what, pending)
	case <-time.After(pollInterval):
		return nil
	}
}

func waitErr(ctx context.Context, what string, pending []string) error {
	return fmt.Errorf("stopped waiting for %s (%w): still waiting for %s", what, context.Cause(ctx), strings.Join(pending, ", "))
}

// servedWait bounds how long a kind defined by a CRD of the same apply may
// take to appear in discovery after the CRD is Established.
var servedWait = 30 * time.Second

// waitServed polls discovery until the cluster serves o's kind (ok false
// when it still does not after servedWait).
func (c *client) waitServed(parent context.Context, o objectset.Object) (mapping, bool, error) {
	ctx, cancel := context.WithTimeout(parent, servedWait)
	defer cancel()
	for {
		m, ok, err := c.mappingFor(ctx, o.Group, o.Version, o.Kind)
		if ok || (err != nil && ctx.Err() == nil) {
			return m, ok, err
		}
		if ctx.Err() == nil {
			select {
			case <-ctx.Done():
			case <-time.After(pollInterval):
				continue
			}
		}
		// Out of time: the caller's deadline is an error, our own bound
		// means the kind is not served.
		return m, false, parent.Err()
	}
}
