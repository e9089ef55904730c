package nodereadiness

// Golden cases: each renders testdata/golden/<name>.yaml.
var goldenCases = map[string]Rule{
	// The fast-scaling default: new nodes of two pools wait for the VPC CNI.
	"vpc-cni": {Name: "vpc-cni", Presets: []string{"vpc_cni"}, NodePools: []string{"web", "web-on-demand"}},
	// GPU nodes wait for networking, storage and the device plugin.
	"gpu-all-presets": {
		Name:      "gpu-ready",
		Presets:   []string{"vpc_cni", "ebs_csi", "nvidia_device_plugin"},
		NodePools: []string{"gpu"},
		Taint:     Taint{Key: "readiness.k8s.io/gpu-not-ready", Value: "booting", Effect: "NoSchedule"},
	},
	// Free-form condition on labelled nodes, previewed with dryRun.
	"custom-condition-dry-run": {
		Name:         "security-agent",
		Conditions:   []Condition{{Type: "falco.org/FalcoReady"}},
		NodeSelector: map[string]string{"example.com/tier": "critical"},
		DryRun:       true,
	},
	// Problem gate (continuous): taint while NPD reports a problem, and
	// treat a missing condition as healthy.
	"continuous-problem-gate": {
		Name:            "maintenance-gate",
		Conditions:      []Condition{{Type: "example.com/MaintenanceRequired", RequiredStatus: "False", DefaultStatus: "False"}},
		NodePools:       []string{"web"},
		NodeSelector:    map[string]string{"example.com/tier": "critical"},
		EnforcementMode: "continuous",
		Taint:           Taint{Key: "readiness.k8s.io/maintenance", Effect: "NoSchedule"},
	},
}
