package kueue

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"k8s.io/apimachinery/pkg/util/validation/field"
	sigsjson "sigs.k8s.io/json"
	kueuev1beta2 "sigs.k8s.io/kueue/apis/kueue/v1beta2"
	"sigs.k8s.io/kueue/pkg/webhooks"

	"github.com/scalingkit/terraform-provider-scaling/test/conformance/crdvalidate"
)

var (
	kueueOnce sync.Once
	kueueSet  *crdvalidate.Set
	kueueErr  error
)

// kueueCRDs loads the five Kueue CRDs the renderer emits, from the pinned
// sigs.k8s.io/kueue module.
func kueueCRDs(t testing.TB) *crdvalidate.Set {
	t.Helper()
	kueueOnce.Do(func() {
		kueueSet = crdvalidate.NewSet()
		var files []string
		for _, k := range []string{"resourceflavors", "clusterqueues", "localqueues", "admissionchecks", "provisioningrequestconfigs"} {
			files = append(files, crdvalidate.KueueCRDPrefix+k+".yaml")
		}
		kueueErr = kueueSet.AddModuleFiles(crdvalidate.Kueue, files...)
	})
	if kueueErr != nil {
		t.Fatal(kueueErr)
	}
	return kueueSet
}

// kueueWebhook runs what Kueue's validating webhooks run on create, for the
// kinds that have one (ClusterQueue, ResourceFlavor), after decoding the
// object strictly into Kueue's own v1beta2 Go types. known is false for
// kinds without a webhook.
func kueueWebhook(obj map[string]any) (errs field.ErrorList, known bool, err error) {
	raw, err := json.Marshal(obj)
	if err != nil {
		return nil, false, err
	}
	decode := func(into any) error {
		strict, err := sigsjson.UnmarshalStrict(raw, into)
		if err != nil {
			return err
		}
		if len(strict) > 0 {
			return fmt.Errorf("not Kueue's v1beta2 type: %v", strict)
		}
		return nil
	}
	switch obj["kind"] {
	case "ClusterQueue":
		var cq kueuev1beta2.ClusterQueue
		if err := decode(&cq); err != nil {
			return nil, true, err
		}
		return webhooks.ValidateClusterQueue(&cq), true, nil
	case "ResourceFlavor":
		var rf kueuev1beta2.ResourceFlavor
		if err := decode(&rf); err != nil {
			return nil, true, err
		}
		return webhooks.ValidateResourceFlavor(&rf), true, nil
	case "LocalQueue":
		return nil, false, decode(&kueuev1beta2.LocalQueue{})
	case "AdmissionCheck":
		return nil, false, decode(&kueuev1beta2.AdmissionCheck{})
	case "ProvisioningRequestConfig":
		return nil, false, decode(&kueuev1beta2.ProvisioningRequestConfig{})
	}
	return nil, false, fmt.Errorf("not a Kueue kind: %v", obj["kind"])
}

// kueueAccepts is the whole server-side answer for one rendered object:
// the CRD (schema, CEL, strict fields), Kueue's Go types and its webhook.
func kueueAccepts(t testing.TB, obj map[string]any) error {
	if errs := kueueCRDs(t).Validate(obj); len(errs) > 0 {
		return errs.ToAggregate()
	}
	errs, _, err := kueueWebhook(obj)
	if err != nil {
		return err
	}
	return errs.ToAggregate()
}

const kueueRender = "../../../internal/core/render/kueue/testdata/"

func TestKueueGoldenAndInvalidFiles(t *testing.T) {
	c := crdvalidate.CheckDir(t, kueueCRDs(t), kueueRender+"golden/*.yaml", kueueRender+"invalid/*.yaml")
	if c.Valid < 12 || c.Invalid < 9 || c.Skipped > 0 {
		t.Errorf("checked too little: %+v", c)
	}
	t.Logf("kueue CRDs: %d golden objects accepted, %d known-invalid objects rejected", c.Valid, c.Invalid)
}

// Kueue's webhooks accept every golden object, and reject the objects only
// the webhook catches (testdata/webhook-invalid), which the CRD accepts.
func TestKueueWebhookChecks(t *testing.T) {
	golden, _ := filepath.Glob(kueueRender + "golden/*.yaml")
	checked := 0
	for _, f := range golden {
		docs, err := crdvalidate.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			errs, known, err := kueueWebhook(d.Object)
			if err != nil || len(errs) > 0 {
				t.Errorf("%s: %v %v", d.Source, err, errs.ToAggregate())
			}
			if known {
				checked++
			}
		}
	}
	invalid, _ := filepath.Glob(kueueRender + "webhook-invalid/*.yaml")
	rejected := 0
	for _, f := range invalid {
		docs, err := crdvalidate.ReadFile(f)
		if err != nil || len(docs) != 1 {
			t.Fatalf("%s: %v", f, err)
		}
		d := docs[0]
		if errs := kueueCRDs(t).Validate(d.Object); len(errs) > 0 {
			t.Errorf("%s: the CRD already rejects it (move it to testdata/invalid): %v", d.Source, errs.ToAggregate())
		}
		errs, _, err := kueueWebhook(d.Object)
		if err == nil && len(errs) == 0 {
			t.Errorf("%s: Kueue's webhook accepted it, but %s", d.Source, d.Reason)
			continue
		}
		rejected++
	}
	if checked < 6 || rejected < 4 {
		t.Fatalf("checked too little: %d golden objects through the webhook, %d webhook-invalid rejected", checked, rejected)
	}
	t.Logf("kueue webhook: %d golden objects accepted, %d webhook-only invalid objects rejected", checked, rejected)
}
