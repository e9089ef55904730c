package conformance

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	_ "time/tzdata" // CronJob timeZone validation loads IANA zones

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	"k8s.io/kubernetes/pkg/api/pod"
	"k8s.io/kubernetes/pkg/apis/apps"
	_ "k8s.io/kubernetes/pkg/apis/apps/install"
	appsvalidation "k8s.io/kubernetes/pkg/apis/apps/validation"
	"k8s.io/kubernetes/pkg/apis/autoscaling"
	_ "k8s.io/kubernetes/pkg/apis/autoscaling/install"
	autoscalingvalidation "k8s.io/kubernetes/pkg/apis/autoscaling/validation"
	"k8s.io/kubernetes/pkg/apis/batch"
	_ "k8s.io/kubernetes/pkg/apis/batch/install"
	batchvalidation "k8s.io/kubernetes/pkg/apis/batch/validation"
	core "k8s.io/kubernetes/pkg/apis/core"
	_ "k8s.io/kubernetes/pkg/apis/core/install"
	corevalidation "k8s.io/kubernetes/pkg/apis/core/validation"
	"k8s.io/kubernetes/pkg/apis/rbac"
	_ "k8s.io/kubernetes/pkg/apis/rbac/install"
	rbacvalidation "k8s.io/kubernetes/pkg/apis/rbac/validation"
	"k8s.io/kubernetes/pkg/apis/scheduling"
	_ "k8s.io/kubernetes/pkg/apis/scheduling/install"
	schedulingvalidation "k8s.io/kubernetes/pkg/apis/scheduling/validation"
	sigsjson "sigs.k8s.io/json"

	"github.com/scalingkit/terraform-provider-scaling/test/conformance/crdvalidate"
)

// Built-in kinds are checked the way kube-apiserver v1.35.4 checks a create:
// strict decoding into the versioned k8s.io/api type (unknown or duplicate
// fields are errors, as with kubectl's default strict field validation),
// defaulting, conversion to the internal type, then the registry strategy's
// own validation function with the options the strategy passes
// (k8s.io/kubernetes/pkg/registry/<group>/<kind>/strategy.go). Admission
// plugins (quota, LimitRanger, PodSecurity) are not run.

