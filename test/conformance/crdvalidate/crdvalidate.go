// Package crdvalidate validates Kubernetes objects against CustomResourceDefinitions
// in process, with the same code the API server runs on create: the
// apiextensions-apiserver's pruning (unknown fields are errors, as with
// kubectl's default --validate=strict), defaulting, OpenAPI schema validation,
// metadata checks, list-type invariants and CEL rules (x-kubernetes-validations).
// No cluster, etcd or network is needed.
package crdvalidate

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"

	apiextensionsinternal "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions"
	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	structuralschema "k8s.io/apiextensions-apiserver/pkg/apiserver/schema"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel"
	structuraldefaulting "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting"
	structurallisttype "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/listtype"
	schemaobjectmeta "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/objectmeta"
	structuralpruning "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/pruning"
	apiservervalidation "k8s.io/apiextensions-apiserver/pkg/apiserver/validation"
	"k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	utiljson "k8s.io/apimachinery/pkg/util/json"
	"k8s.io/apimachinery/pkg/util/validation/field"
	celconfig "k8s.io/apiserver/pkg/apis/cel"
	"sigs.k8s.io/yaml"
)

// Set holds validators for every served version of the CRDs loaded into it.
type Set struct {
	byGVK map[schema.GroupVersionKind]*version
}

type version struct {
	gvk        schema.GroupVersionKind
	namespaced bool
	structural *structuralschema.Structural
	schema     apiservervalidation.SchemaValidator
	cel        *cel.Validator
}

// NewSet returns an empty set; add CRDs with AddFile or AddCRD.
func NewSet() *Set { return &Set{byGVK: map[schema.GroupVersionKind]*version{}} }

// AddFile loads one CRD YAML file (a single CustomResourceDefinition).
func (s *Set) AddFile(path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var crd apiextensionsv1.CustomResourceDefinition
	if err := yaml.UnmarshalStrict(raw, &crd); err != nil {
		// Some generators add fields the typed struct does not know; fall back.
		if err2 := yaml.Unmarshal(raw, &crd); err2 != nil {
			return fmt.Errorf("%s: %v", path, err2)
		}
	}
	if crd.Kind != "CustomResourceDefinition" {
		return fmt.Errorf("%s: kind %q, want CustomResourceDefinition", path, crd.Kind)
	}
	return s.AddCRD(&crd)
}

// AddFileCRDs loads the CRDs named (metadata.name) from a YAML stream of
// several CustomResourceDefinitions, such as Istio's single file of all its
// CRDs; every name must be found.
func (s *Set) AddFileCRDs(path string, names ...string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	for _, doc := range splitDocuments(raw) {
		var crd apiextensionsv1.CustomResourceDefinition
		if err := yaml.Unmarshal(doc, &crd); err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		if crd.Kind != "CustomResourceDefinition" || !want[crd.Name] {
			continue
		}
		if err := s.AddCRD(&crd); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		delete(want, crd.Name)
	}
	if len(want) > 0 {
		return fmt.Errorf("%s: no CRD named %v", path, want)
	}
	return nil
}

// AddCRD prepares validators for every served version of crd.
func (s *Set) AddCRD(crd *apiextensionsv1.CustomResourceDefinition) error {
	for _, v := range crd.Spec.Versions {
		if !v.Served {
			continue
		}
		val := v.Schema
		if val == nil || val.OpenAPIV3Schema == nil {
			return fmt.Errorf("CRD %s version %s has no schema", crd.Name, v.Name)
		}
		internal := &apiextensionsinternal.CustomResourceValidation{}
		if err := apiextensionsv1.Convert_v1_CustomResourceValidation_To_apiextensions_CustomResourceValidation(val, internal, nil); err != nil {
			return fmt.Errorf("CRD %s/%s: converting schema: %v", crd.Name, v.Name, err)
		}
		st, err := structuralschema.NewStructural(internal.OpenAPIV3Schema)
		if err != nil {
			return fmt.Errorf("CRD %s/%s: not a structural schema: %v", crd.Name, v.Name, err)
		}
		if errs := structuralschema.ValidateStructural(nil, st); len(errs) > 0 {
			return fmt.Errorf("CRD %s/%s: invalid structural schema: %v", crd.Name, v.Name, errs.ToAggregate())
		}
		st = st.DeepCopy()
		if err := structuraldefaulting.PruneDefaults(st); err != nil {
			return fmt.Errorf("CRD %s/%s: pruning defaults: %v", crd.Name, v.Name, err)
		}
		sv, _, err := apiservervalidation.NewSchemaValidator(internal.OpenAPIV3Schema)
		if err != nil {
			return fmt.Errorf("CRD %s/%s: schema validator: %v", crd.Name, v.Name, err)
		}
		gvk := schema.GroupVersionKind{Group: crd.Spec.Group, Version: v.Name, Kind: crd.Spec.Names.Kind}
		s.byGVK[gvk] = &version{
			gvk:        gvk,
			namespaced: crd.Spec.Scope == apiextensionsv1.NamespaceScoped,
			structural: st,
			schema:     sv,
			cel:        cel.NewValidator(st, true, celconfig.PerCallLimit),
		}
	}
	return nil
}

