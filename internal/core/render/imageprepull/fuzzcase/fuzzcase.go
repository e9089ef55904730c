// Package fuzzcase turns fuzzer arguments into pre-pull specs, shared by
// the renderer's fuzz test and test/conformance's (accepted input passes
// the API server's validation and reads back unchanged).
package fuzzcase

import "github.com/scalingkit/terraform-provider-scaling/internal/core/render/imageprepull"

// Strings is the number of string arguments Spec takes.
const Strings = 8

// Spec builds a spec; bits of flags switch optional parts on.
func Spec(s [Strings]string, flags uint16) imageprepull.Spec {
	on := func(bit uint) bool { return flags&(1<<bit) != 0 }
	sp := imageprepull.Spec{Name: s[0], Images: []string{s[1]}}
	if on(0) {
		sp.Images = append(sp.Images, s[2])
	}
	if on(1) {
		sp.Namespace = s[3]
	}
	if on(2) {
		sp.NodePools = []string{s[4]}
	}
	if on(3) {
		sp.NodeSelector = map[string]string{s[5]: s[6]}
	}
	if on(4) {
		sp.Taints = append(sp.Taints, imageprepull.Taint{Key: s[5], Value: s[6], Effect: s[7]})
	}
	if on(5) {
		sp.Taints = append(sp.Taints, imageprepull.Taint{Key: s[5], Effect: "NoExecute"})
	}
	if on(6) {
		f := false
		sp.HostNetwork = &f
	}
	if on(7) {
		sp.PauseImage = s[2]
	}
	if on(8) {
		sp.ImagePullSecrets = []string{s[3]}
	}
	if on(9) {
		sp.PriorityClassName = s[4]
	}
	if on(10) {
		sp.HelperImage = s[7]
	}
	return sp
}

// Seed is one seed corpus entry.
type Seed struct {
	S     [Strings]string
	Flags uint16
}

// Seeds start the fuzzer near valid and near-invalid inputs.
var Seeds = []Seed{
	{S: [Strings]string{"prepull", "nginx:1.27", "public.ecr.aws/docker/library/busybox:1.37.0-musl", "kube-system", "web", "readiness.k8s.io/vpc-cni", "pending", "NoSchedule"}, Flags: 0x0035},
	{S: [Strings]string{"p", "localhost:5000/a@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "x", "ml", "gpu", "nvidia.com/gpu", "", "NoExecute"}, Flags: 0x07ff},
	{S: [Strings]string{"Bad", "Nginx", "nginx latest", "Kube", "Web", "a/b/c", "v v", "Evict"}, Flags: 0xffff},
	{S: [Strings]string{"x", "nginx", "nginx", "", "", "example.com/tier", "critical", ""}, Flags: 0x0019},
}
