package imageprepull

import (
	"strings"
	"testing"
)

func spec(mut func(*Spec)) Spec {
	s := Spec{Name: "prepull", Images: []string{"nginx:1.27" + digest}, NodePools: []string{"web"}}
	mut(&s)
	return s
}

func TestValidateNamesAttributeAndFix(t *testing.T) {
	cases := []struct {
		name, path, contains string
		s                    Spec
	}{
		{"no images", "images", "at least one image", spec(func(s *Spec) { s.Images = nil })},
		{"shell in image", "images[0]", "no spaces or shell characters", spec(func(s *Spec) { s.Images = []string{"nginx; rm -rf /"} })},
		{"uppercase repo", "images[0]", "repository path", spec(func(s *Spec) { s.Images = []string{"Nginx:1.27"} })},
		{"bad digest", "images[0]", "sha256", spec(func(s *Spec) { s.Images = []string{"nginx@sha256:abc"} })},
		{"duplicate", "images[1]", "already listed", spec(func(s *Spec) { s.Images = []string{"nginx:1.27", "nginx:1.27"} })},
		{"too many", "images", "at most 50", spec(func(s *Spec) {
			s.Images = nil
			for i := 0; i < 51; i++ {
				s.Images = append(s.Images, "example.com/img"+strings.Repeat("a", i)+":1")
			}
		})},
		{"no placement", "node_pools", "node_selector", spec(func(s *Spec) { s.NodePools = nil })},
		{"bad pool", "node_pools[0]", "NodePool name", spec(func(s *Spec) { s.NodePools = []string{"Web"} })},
		{"taint effect", "taints[0].effect", "NoExecute", spec(func(s *Spec) { s.Taints = []Taint{{Key: "a", Effect: "NoExec"}} })},
		{"namespace", "namespace", "63 lowercase", spec(func(s *Spec) { s.Namespace = "Kube_System" })},
		{"name", "name", "lowercase", spec(func(s *Spec) { s.Name = "Prepull" })},
		{"pause image", "pause_image", "repository path", spec(func(s *Spec) { s.PauseImage = "Registry/Pause" })},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, p := range c.s.Validate() {
				if !p.Warning && p.Path.String() == c.path && strings.Contains(p.Message, c.contains) {
					return
				}
			}
			t.Fatalf("want an error at %s containing %q, got %v", c.path, c.contains, c.s.Validate())
		})
	}
}

func TestUnpinnedImagesAreWarnings(t *testing.T) {
	for img, want := range map[string]string{
		"nginx":                "not pinned",
		"nginx:latest":         "not pinned",
		"nginx:1.27":           "no digest",
		"nginx:1.27" + digest:  "",
		"nginx" + digest:       "",
		"localhost:5000/app:1": "no digest",
	} {
		probs := spec(func(s *Spec) { s.Images = []string{img} }).Validate()
		if probs.HasErrors() {
			t.Errorf("%s: %v", img, probs)
			continue
		}
		switch {
		case want == "" && len(probs) > 0:
			t.Errorf("%s: no warning expected, got %v", img, probs)
		case want != "" && (len(probs) != 1 || !strings.Contains(probs[0].Message, want)):
			t.Errorf("%s: want a warning containing %q, got %v", img, want, probs)
		}
	}
}

// The pod pulls every image with a command that needs nothing from the
// image, keeps a pause container, asks for almost nothing, and tolerates
// the pools' taints.
func TestPodShape(t *testing.T) {
	s := spec(func(s *Spec) {
		s.Images = []string{"gcr.io/distroless/static:nonroot" + digest, "nginx:1.27" + digest}
		s.Taints = []Taint{{Key: "readiness.k8s.io/vpc-cni", Value: "pending", Effect: "NoSchedule"}, {Key: "ebs.csi.aws.com/agent-not-ready", Effect: "NoExecute"}}
	})
	obj, probs := s.Render()
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	pod := obj["spec"].(map[string]any)["template"].(map[string]any)["spec"].(map[string]any)
	inits := pod["initContainers"].([]any)
	if len(inits) != 3 {
		t.Fatalf("want the copy step and one init container per image, got %d", len(inits))
	}
	for i, c := range inits[1:] {
		m := c.(map[string]any)
		if m["image"] != s.Images[i] || m["command"].([]any)[0] != ExitBinary {
			t.Errorf("init %d: %v", i, m)
		}
	}
	if c := pod["containers"].([]any); len(c) != 1 || c[0].(map[string]any)["image"] != DefaultPauseImage {
		t.Errorf("containers: %v", c)
	}
	if pod["hostNetwork"] != true {
		t.Error("host network by default")
	}
	tol := pod["tolerations"].([]any)
	if len(tol) != 2 || tol[1].(map[string]any)["operator"] != "Exists" || tol[0].(map[string]any)["value"] != "pending" {
		t.Errorf("tolerations: %v", tol)
	}
	req := inits[1].(map[string]any)["resources"].(map[string]any)["requests"].(map[string]any)
	if req["cpu"] != "1m" || req["memory"] != "8Mi" {
		t.Errorf("requests: %v", req)
	}
}
