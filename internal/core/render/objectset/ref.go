package objectset

import (
	"fmt"
	"strings"
)

// Ref is what identifies an object on a cluster: its API group and kind (not
// the version: one object can be read and written through every version its
// type serves), namespace and name.
type Ref struct {
	Group, Kind, Namespace, Name string
}

// Key is the object's name in plans and state, in kubectl's kind.group/name
// style with the namespace before the name when there is one:
// "NodePool.karpenter.sh/general", "Namespace/shop",
// "ScaledObject.keda.sh/shop/checkout". Kinds never contain "." and names
// never "/", so a key reads back unambiguously (ParseKey).
func (r Ref) Key() string {
	k := r.Kind
	if r.Group != "" {
		k += "." + r.Group
	}
	if r.Namespace != "" {
		k += "/" + r.Namespace
	}
	return k + "/" + r.Name
}

func (r Ref) String() string { return r.Key() }

// ParseKey reads a key written by Key.
func ParseKey(key string) (Ref, error) {
	parts := strings.Split(key, "/")
	if len(parts) < 2 || len(parts) > 3 {
		return Ref{}, fmt.Errorf("%q is not kind[.group]/[namespace/]name", key)
	}
	var r Ref
	r.Kind, r.Group, _ = strings.Cut(parts[0], ".")
	if len(parts) == 3 {
		r.Namespace = parts[1]
	}
	r.Name = parts[len(parts)-1]
	if r.Kind == "" || r.Name == "" || (len(parts) == 3 && r.Namespace == "") {
		return Ref{}, fmt.Errorf("%q is not kind[.group]/[namespace/]name", key)
	}
	return r, nil
}

// IsCRD reports whether the object is a CustomResourceDefinition: it must be
// Established before objects of its kind can be applied.
func (r Ref) IsCRD() bool {
	return r.Group == "apiextensions.k8s.io" && r.Kind == "CustomResourceDefinition"
}

// IsNamespace reports whether the object is a Namespace.
func (r Ref) IsNamespace() bool { return r.Group == "" && r.Kind == "Namespace" }