// validateBuiltin returns the API server's verdict; known is false for
// kinds it does not handle (CRDs).
func validateBuiltin(obj map[string]any) (errs field.ErrorList, known bool, err error) {
	apiVersion, _ := obj["apiVersion"].(string)
	kind, _ := obj["kind"].(string)
	gv, err := schema.ParseGroupVersion(apiVersion)
	if err != nil {
		return nil, false, err
	}
	gvk := gv.WithKind(kind)
	if !legacyscheme.Scheme.Recognizes(gvk) {
		return nil, false, nil
	}
	versioned, err := legacyscheme.Scheme.New(gvk)
	if err != nil {
		return nil, true, err
	}
	raw, err := json.Marshal(obj)
	if err != nil {
		return nil, true, err
	}
	strictErrs, err := sigsjson.UnmarshalStrict(raw, versioned)
	if err != nil {
		return field.ErrorList{field.Invalid(field.NewPath(""), string(raw), err.Error())}, true, nil
	}
	for _, e := range strictErrs {
		errs = append(errs, field.Invalid(field.NewPath(""), kind, "strict decoding: "+e.Error()))
	}
	legacyscheme.Scheme.Default(versioned)
	internal, err := legacyscheme.Scheme.ConvertToVersion(versioned, schema.GroupVersion{Group: gv.Group, Version: runtime.APIVersionInternal})
	if err != nil {
		return append(errs, field.Invalid(field.NewPath(""), kind, "conversion: "+err.Error())), true, nil
	}
	switch o := internal.(type) {
	case *apps.Deployment:
		errs = append(errs, appsvalidation.ValidateDeployment(o, pod.GetValidationOptionsFromPodTemplate(&o.Spec.Template, nil))...)
	case *apps.DaemonSet:
		errs = append(errs, appsvalidation.ValidateDaemonSet(o, pod.GetValidationOptionsFromPodTemplate(&o.Spec.Template, nil))...)
	case *scheduling.PriorityClass:
		errs = append(errs, schedulingvalidation.ValidatePriorityClass(o)...)
	case *batch.CronJob:
		errs = append(errs, batchvalidation.ValidateCronJobCreate(o, pod.GetValidationOptionsFromPodTemplate(&o.Spec.JobTemplate.Spec.Template, nil))...)
	case *core.ServiceAccount:
		errs = append(errs, corevalidation.ValidateServiceAccount(o)...)
	case *core.PodTemplate:
		errs = append(errs, corevalidation.ValidatePodTemplate(o, pod.GetValidationOptionsFromPodTemplate(&o.Template, nil))...)
	case *rbac.Role:
		errs = append(errs, rbacvalidation.ValidateRole(o)...)
	case *rbac.RoleBinding:
		errs = append(errs, rbacvalidation.ValidateRoleBinding(o)...)
	case *autoscaling.HorizontalPodAutoscaler:
		// The options HPA's strategy uses on create (HPAScaleToZero off).
		opts := autoscalingvalidation.HorizontalPodAutoscalerSpecValidationOptions{
			MinReplicasLowerBound:           1,
			ScaleTargetRefValidationOptions: autoscalingvalidation.CrossVersionObjectReferenceValidationOptions{},
			ObjectMetricsValidationOptions:  autoscalingvalidation.CrossVersionObjectReferenceValidationOptions{AllowEmptyAPIGroup: true},
		}
		errs = append(errs, autoscalingvalidation.ValidateHorizontalPodAutoscaler(o, opts)...)
	default:
		return nil, false, fmt.Errorf("no validation wired for %s", gvk)
	}
	return errs, true, nil
}

type builtinCounts struct{ valid, invalid int }

// checkBuiltinObjects runs validateBuiltin over a renderer's golden files
// (each built-in object accepted) and invalid files (each rejected).
func checkBuiltinObjects(t *testing.T, testdata string) builtinCounts {
	t.Helper()
	var c builtinCounts
	for _, kind := range []string{"golden", "invalid"} {
		files, _ := filepath.Glob(filepath.Join(testdata, kind, "*.yaml"))
		for _, f := range files {
			docs, err := crdvalidate.ReadFile(f)
			if err != nil {
				t.Errorf("%s: %v", f, err)
				continue
			}
			for _, d := range docs {
				errs, known, err := validateBuiltin(d.Object)
				if err != nil {
					t.Errorf("%s: %v", d.Source, err)
					continue
				}
				if !known {
					continue
				}
				if kind == "golden" {
					c.valid++
					if len(errs) > 0 {
						t.Errorf("%s: the API server would reject this golden object: %v", d.Source, errs.ToAggregate())
					}
					continue
				}
				c.invalid++
				if len(errs) == 0 {
					t.Errorf("%s: accepted, but should be rejected (%s)", d.Source, d.Reason)
				} else {
					t.Logf("%s rejected as expected: %v", d.Source, errs.ToAggregate())
				}
			}
		}
	}
	return c
}

func TestWarmPoolBuiltinObjects(t *testing.T) {
	c := checkBuiltinObjects(t, "../../internal/core/render/warmpool/testdata")
	if c.valid < 15 || c.invalid < 5 {
		t.Fatalf("too few built-in objects checked: %+v", c)
	}
	t.Logf("built-in kinds: %d valid, %d invalid checked", c.valid, c.invalid)
}

func TestAutoscalingBuiltinObjects(t *testing.T) {
	c := checkBuiltinObjects(t, "../../internal/core/render/autoscaling/testdata")
	if c.valid < 3 || c.invalid < 4 {
		t.Fatalf("too few built-in objects checked: %+v", c)
	}
	t.Logf("built-in kinds: %d valid, %d invalid checked", c.valid, c.invalid)
}