// Kinds lists the group/version/kinds the set can validate, sorted.
func (s *Set) Kinds() []string {
	out := make([]string, 0, len(s.byGVK))
	for gvk := range s.byGVK {
		out = append(out, gvk.GroupVersion().String()+", Kind="+gvk.Kind)
	}
	sort.Strings(out)
	return out
}

// Knows reports whether the set has a CRD for obj's apiVersion and kind.
func (s *Set) Knows(obj map[string]any) bool {
	u := unstructured.Unstructured{Object: obj}
	_, ok := s.byGVK[u.GroupVersionKind()]
	return ok
}

// Validate runs the API server's create-time checks on a copy of obj and
// returns every error found, or nil when the server would accept it.
func (s *Set) Validate(obj map[string]any) field.ErrorList {
	// Decode as the API server does (integers as int64), which also copies.
	raw, err := json.Marshal(obj)
	if err != nil {
		return field.ErrorList{field.InternalError(nil, err)}
	}
	var content map[string]any
	if err := utiljson.Unmarshal(raw, &content); err != nil {
		return field.ErrorList{field.InternalError(nil, err)}
	}
	u := &unstructured.Unstructured{Object: content}
	gvk := u.GroupVersionKind()
	v, ok := s.byGVK[gvk]
	if !ok {
		return field.ErrorList{field.NotSupported(field.NewPath("apiVersion"), gvk.String(), s.Kinds())}
	}
	var errs field.ErrorList
	if u.GetKind() != gvk.Kind {
		errs = append(errs, field.Invalid(field.NewPath("kind"), u.GetKind(), "must be "+gvk.Kind))
	}

	// Decoding: prune unknown fields (reported, as strict field validation
	// does), drop nulls the schema does not allow, coerce metadata.
	for _, p := range structuralpruning.PruneWithOptions(u.Object, v.structural, true, structuralschema.UnknownFieldPathOptions{TrackUnknownFieldPaths: true}) {
		errs = append(errs, field.Invalid(field.NewPath(p), nil, fmt.Sprintf("unknown field %q", p)))
	}
	structuraldefaulting.PruneNonNullableNullsWithoutDefaults(u.Object, v.structural)
	if ferr, unknown := schemaobjectmeta.CoerceWithOptions(nil, u.Object, v.structural, false, schemaobjectmeta.CoerceOptions{ReturnUnknownFieldPaths: true}); ferr != nil {
		errs = append(errs, ferr)
	} else {
		for _, p := range unknown {
			errs = append(errs, field.Invalid(field.NewPath(p), nil, fmt.Sprintf("unknown field %q", p)))
		}
	}
	// Defaulting happens on decode, before validation, so CEL rules see defaults.
	structuraldefaulting.Default(u.Object, v.structural)

	// Create strategy: metadata, schema, embedded objects, list types, CEL.
	errs = append(errs, validation.ValidateObjectMetaAccessor(u, v.namespaced, validation.NameIsDNSSubdomain, field.NewPath("metadata"))...)
	errs = append(errs, apiservervalidation.ValidateCustomResource(nil, u.UnstructuredContent(), v.schema)...)
	errs = append(errs, schemaobjectmeta.Validate(nil, u.Object, v.structural, false)...)
	errs = append(errs, structurallisttype.ValidateListSetsAndMaps(nil, v.structural, u.Object)...)
	if !hasBlocking(errs) {
		celErrs, _ := v.cel.Validate(context.Background(), nil, v.structural, u.Object, nil, celconfig.RuntimeCELCostBudget)
		errs = append(errs, celErrs...)
	}
	return errs
}

// hasBlocking mirrors the API server's hasBlockingErr: CEL rules are not run
// when schema errors could make their input ill-typed.
func hasBlocking(errs field.ErrorList) bool {
	for _, e := range errs {
		switch e.Type {
		case field.ErrorTypeNotSupported, field.ErrorTypeRequired, field.ErrorTypeTooLong, field.ErrorTypeTooMany, field.ErrorTypeTypeInvalid:
			return true
		}
	}
	return false
}
