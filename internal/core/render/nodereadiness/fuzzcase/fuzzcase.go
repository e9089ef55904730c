// Package fuzzcase turns fuzzer arguments into NodeReadinessRule inputs,
// shared by the renderer's fuzz test (never panics; accepted input renders)
// and test/conformance's (accepted input passes the real CRD).
package fuzzcase

import "github.com/scalingkit/terraform-provider-scaling/internal/core/render/nodereadiness"

// Strings is the number of string arguments Rule takes.
const Strings = 8

// Rule builds a rule; bits of flags switch optional parts on.
func Rule(s [Strings]string, flags uint16) nodereadiness.Rule {
	on := func(bit uint) bool { return flags&(1<<bit) != 0 }
	r := nodereadiness.Rule{Name: s[0]}
	if on(0) {
		r.Presets = append(r.Presets, "vpc_cni")
	}
	if on(1) {
		r.Presets = append(r.Presets, s[1])
	}
	if on(2) {
		r.Conditions = append(r.Conditions, nodereadiness.Condition{Type: s[2], RequiredStatus: s[3]})
	}
	if on(3) {
		r.Conditions = append(r.Conditions, nodereadiness.Condition{Type: s[4], DefaultStatus: s[3]})
	}
	if on(4) {
		r.Taint.Key = s[5]
	}
	if on(5) {
		r.Taint.Value = s[6]
	}
	if on(6) {
		r.Taint.Effect = s[7]
	}
	if on(7) {
		r.NodePools = []string{s[6]}
	}
	if on(8) {
		r.NodeSelector = map[string]string{s[5]: s[6]}
	}
	if on(9) {
		r.EnforcementMode = "continuous"
	}
	if on(10) {
		r.EnforcementMode = s[7]
	}
	if on(11) {
		r.DryRun = true
	}
	if on(12) {
		r.NodePools = append(r.NodePools, s[1])
	}
	if on(13) {
		r.Presets = append(r.Presets, "ebs_csi", "nvidia_device_plugin")
	}
	return r
}

// Seed is one seed corpus entry.
type Seed struct {
	S     [Strings]string
	Flags uint16
}

// Seeds start the fuzzer near valid and near-invalid inputs.
var Seeds = []Seed{
	{S: [Strings]string{"vpc-cni", "ebs_csi", "example.com/AgentReady", "True", "example.com/Other", "readiness.k8s.io/agent", "pending", "NoSchedule"}, Flags: 0x00f5},
	{S: [Strings]string{"gate", "x", "example.com/MaintenanceRequired", "False", "example.com/Disk", "readiness.k8s.io/maint", "web", "NoExecute"}, Flags: 0x03ec},
	{S: [Strings]string{"a.b", "web", "Ready", "Unknown", "k", "example.com/bad", "", "Evict"}, Flags: 0xffff},
	{S: [Strings]string{"UPPER", "nvidia_device_plugin", "", "true", "", "readiness.k8s.io/", "v", "continuous"}, Flags: 0x2483},
}
