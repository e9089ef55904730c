package karpenterv1

import (
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

func gp3(mut func(*BlockDeviceMapping)) func(*EC2NodeClass) {
	return func(n *EC2NodeClass) {
		b := BlockDeviceMapping{DeviceName: "/dev/xvda", RootVolume: true, VolumeSize: "100Gi"}
		mut(&b)
		n.BlockDeviceMappings = []BlockDeviceMapping{b}
	}
}

// The node checks of issue 14, each failing at plan time with the fix.
var nodeChecks = []badCase{
	{"gp3 iops above the 2025 limit", nodeClass(gp3(func(b *BlockDeviceMapping) { b.IOPS = ptr(int64(100000)) })), "block_device_mappings[0].iops", "3000-80000"},
	{"gp3 iops below baseline", nodeClass(gp3(func(b *BlockDeviceMapping) { b.IOPS = ptr(int64(1000)) })), "block_device_mappings[0].iops", "3000-80000"},
	{"gp3 throughput above limit", nodeClass(gp3(func(b *BlockDeviceMapping) { b.Throughput = ptr(int64(5000)) })), "block_device_mappings[0].throughput", "125-2000"},
	{"gp3 throughput below baseline", nodeClass(gp3(func(b *BlockDeviceMapping) { b.Throughput = ptr(int64(100)) })), "block_device_mappings[0].throughput", "125-2000"},
	{"iops on gp2", nodeClass(gp3(func(b *BlockDeviceMapping) { b.VolumeType, b.IOPS = "gp2", ptr(int64(3000)) })), "block_device_mappings[0].iops", "cannot be set on gp2"},
	{"throughput on io2", nodeClass(gp3(func(b *BlockDeviceMapping) {
		b.VolumeType, b.IOPS, b.Throughput = "io2", ptr(int64(10000)), ptr(int64(500))
	})), "block_device_mappings[0].throughput", "only be set on gp3"},
	{"io1 without iops", nodeClass(gp3(func(b *BlockDeviceMapping) { b.VolumeType = "io1" })), "block_device_mappings[0].iops", "required for io1"},
	{"duplicate device name", nodeClass(func(n *EC2NodeClass) {
		n.BlockDeviceMappings = []BlockDeviceMapping{{DeviceName: "/dev/xvda", VolumeSize: "20Gi"}, {DeviceName: "/dev/xvda", VolumeSize: "80Gi"}}
	}), "block_device_mappings[1].device_name", "already used by block_device_mappings[0]"},
	{"bash on bottlerocket", nodeClass(func(n *EC2NodeClass) {
		n.AMIAlias = "bottlerocket@latest"
		n.UserData.Raw = "#!/bin/bash\necho hello\n"
	}), "user_data.raw", "takes TOML settings"},
	{"MIME on bottlerocket", nodeClass(func(n *EC2NodeClass) {
		n.AMIAlias = "bottlerocket@1.44.0"
		n.UserData.Raw = "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n"
	}), "user_data.raw", "plain TOML"},
	{"bootstrap.sh on bottlerocket family", nodeClass(func(n *EC2NodeClass) {
		n.AMIFamily = "Bottlerocket"
		n.AMISelectorTerms = []AMISelectorTerm{{ID: "ami-0123"}}
		n.AMIAlias = ""
		n.UserData.Raw = "[settings]\n# /etc/eks/bootstrap.sh my-cluster\n"
	}), "user_data.raw", "does not have"},
	{"kubernetes.io label in bottlerocket TOML", nodeClass(func(n *EC2NodeClass) {
		n.AMIAlias = "bottlerocket@latest"
		n.UserData.Raw = "[settings.kubernetes.node-labels]\n\"node-role.kubernetes.io/worker\" = \"true\"\nteam = \"web\"\n"
	}), "user_data.raw", "kubelet refuses to start"},
	{"karpenter label in bottlerocket TOML (dotted)", nodeClass(func(n *EC2NodeClass) {
		n.AMIAlias = "bottlerocket@latest"
		n.UserData.Raw = "settings.kubernetes.node-labels.\"karpenter.sh/capacity-type\" = \"spot\"\n"
	}), "user_data.raw", "belongs to Karpenter"},
	{"reservation id with tags", nodeClass(func(n *EC2NodeClass) {
		n.CapacityReservationSelectorTerms = []CapacityReservationSelectorTerm{{ID: "cr-0123", Tags: map[string]string{"a": "b"}}}
	}), "capacity_reservation_selector_terms[0].id", "cannot be combined"},
	{"reservation id format", nodeClass(func(n *EC2NodeClass) {
		n.CapacityReservationSelectorTerms = []CapacityReservationSelectorTerm{{ID: "odcr-1"}}
	}), "capacity_reservation_selector_terms[0].id", "cr-0123456789abcdef0"},
	{"reservation empty term", nodeClass(func(n *EC2NodeClass) {
		n.CapacityReservationSelectorTerms = []CapacityReservationSelectorTerm{{OwnerID: "123456789012"}}
	}), "capacity_reservation_selector_terms[0]", "set id, tags or instance_match_criteria"},
	{"reservation owner", nodeClass(func(n *EC2NodeClass) {
		n.CapacityReservationSelectorTerms = []CapacityReservationSelectorTerm{{Tags: map[string]string{"a": "b"}, OwnerID: "me"}}
	}), "capacity_reservation_selector_terms[0].owner_id", "12-digit"},
	{"reservation match criteria", nodeClass(func(n *EC2NodeClass) {
		n.CapacityReservationSelectorTerms = []CapacityReservationSelectorTerm{{InstanceMatchCriteria: "any"}}
	}), "capacity_reservation_selector_terms[0].instance_match_criteria", "open or targeted"},
	{"only reserved, class without reservations", nodePool(func(n *NodePool) {
		n.Requirements.CapacityTypes = []string{"reserved"}
		n.NodeClassSelectsReservations = ptr(false)
	}), "capacity_types", "capacity_reservation_selector_terms"},
	{"reserved via custom requirement", nodePool(func(n *NodePool) {
		n.Requirements.Custom = []Requirement{{Key: LabelCapacityType, Operator: "In", Values: []string{"reserved"}}}
		n.Requirements.CapacityTypes = []string{}
		n.NodeClassSelectsReservations = ptr(false)
	}), "requirements[0].values", "add them there"},
	{"Auto Mode with EC2NodeClass kind", nodePool(func(n *NodePool) { n.NodeClass = NodeClassRef{Group: EKSAutoNodeClassGroup, Kind: EC2NodeClassKind} }), "node_class_kind", `use kind "NodeClass"`},
	{"EC2NodeClass group with NodeClass kind", nodePool(func(n *NodePool) { n.NodeClass = NodeClassRef{Group: EC2NodeClassGroup, Kind: EKSAutoNodeClassKind} }), "node_class_kind", "eks.amazonaws.com"},
	{"Karpenter key on Auto Mode pool", nodePool(func(n *NodePool) {
		n.NodeClass.Group = EKSAutoNodeClassGroup
		n.Requirements.Custom = []Requirement{{Key: "karpenter.k8s.aws/instance-cpu", Operator: "Lt", Values: []string{"65"}}}
	}), "requirements[0].key", "eks.amazonaws.com/instance-cpu"},
	{"Karpenter label on Auto Mode pool", nodePool(func(n *NodePool) {
		n.NodeClass.Group = EKSAutoNodeClassGroup
		n.Labels = map[string]string{LabelInstanceFamily: "c7i"}
	}), "labels." + LabelInstanceFamily, "eks.amazonaws.com/instance-family"},
	{"os label on Auto Mode pool", nodePool(func(n *NodePool) {
		n.NodeClass.Group = EKSAutoNodeClassGroup
		n.Requirements.Custom = []Requirement{{Key: LabelOS, Operator: "In", Values: []string{"linux"}}}
	}), "requirements[0].key", "Linux nodes only"},
	{"built-in Auto Mode pool", nodePool(func(n *NodePool) { n.Name, n.NodeClass.Group = "general-purpose", EKSAutoNodeClassGroup }), "name", "cannot be modified"},
	{"SOCI on an old Bottlerocket", nodeClass(func(n *EC2NodeClass) {
		n.AMIAlias = "bottlerocket@v1.43.0"
		n.UserData.FastImagePull = ptr(true)
	}), "user_data.fast_image_pull", "1.44.0 or later"},
	{"Auto Mode key on EC2NodeClass pool", nodePool(func(n *NodePool) {
		n.Requirements.Custom = []Requirement{{Key: "eks.amazonaws.com/instance-family", Operator: "In", Values: []string{"c7i"}}}
	}), "requirements[0].key", "karpenter.k8s.aws/instance-family"},
}

func TestNodeChecksNameAttributeAndFix(t *testing.T) {
	for _, tc := range nodeChecks {
		t.Run(tc.name, func(t *testing.T) {
			probs := tc.validate()
			for _, p := range probs {
				if !p.Warning && p.Path.String() == tc.path && strings.Contains(p.Message, tc.contains) {
					return
				}
			}
			t.Fatalf("want an error at %s containing %q, got %v", tc.path, tc.contains, probs)
		})
	}
}

func warningsAt(probs problem.List, path string) int {
	n := 0
	for _, p := range probs {
		if p.Warning && p.Path.String() == path {
			n++
		}
	}
	return n
}

// Valid settings pass: the new gp3 maximums, TOML on Bottlerocket with
// allowed labels, reservations selected by tags.
func TestNodeChecksAcceptValidSettings(t *testing.T) {
	for name, validate := range map[string]func() problem.List{
		"gp3 at the 2025 maximums": nodeClass(gp3(func(b *BlockDeviceMapping) {
			b.VolumeSize, b.IOPS, b.Throughput = "200Gi", ptr(int64(80000)), ptr(int64(2000))
		})),
		"io2 high iops": nodeClass(gp3(func(b *BlockDeviceMapping) {
			b.VolumeType, b.VolumeSize, b.IOPS = "io2", "500Gi", ptr(int64(256000))
		})),
		"bottlerocket TOML": nodeClass(func(n *EC2NodeClass) {
			n.AMIAlias = "bottlerocket@latest"
			n.UserData.Raw = "[settings.kubernetes]\nmax-pods = 110\n[settings.kubernetes.node-labels]\n\"example.com/team\" = \"web\"\n\"node.kubernetes.io/lifecycle\" = \"spot\"\n"
		}),
		"reservations by tags": nodeClass(func(n *EC2NodeClass) {
			n.CapacityReservationSelectorTerms = []CapacityReservationSelectorTerm{{Tags: map[string]string{"team": "ml"}, OwnerID: "123456789012", InstanceMatchCriteria: "targeted"}, {ID: "cr-0123456789abcdef0"}}
		}),
		"reserved with reservations": nodePool(func(n *NodePool) {
			n.Requirements.CapacityTypes = []string{"reserved", "on-demand"}
			n.NodeClassSelectsReservations = ptr(true)
		}),
	} {
		if probs := validate(); len(probs) > 0 {
			t.Errorf("%s: %v", name, probs)
		}
	}
}

func TestFastImagePullOnASlowRootVolumeIsAWarning(t *testing.T) {
	probs := nodeClass(func(n *EC2NodeClass) { n.UserData.FastImagePull = ptr(true) })()
	if probs.HasErrors() || warningsAt(probs, "user_data.fast_image_pull") != 1 {
		t.Fatalf("want one warning (125 MiB/s default root volume), got %v", probs)
	}
	probs = nodeClass(func(n *EC2NodeClass) {
		n.UserData.FastImagePull = ptr(true)
		n.BlockDeviceMappings = []BlockDeviceMapping{{DeviceName: "/dev/xvda", VolumeSize: "100Gi", IOPS: ptr(int64(4000)), Throughput: ptr(int64(1000))}}
	})()
	if len(probs) != 0 {
		t.Fatalf("1000 MiB/s root volume: want no problems, got %v", probs)
	}
}

func TestRatiosAndUnknownReservationsAreWarnings(t *testing.T) {
	probs := nodeClass(gp3(func(b *BlockDeviceMapping) {
		b.VolumeSize, b.IOPS, b.Throughput = "8Gi", ptr(int64(16000)), ptr(int64(2000))
	}))()
	if probs.HasErrors() || warningsAt(probs, "block_device_mappings[0].iops") != 1 || len(probs) != 1 {
		t.Fatalf("want one ratio warning on iops (16000 > 8 GiB x 500), got %v", probs)
	}
	probs = nodeClass(gp3(func(b *BlockDeviceMapping) {
		b.VolumeSize, b.IOPS, b.Throughput = "100Gi", ptr(int64(4000)), ptr(int64(2000))
	}))()
	if probs.HasErrors() || warningsAt(probs, "block_device_mappings[0].throughput") != 1 || len(probs) != 1 {
		t.Fatalf("want one ratio warning on throughput (2000 > 4000 x 0.25), got %v", probs)
	}
	probs = nodePool(func(n *NodePool) { n.Requirements.CapacityTypes = []string{"reserved"} })()
	if probs.HasErrors() || warningsAt(probs, "capacity_types") != 1 {
		t.Fatalf("reserved with an unknown node class: want one warning, got %v", probs)
	}
}

// node_class_group = eks.amazonaws.com used to keep Karpenter's
// karpenter.k8s.aws label keys and kind EC2NodeClass.
func TestAutoModeGroupUsesEKSLabelKeys(t *testing.T) {
	obj, probs := NodePool{Name: "web", NodeClass: NodeClassRef{Group: EKSAutoNodeClassGroup}, Requirements: Requirements{
		InstanceFamilies: []string{"c7i"}, InstanceSizes: []string{"xlarge"}, MinInstanceGeneration: ptr(int64(6)), InstanceCategories: []string{"c"},
	}}.Render()
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	tmpl := obj["spec"].(map[string]any)["template"].(map[string]any)["spec"].(map[string]any)
	if ref := tmpl["nodeClassRef"].(map[string]any); ref["kind"] != EKSAutoNodeClassKind || ref["group"] != EKSAutoNodeClassGroup {
		t.Fatalf("nodeClassRef %v", ref)
	}
	seen := 0
	for _, r := range tmpl["requirements"].([]any) {
		key := r.(map[string]any)["key"].(string)
		if strings.HasPrefix(key, "karpenter.k8s.aws/") {
			t.Errorf("Auto Mode pool got Karpenter key %s", key)
		}
		if strings.HasPrefix(key, "eks.amazonaws.com/instance-") {
			seen++
		}
	}
	if seen != 4 {
		t.Fatalf("want category, family, size and generation under eks.amazonaws.com, got %d: %v", seen, tmpl["requirements"])
	}
}
