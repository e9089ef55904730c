package kubernetes

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptrace"
	"strings"
	"sync/atomic"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/objectset"
)

// applyOptions are the server-side apply settings of a resource.
type applyOptions struct {
	fieldManager   string
	forceConflicts bool
}

// applyObject server-side applies one object. Unknown fields are errors
// (strict field validation), not silently dropped: what the plan showed is
// what the cluster stores, or the apply fails.
//
// When a CRD applied in the same run defines the kind, the API server's
// discovery can lag its Established condition by a moment: the kind is
// waited for (defined says which kinds) instead of failing at once.
//
// On an error, unconfirmed is true when the API server may have applied
// the object all the same: the request was sent and no answer refused it
// (a lost reply, a canceled context, a dropped connection, a server error).
func (c *client) applyObject(ctx context.Context, o objectset.Object, opts applyOptions, defined map[string]bool) (live *unstructured.Unstructured, unconfirmed bool, err error) {
	m, ok, err := c.mappingFor(ctx, o.Group, o.Version, o.Kind)
	if err == nil && !ok && defined[o.Group+"/"+o.Version+"/"+o.Kind] {
		m, ok, err = c.waitServed(ctx, o)
	}
	if err != nil {
		return nil, false, err
	}
	if !ok {
		return nil, false, c.missingKindError(ctx, o)
	}
	ri, namespace := c.target(m, o.Namespace)
	body, err := json.Marshal(o.Body)
	if err != nil {
		return nil, false, err
	}
	var sent atomic.Bool
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{WroteHeaders: func() { sent.Store(true) }})
	force := opts.forceConflicts
	live, err = ri.Patch(ctx, o.Name, types.ApplyPatchType, body, metav1.PatchOptions{
		FieldManager: opts.fieldManager, Force: &force, FieldValidation: "Strict",
	})
	if err != nil {
		return nil, sent.Load() && !refused(err), explainApplyError(err, namespace)
	}
	return live, false, nil
}

// refused is true when the API server answered a request with a client
// error (invalid, conflict, forbidden, not found, too many requests): it did
// not apply it. A server error (500, 504) may come after the write.
func refused(err error) bool {
	var status apierrors.APIStatus
	if !errors.As(err, &status) {
		return false
	}
	code := status.Status().Code
	return code >= 400 && code < 500
}

// explainApplyError adds the fix to the API server's answers a user can act on.
func explainApplyError(err error, namespace string) error {
	var status apierrors.APIStatus
	if !errors.As(err, &status) {
		return err
	}
	s := status.Status()
	switch {
	case apierrors.IsNotFound(err) && s.Details != nil && s.Details.Kind == "namespaces":
		return fmt.Errorf("namespace %q does not exist: add a Namespace object to this resource's yaml (Namespaces are applied first) or create it before: %w", namespace, err)
	case apierrors.IsConflict(err) && strings.Contains(s.Message, "conflict"):
		return fmt.Errorf("another field manager owns fields this object sets: %w. Set force_conflicts = true to take them over, or leave those fields out of the yaml", err)
	case apierrors.IsForbidden(err):
		return fmt.Errorf("%w (the provider's kubernetes credentials need RBAC permission to get, patch and delete this kind)", err)
	case apierrors.IsInvalid(err), apierrors.IsBadRequest(err):
		return fmt.Errorf("the API server rejected it: %w", err)
	}
	return err
}

// progress records, object by object, what an apply or delete did, so the
// resource can save exactly that when it stops half-way: objects applied,
// objects whose apply was sent but not confirmed (they may be on the
// cluster, so they must not be lost track of), objects deleted.
type progress interface {
	applied(o objectset.Object, live *unstructured.Unstructured)
	unconfirmed(o objectset.Object)
	deleted(o objectset.Object)
}

// applyAll applies objs phase by phase (objectset.ApplyOrder): CRDs and
// Namespaces first, then, once the CRDs are Established, what other objects
// reference, then the rest. It stops at the first error, which names the
// object and its document.
func (c *client) applyAll(ctx context.Context, objs []objectset.Object, opts applyOptions, p progress) error {
	defined := definedKinds(objs)
	for _, phase := range objectset.ApplyOrder(objs) {
		var crds []string
		for _, o := range phase {
			live, unconfirmed, err := c.applyObject(ctx, o, opts, defined)
			if unconfirmed {
				p.unconfirmed(o)
			}
			if err != nil {
				return fmt.Errorf("%s (document %d, line %d): %w", o.Key(), o.Doc, o.Line, err)
			}
			p.applied(o, live)
			if o.IsCRD() {
				crds = append(crds, o.Name)
			}
		}
		if len(crds) > 0 {
			if err := c.waitEstablished(ctx, crds); err != nil {
				return err
			}
			c.forgetDiscovery()
		}
	}
	return nil
}

// deleteAll deletes objs phase by phase, the reverse of applyAll, waiting
// until a phase is gone before the next: objects before the CRDs that define
// them and the Namespaces that hold them.
func (c *client) deleteAll(ctx context.Context, objs []objectset.Object, p progress) error {
	byKey := map[string]objectset.Object{}
	var refs []objectset.Ref
	for _, o := range objs {
		byKey[o.Key()] = o
		refs = append(refs, o.Ref)
	}
	for _, phase := range objectset.DeleteOrder(refs) {
		var pending []objectset.Object
		for _, r := range phase {
			o := byKey[r.Key()]
			gone, err := c.deleteObject(ctx, o)
			if err != nil {
				return fmt.Errorf("deleting %s: %w", o.Key(), err)
			}
			if gone {
				p.deleted(o)
			} else {
				pending = append(pending, o)
			}
		}
		if err := c.waitGone(ctx, pending); err != nil {
			return err
		}
		for _, o := range pending {
			p.deleted(o)
		}
	}
	return nil
}

// deleteObject asks for an object's deletion; gone is true when it no longer
// exists (or its kind is no longer served).
func (c *client) deleteObject(ctx context.Context, o objectset.Object) (gone bool, err error) {
	m, ok, err := c.mappingFor(ctx, o.Group, o.Version, o.Kind)
	if err != nil || !ok {
		return !ok && err == nil, err
	}
	ri, _ := c.target(m, o.Namespace)
	background := metav1.DeletePropagationBackground
	err = ri.Delete(ctx, o.Name, metav1.DeleteOptions{PropagationPolicy: &background})
	if apierrors.IsNotFound(err) {
		return true, nil
	}
	return false, err
}

// definedKinds lists the group/version/kind each CRD among objs serves.
func definedKinds(objs []objectset.Object) map[string]bool {
	out := map[string]bool{}
	for _, o := range objs {
		if !o.IsCRD() {
			continue
		}
		group, _, _ := unstructured.NestedString(o.Body, "spec", "group")
		kind, _, _ := unstructured.NestedString(o.Body, "spec", "names", "kind")
		versions, _, _ := unstructured.NestedSlice(o.Body, "spec", "versions")
		for _, v := range versions {
			vm, _ := v.(map[string]any)
			if name, _ := vm["name"].(string); vm["served"] == true {
				out[group+"/"+name+"/"+kind] = true
			}
		}
	}
	return out
}
