package kueue

import (
	"math"
	"slices"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sname"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// KarpenterNote is why the provisioning check is a warning on a Karpenter
// cluster: Kueue's check creates a ProvisioningRequest, which
// cluster-autoscaler serves and Karpenter v1.14 does not.
const KarpenterNote = "Kueue's provisioning check creates a ProvisioningRequest (autoscaling.x-k8s.io); cluster-autoscaler serves those, Karpenter v1.14 does not (kubernetes-sigs/karpenter#742, kubernetes-sigs/kueue#5133). Without a ProvisioningRequest controller in the cluster, admission waits until the check's backoff gives up. On a Karpenter-only cluster leave the check off: Kueue admits within the quotas and Karpenter provisions for the admitted pods."

func validateProvisioning(pc ProvisioningCheck, flavors []Flavor, probs *problem.List) {
	at := problem.Path{"provisioning_check"}
	probs.Warnf(at, "%s", KarpenterNote)
	name(probs, at.Child("name"), pc.Name, k8sname.SubdomainError)
	// parameters.name in the AdmissionCheck CRD is a DNS label (63 characters).
	name(probs, at.Child("config_name"), pc.ConfigName, k8sname.LabelNameError)
	if pc.ControllerName != ProvisioningControllerName {
		probs.Addf(at.Child("controller_name"), "%q is not Kueue's provisioning controller: use %q (the check is ignored under any other name)", pc.ControllerName, ProvisioningControllerName)
	}
	if pc.APIGroup != APIGroup {
		why := "the ProvisioningRequestConfig belongs to that group"
		if strings.Contains(pc.APIGroup, "/") {
			why = "parameters.apiGroup is a group without a version; the AdmissionCheck CRD's pattern rejects a group/version"
		}
		probs.Addf(at.Child("api_group"), "%q: use %q (%s)", pc.APIGroup, APIGroup, why)
	}
	if msg := k8sname.SubdomainError(pc.ProvisioningClassName); msg != "" {
		probs.Addf(at.Child("provisioning_class_name"), "%s", msg)
	} else if !slices.Contains(ProvisioningClasses, pc.ProvisioningClassName) {
		probs.Warnf(at.Child("provisioning_class_name"), "%q is not a class cluster-autoscaler serves (%s); make sure a controller in the cluster serves it", pc.ProvisioningClassName, strings.Join(ProvisioningClasses, ", "))
	}
	if len(pc.ManagedResources) > maxManagedResources {
		probs.Addf(at.Child("managed_resources"), "at most %d, got %d", maxManagedResources, len(pc.ManagedResources))
	}
	seen := map[string]bool{}
	for _, r := range pc.ManagedResources {
		checkResourceName(probs, at.Child("managed_resources"), r)
		if seen[r] {
			probs.Addf(at.Child("managed_resources"), "%q is listed twice", r)
		}
		seen[r] = true
	}
	if len(pc.Parameters) > maxProvisioningParameters {
		probs.Addf(at.Child("parameters"), "at most %d parameters, got %d", maxProvisioningParameters, len(pc.Parameters))
	}
	for _, k := range sortedKeys(pc.Parameters) {
		if len(pc.Parameters[k]) > 255 {
			probs.Addf(at.Child("parameters").Child(k), "values are at most 255 characters, got %d", len(pc.Parameters[k]))
		}
	}
	validateBackoff(pc, at, probs)
	for _, f := range pc.OnFlavors {
		if !slices.ContainsFunc(flavors, func(fl Flavor) bool { return fl.Name == f }) {
			probs.Addf(at.Child("on_flavors"), "%q is not one of the flavors (%s)", f, strings.Join(flavorNames(flavors), ", "))
		}
	}
}

func validateBackoff(pc ProvisioningCheck, at problem.Path, probs *problem.List) {
	for _, b := range []struct {
		attr string
		v    *int64
	}{{"backoff_limit_count", pc.BackoffLimitCount}, {"backoff_base_seconds", pc.BackoffBaseSeconds}, {"backoff_max_seconds", pc.BackoffMaxSeconds}} {
		if b.v != nil && (*b.v < 0 || *b.v > math.MaxInt32) {
			probs.Addf(at.Child(b.attr), "must be 0 to %d, got %d", math.MaxInt32, *b.v)
		}
	}
	if pc.BackoffBaseSeconds != nil && pc.BackoffMaxSeconds != nil && *pc.BackoffBaseSeconds > *pc.BackoffMaxSeconds {
		probs.Addf(at.Child("backoff_max_seconds"), "%d is below backoff_base_seconds (%d): the first retry would already exceed the maximum", *pc.BackoffMaxSeconds, *pc.BackoffBaseSeconds)
	}
}

func provisioningObjects(pc ProvisioningCheck) []k8sobj.Object {
	cfg := object("ProvisioningRequestConfig", pc.ConfigName, "")
	spec := map[string]any{"provisioningClassName": pc.ProvisioningClassName}
	if len(pc.ManagedResources) > 0 {
		spec["managedResources"] = anyStrings(pc.ManagedResources)
	}
	if len(pc.Parameters) > 0 {
		params := map[string]any{}
		for k, v := range pc.Parameters {
			params[k] = v
		}
		spec["parameters"] = params
	}
	retry := map[string]any{}
	for key, v := range map[string]*int64{"backoffLimitCount": pc.BackoffLimitCount, "backoffBaseSeconds": pc.BackoffBaseSeconds, "backoffMaxSeconds": pc.BackoffMaxSeconds} {
		if v != nil {
			retry[key] = *v
		}
	}
	if len(retry) > 0 {
		spec["retryStrategy"] = retry
	}
	cfg["spec"] = spec
	check := object("AdmissionCheck", pc.Name, "")
	check["spec"] = map[string]any{
		"controllerName": pc.ControllerName,
		"parameters":     map[string]any{"apiGroup": pc.APIGroup, "kind": "ProvisioningRequestConfig", "name": pc.ConfigName},
	}
	return []k8sobj.Object{cfg, check}
}

func flavorNames(flavors []Flavor) []string {
	out := make([]string, len(flavors))
	for i, f := range flavors {
		out[i] = f.Name
	}
	return out
}

func anyStrings(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
