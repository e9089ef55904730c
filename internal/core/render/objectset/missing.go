package objectset

import (
	"fmt"
	"slices"
	"strings"
)

// crdHomes says where the CRDs of the API groups the provider renders come
// from, for the message about a kind the cluster does not serve.
var crdHomes = map[string]string{
	"karpenter.sh":         "Karpenter's CRDs (the karpenter-crd Helm chart, or %s from Karpenter's release)",
	"karpenter.k8s.aws":    "Karpenter's CRDs (the karpenter-crd Helm chart, or %s from Karpenter's release)",
	"keda.sh":              "KEDA's CRDs (the keda Helm chart, or %s from KEDA's release)",
	"autoscaling.x-k8s.io": "the CapacityBuffer CRD (%s, shipped with Karpenter's CRDs)",
}

// CRDName is the name the CustomResourceDefinition of a kind has by
// convention: plural.group, the plural guessed by Plural.
func CRDName(group, kind string) string { return Plural(kind) + "." + group }

// Plural guesses a kind's resource name: lower case, "s" added (a trailing
// consonant and "y" become "ies", a trailing "s" takes "es").
func Plural(kind string) string {
	k := strings.ToLower(kind)
	switch {
	case strings.HasSuffix(k, "s"):
		return k + "es"
	case strings.HasSuffix(k, "y") && len(k) > 1 && !strings.ContainsRune("aeiou", rune(k[len(k)-2])):
		return k[:len(k)-1] + "ies"
	}
	return k + "s"
}

// MissingKind explains why an object cannot be applied because the cluster
// serves no such kind, and how to fix it. served lists the versions the
// cluster serves of the object's group (empty when none).
func MissingKind(o Object, served []string) string {
	if o.Group == "" || !strings.Contains(o.Group, ".") {
		// A built-in group: no CRD to install.
		return fmt.Sprintf("the cluster serves no %s in %s%s: check apiVersion and kind against the cluster's Kubernetes version (kubectl api-resources)",
			o.Kind, o.APIVersion(), servedNote(served))
	}
	crd := CRDName(o.Group, o.Kind)
	file := o.Group + "_" + Plural(o.Kind) + ".yaml"
	install := fmt.Sprintf("the CustomResourceDefinition %s (from the project's Helm chart or CRD manifests, often named %s)", crd, file)
	if home, ok := crdHomes[o.Group]; ok {
		install = fmt.Sprintf(home, file)
	}
	if len(served) > 0 && !slices.Contains(served, o.Version) {
		return fmt.Sprintf("the cluster serves %s only in %s, not %s (CRD %s): install a release of %s that serves %s first, "+
			"or add it to this resource's yaml, which applies CRDs before the objects that use them",
			o.Group, strings.Join(served, ", "), o.Version, crd, install, o.APIVersion())
	}
	return fmt.Sprintf("the cluster has no %s in %s (CRD %s is not installed): install %s first, "+
		"or add them to this resource's yaml, which applies CRDs before the objects that use them",
		o.Kind, o.APIVersion(), crd, install)
}

func servedNote(served []string) string {
	if len(served) == 0 {
		return ""
	}
	return " (it serves " + strings.Join(served, ", ") + ")"
}
