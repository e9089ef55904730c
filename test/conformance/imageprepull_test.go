package conformance

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/imageprepull"
	prepullfuzz "github.com/scalingkit/terraform-provider-scaling/internal/core/render/imageprepull/fuzzcase"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/test/conformance/crdvalidate"
)

const prepullTestdata = "../../internal/core/render/imageprepull/testdata"

// The pre-pull DaemonSets are built-in objects: checked with kube-apiserver
// v1.35.4's own decoding, defaulting and validation (workload_builtin_test.go),
// and, for kubernetes_manifest, read back unchanged (roundtrip_test.go).
func TestImagePrepullBuiltinObjects(t *testing.T) {
	c := checkBuiltinObjects(t, prepullTestdata)
	if c.valid < 2 || c.invalid < 7 {
		t.Fatalf("too few DaemonSets checked: %+v", c)
	}
	if n := checkRoundTrip(t, prepullTestdata); n < 2 {
		t.Fatalf("round trip checked %d objects", n)
	}
	t.Logf("image pre-pull: %d golden DaemonSets accepted and read back unchanged, %d known-invalid rejected", c.valid, c.invalid)
}

// Every invalid fixture is rejected for the reason its "# expect:" lines
// name (test/k8s checks the same text against a real API server).
func TestImagePrepullInvalidForTheExpectedReason(t *testing.T) {
	files, _ := filepath.Glob(prepullTestdata + "/invalid/*.yaml")
	for _, f := range files {
		expect := expectLines(t, f)
		for _, d := range readDocs(t, f) {
			errs, _, err := validateBuiltin(d.Object)
			if err != nil {
				t.Fatal(err)
			}
			msg := fmt.Sprint(errs.ToAggregate())
			for _, e := range expect {
				if !strings.Contains(msg, e) {
					t.Errorf("%s: want %q in the rejection, got %s", d.Source, e, msg)
				}
			}
		}
	}
}

// Generated specs: whatever the renderer accepts, the API server accepts
// and returns unchanged.
func TestImagePrepullRenderedObjectsAreAccepted(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 2026))
	images := []string{
		"nginx", "nginx:1.27", "public.ecr.aws/docker/library/nginx:1.27@sha256:" + strings.Repeat("ab", 32),
		"123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app:v1.4.2", "localhost:5000/a/b/c:1",
		"gcr.io/distroless/static:nonroot", "registry.k8s.io/pause:3.10",
	}
	set := crdvalidate.NewSet() // built-in kinds only
	rendered := 0
	for i := 0; i < 200; i++ {
		s := imageprepull.Spec{
			Name:      pick(r, "prepull", "checkout-prepull", "a"),
			Namespace: pick(r, "", "kube-system", "ml"),
			NodePools: pick(r, nil, []string{"web"}, []string{"web", "gpu"}),
		}
		for n := 1 + r.IntN(6); n > 0; n-- {
			if img := pick(r, images...); !contains(s.Images, img) {
				s.Images = append(s.Images, img)
			}
		}
		if r.IntN(2) == 0 || len(s.NodePools) == 0 {
			s.NodeSelector = map[string]string{pick(r, "example.com/tier", "eks.amazonaws.com/compute-type"): pick(r, "critical", "auto")}
		}
		for n := r.IntN(4); n > 0; n-- {
			s.Taints = append(s.Taints, imageprepull.Taint{
				Key: pick(r, "readiness.k8s.io/vpc-cni", "ebs.csi.aws.com/agent-not-ready", "nvidia.com/gpu"), Value: pick(r, "", "pending", "true"),
				Effect: pick(r, "", "NoSchedule", "NoExecute", "PreferNoSchedule"),
			})
		}
		if r.IntN(3) == 0 {
			f := false
			s.HostNetwork = &f
		}
		if r.IntN(3) == 0 {
			s.ImagePullSecrets = []string{"regcred"}
		}
		obj, probs := s.Render()
		if probs.HasErrors() {
			continue
		}
		rendered++
		if err := apiAccepts(t, set, obj); err != nil {
			y, _ := k8sobj.YAML(obj)
			t.Fatalf("spec %d: %v\n%s", i, err, y)
		}
	}
	if rendered < 130 {
		t.Fatalf("only %d of 200 specs rendered", rendered)
	}
	t.Logf("%d generated DaemonSets accepted and read back unchanged", rendered)
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// Whatever the renderer's validator accepts, the API server accepts and
// returns unchanged. Run longer with
// go test -run '^$' -fuzz FuzzImagePrepullAcceptedByAPI.
func FuzzImagePrepullAcceptedByAPI(f *testing.F) {
	set := crdvalidate.NewSet() // built-in kinds only
	for _, s := range prepullfuzz.Seeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.S[6], s.S[7], s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i string, flags uint16) {
		sp := prepullfuzz.Spec([prepullfuzz.Strings]string{a, b, c, d, e, g, h, i}, flags)
		obj, probs := sp.Render()
		if probs.HasErrors() {
			return
		}
		if err := apiAccepts(t, set, obj); err != nil {
			y, _ := k8sobj.YAML(obj)
			t.Fatalf("validator accepted, API server rejected: %v\n%s", err, y)
		}
	})
}
