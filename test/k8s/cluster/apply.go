package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/restmapper"
)

// FieldManager names our server-side applies, like kubernetes_manifest's.
const FieldManager = "scaling-test"

// Applier applies objects the way hashicorp/kubernetes' kubernetes_manifest
// does (server-side apply), here with dryRun=All and strict field validation,
// so unknown fields are errors rather than silently pruned.
type Applier struct {
	dyn    dynamic.Interface
	cs     kubernetes.Interface
	mapper *restmapper.DeferredDiscoveryRESTMapper
}

// NewApplier builds an Applier for the cluster.
func (c *Cluster) NewApplier() (*Applier, error) {
	dyn, err := dynamic.NewForConfig(c.Config)
	if err != nil {
		return nil, err
	}
	cs, err := kubernetes.NewForConfig(c.Config)
	if err != nil {
		return nil, err
	}
	disc, err := discovery.NewDiscoveryClientForConfig(c.Config)
	if err != nil {
		return nil, err
	}
	return &Applier{dyn: dyn, cs: cs, mapper: restmapper.NewDeferredDiscoveryRESTMapper(memory.NewMemCacheClient(disc))}, nil
}

// Outcome of a dry-run apply.
type Outcome int

const (
	// Accepted: the server would store the object.
	Accepted Outcome = iota
	// Rejected: the server refused it as invalid (422/400) or serves no such
	// kind/version.
	Rejected
	// Failed: anything else (network, permissions, missing namespace...).
	Failed
)

// DryRunApply server-side applies obj with dryRun=All and classifies the result.
func (a *Applier) DryRunApply(ctx context.Context, obj *unstructured.Unstructured) (Outcome, error) {
	gvk := obj.GroupVersionKind()
	mapping, err := a.mapper.RESTMapping(gvk.GroupKind(), gvk.Version)
	if meta.IsNoMatchError(err) {
		a.mapper.Reset() // a CRD may have appeared since; ask once more
		mapping, err = a.mapper.RESTMapping(gvk.GroupKind(), gvk.Version)
	}
	if err != nil {
		if meta.IsNoMatchError(err) {
			return Rejected, fmt.Errorf("the server serves no %s: %w", gvk, err)
		}
		return Failed, err
	}
	var ri dynamic.ResourceInterface = a.dyn.Resource(mapping.Resource)
	if mapping.Scope.Name() == meta.RESTScopeNameNamespace {
		ns := obj.GetNamespace()
		if ns == "" {
			ns = "default"
		}
		if err := a.EnsureNamespace(ctx, ns); err != nil {
			return Failed, err
		}
		ri = a.dyn.Resource(mapping.Resource).Namespace(ns)
	}
	if obj.GetName() == "" { // generateName: apply needs a name, create does not
		_, err = ri.Create(ctx, obj, metav1.CreateOptions{DryRun: []string{metav1.DryRunAll}, FieldValidation: "Strict", FieldManager: FieldManager})
	} else {
		var data []byte
		if data, err = json.Marshal(obj.Object); err != nil {
			return Failed, err
		}
		force := true
		_, err = ri.Patch(ctx, obj.GetName(), types.ApplyPatchType, data, metav1.PatchOptions{
			DryRun: []string{metav1.DryRunAll}, FieldValidation: "Strict", FieldManager: FieldManager, Force: &force,
		})
	}
	switch {
	case err == nil:
		return Accepted, nil
	case apierrors.IsInvalid(err), apierrors.IsBadRequest(err), isSchemaMismatch(err):
		return Rejected, err
	default:
		return Failed, err
	}
}

// EnsureNamespace creates a namespace (for real) if it does not exist.
func (a *Applier) EnsureNamespace(ctx context.Context, name string) error {
	_, err := a.cs.CoreV1().Namespaces().Get(ctx, name, metav1.GetOptions{})
	if err == nil {
		return nil
	}
	if !apierrors.IsNotFound(err) {
		return err
	}
	_, err = a.cs.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: name}}, metav1.CreateOptions{})
	if apierrors.IsAlreadyExists(err) {
		return nil
	}
	return err
}

// isSchemaMismatch: server-side apply refuses an object that does not fit the
// schema's types (a number where a string is declared, an undeclared field)
// before validation runs, with a 500 whose message says so.
func isSchemaMismatch(err error) bool {
	var status apierrors.APIStatus
	return errors.As(err, &status) && strings.Contains(status.Status().Message, "failed to create typed patch object")
}

// Apply server-side applies obj for real (not a dry run).
func (a *Applier) Apply(ctx context.Context, obj *unstructured.Unstructured) error {
	gvk := obj.GroupVersionKind()
	mapping, err := a.mapper.RESTMapping(gvk.GroupKind(), gvk.Version)
	if meta.IsNoMatchError(err) {
		a.mapper.Reset()
		mapping, err = a.mapper.RESTMapping(gvk.GroupKind(), gvk.Version)
	}
	if err != nil {
		return err
	}
	var ri dynamic.ResourceInterface = a.dyn.Resource(mapping.Resource)
	if mapping.Scope.Name() == meta.RESTScopeNameNamespace {
		ns := obj.GetNamespace()
		if ns == "" {
			ns = "default"
		}
		if err := a.EnsureNamespace(ctx, ns); err != nil {
			return err
		}
		ri = a.dyn.Resource(mapping.Resource).Namespace(ns)
	}
	data, err := json.Marshal(obj.Object)
	if err != nil {
		return err
	}
	force := true
	_, err = ri.Patch(ctx, obj.GetName(), types.ApplyPatchType, data, metav1.PatchOptions{
		FieldValidation: "Strict", FieldManager: FieldManager, Force: &force,
	})
	return err
}
