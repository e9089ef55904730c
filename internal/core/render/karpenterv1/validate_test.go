package karpenterv1

import (
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

type badCase struct {
	name     string
	validate func() problem.List
	path     string // attribute path the error must name
	contains string // and the fix it must state
}

func nodePool(mut func(*NodePool)) func() problem.List {
	return func() problem.List {
		np := NodePool{Name: "default"}
		mut(&np)
		return np.Validate()
	}
}

func nodeClass(mut func(*EC2NodeClass)) func() problem.List {
	return func() problem.List {
		nc := EC2NodeClass{
			Name:                       "default",
			Role:                       "KarpenterNodeRole-x",
			SubnetSelectorTerms:        []SelectorTerm{{Tags: discovery}},
			SecurityGroupSelectorTerms: []SelectorTerm{{Tags: discovery}},
		}
		mut(&nc)
		return nc.Validate()
	}
}

var badCases = []badCase{
	{"weight 0", nodePool(func(n *NodePool) { n.Weight = ptr(int64(0)) }), "weight", "1-100"},
	{"weight 101", nodePool(func(n *NodePool) { n.Weight = ptr(int64(101)) }), "weight", "1-100"},
	{"name uppercase", nodePool(func(n *NodePool) { n.Name = "Default" }), "name", "lowercase"},
	{"name missing", nodePool(func(n *NodePool) { n.Name = "" }), "name", "required"},
	{"schedule without duration", nodePool(func(n *NodePool) {
		n.Disruption.Budgets = []Budget{{Nodes: "10%"}, {Nodes: "0", Schedule: "0 9 * * *"}}
	}), "disruption.budgets[1].schedule", "needs a duration, e.g. 8h"},
	{"duration without schedule", nodePool(func(n *NodePool) { n.Disruption.Budgets = []Budget{{Duration: "8h"}} }), "disruption.budgets[0].duration", "needs a schedule"},
	{"budget duration seconds", nodePool(func(n *NodePool) {
		n.Disruption.Budgets = []Budget{{Schedule: "@daily", Duration: "30s"}}
	}), "disruption.budgets[0].duration", "hours and/or minutes"},
	{"cron with six fields", nodePool(func(n *NodePool) {
		n.Disruption.Budgets = []Budget{{Schedule: "0 0 9 * * *", Duration: "1h"}}
	}), "disruption.budgets[0].schedule", "five fields"},
	{"cron bad minute", nodePool(func(n *NodePool) {
		n.Disruption.Budgets = []Budget{{Schedule: "61 9 * * *", Duration: "1h"}}
	}), "disruption.budgets[0].schedule", "not a valid cron"},
	{"cron @every", nodePool(func(n *NodePool) {
		n.Disruption.Budgets = []Budget{{Schedule: "@every 5m", Duration: "1h"}}
	}), "disruption.budgets[0].schedule", "@daily"},
	{"cron timezone", nodePool(func(n *NodePool) {
		n.Disruption.Budgets = []Budget{{Schedule: "TZ=Europe/Paris 0 9 * * *", Duration: "1h"}}
	}), "disruption.budgets[0].schedule", "UTC"},
	{"unknown reason", nodePool(func(n *NodePool) { n.Disruption.Budgets = []Budget{{Reasons: []string{"Expired"}}} }), "disruption.budgets[0].reasons[0]", "Underutilized, Empty, Drifted"},
	{"duplicate reason", nodePool(func(n *NodePool) { n.Disruption.Budgets = []Budget{{Reasons: []string{"Empty", "Empty"}}} }), "disruption.budgets[0].reasons[1]", "twice"},
	{"budget nodes", nodePool(func(n *NodePool) { n.Disruption.Budgets = []Budget{{Nodes: "150%"}} }), "disruption.budgets[0].nodes", "percentage"},
	{"policy", nodePool(func(n *NodePool) { n.Disruption.ConsolidationPolicy = "WhenUnderutilized" }), "disruption.consolidation_policy", "WhenEmptyOrUnderutilized"},
	{"consolidate after no unit", nodePool(func(n *NodePool) { n.Disruption.ConsolidateAfter = ptr("30") }), "disruption.consolidate_after", "Never"},
	{"expire after days", nodePool(func(n *NodePool) { n.ExpireAfter = ptr("30d") }), "expire_after", "720h"},
	{"termination grace Never", nodePool(func(n *NodePool) { n.TerminationGracePeriod = ptr("Never") }), "termination_grace_period", "Never is not allowed"},
	{"unknown operator", nodePool(func(n *NodePool) {
		n.Requirements.Custom = []Requirement{{Key: "example.com/a", Operator: "Within", Values: []string{"x"}}}
	}), "requirements[0].operator", "In, NotIn"},
	{"In without values", nodePool(func(n *NodePool) {
		n.Requirements.Custom = []Requirement{{Key: "example.com/a", Operator: "In"}}
	}), "requirements[0].values", "Exists"},
	{"Exists with values", nodePool(func(n *NodePool) {
		n.Requirements.Custom = []Requirement{{Key: "example.com/a", Operator: "Exists", Values: []string{"x"}}}
	}), "requirements[0].values", "takes no values"},
	{"Gt not integer", nodePool(func(n *NodePool) {
		n.Requirements.Custom = []Requirement{{Key: LabelInstanceGeneration, Operator: "Gt", Values: []string{"five"}}}
	}), "requirements[0].values", "non-negative integer"},
	{"Gt two values", nodePool(func(n *NodePool) {
		n.Requirements.Custom = []Requirement{{Key: LabelInstanceGeneration, Operator: "Lt", Values: []string{"1", "2"}}}
	}), "requirements[0].values", "exactly one"},
	{"minValues larger than values", nodePool(func(n *NodePool) {
		n.Requirements.Custom = []Requirement{{Key: LabelInstanceFamily, Operator: "In", Values: []string{"c7i", "m7i"}, MinValues: ptr(int64(5))}}
	}), "requirements[0].min_values", "at least 5 values"},
	{"minValues 0", nodePool(func(n *NodePool) {
		n.Requirements.Custom = []Requirement{{Key: LabelInstanceFamily, Operator: "Exists", MinValues: ptr(int64(0))}}
	}), "requirements[0].min_values", "1-50"},
	{"restricted karpenter.sh key", nodePool(func(n *NodePool) {
		n.Requirements.Custom = []Requirement{{Key: "karpenter.sh/spot", Operator: "Exists"}}
	}), "requirements[0].key", "karpenter.sh is restricted"},
	{"restricted karpenter.k8s.aws key", nodePool(func(n *NodePool) {
		n.Requirements.Custom = []Requirement{{Key: "karpenter.k8s.aws/foo", Operator: "Exists"}}
	}), "requirements[0].key", "well-known"},
	{"nodepool key", nodePool(func(n *NodePool) {
		n.Requirements.Custom = []Requirement{{Key: LabelNodePool, Operator: "Exists"}}
	}), "requirements[0].key", "set by Karpenter"},
	{"hostname label", nodePool(func(n *NodePool) { n.Labels = map[string]string{LabelHostname: "x"} }), "labels." + LabelHostname, "restricted"},
	{"subdomain of karpenter.sh label", nodePool(func(n *NodePool) { n.Labels = map[string]string{"team.karpenter.sh/x": "y"} }), "labels.team.karpenter.sh/x", "restricted"},
	{"bad label key", nodePool(func(n *NodePool) { n.Labels = map[string]string{"a/b/c": "y"} }), "labels.a/b/c", "at most one '/'"},
	{"bad label value", nodePool(func(n *NodePool) { n.Labels = map[string]string{"team": "a b"} }), "labels.team", "63 characters"},
	{"capacity type typo", nodePool(func(n *NodePool) { n.Requirements.CapacityTypes = []string{"ondemand"} }), "capacity_types[0]", "on-demand"},
	{"architecture typo", nodePool(func(n *NodePool) { n.Requirements.Architectures = []string{"x86_64"} }), "architectures[0]", "amd64"},
	{"generation 0", nodePool(func(n *NodePool) { n.Requirements.MinInstanceGeneration = ptr(int64(0)) }), "min_instance_generation", "1 or more"},
	// The CRD accepts a prefixed value, but the Node API checks taint
	// values as label values, so the nodes would be refused.
	{"taint value with a prefix", nodePool(func(n *NodePool) {
		n.Taints = []Taint{{Key: "dedicated", Value: "team.example.com/batch", Effect: "NoSchedule"}}
	}), "taints[0].value", "63 characters"},
	{"startup taint value too long", nodePool(func(n *NodePool) {
		n.StartupTaints = []Taint{{Key: "ready", Value: strings.Repeat("v", 64), Effect: "NoSchedule"}}
	}), "startup_taints[0].value", "63 characters"},
	{"taint effect", nodePool(func(n *NodePool) { n.Taints = []Taint{{Key: "a", Effect: "NoExec"}} }), "taints[0].effect", "NoExecute"},
	{"duplicate taint", nodePool(func(n *NodePool) {
		n.Taints = []Taint{{Key: "a", Effect: "NoSchedule"}}
		n.StartupTaints = []Taint{{Key: "a", Effect: "NoSchedule"}}
	}), "startup_taints[0]", "unique"},
	{"limit not a quantity", nodePool(func(n *NodePool) { n.Limits = map[string]string{"cpu": "lots"} }), "limits.cpu", "quantity"},
	{"node class group with version", nodePool(func(n *NodePool) { n.NodeClass.Group = "karpenter.k8s.aws/v1" }), "node_class_group", "without version"},

	{"role and instance profile", nodeClass(func(n *EC2NodeClass) { n.InstanceProfile = "p" }), "instance_profile", "exactly one"},
	{"neither role nor profile", nodeClass(func(n *EC2NodeClass) { n.Role = "" }), "role", "instance_profile"},
	{"alias family", nodeClass(func(n *EC2NodeClass) { n.AMIAlias = "al2024@latest" }), "ami_alias", "al2023"},
	{"alias format", nodeClass(func(n *EC2NodeClass) { n.AMIAlias = "al2023" }), "ami_alias", "family@version"},
	{"windows alias version", nodeClass(func(n *EC2NodeClass) { n.AMIAlias = "windows2022@v1" }), "ami_alias", "latest"},
	{"alias and terms", nodeClass(func(n *EC2NodeClass) {
		n.AMIAlias = "al2023@latest"
		n.AMISelectorTerms = []AMISelectorTerm{{ID: "ami-1"}}
	}), "ami_alias", "not both"},
	{"terms without family", nodeClass(func(n *EC2NodeClass) { n.AMISelectorTerms = []AMISelectorTerm{{ID: "ami-1"}} }), "ami_family", "required"},
	{"family mismatch", nodeClass(func(n *EC2NodeClass) { n.AMIAlias, n.AMIFamily = "bottlerocket@latest", "AL2023" }), "ami_family", "Bottlerocket or Custom"},
	{"ami id with name", nodeClass(func(n *EC2NodeClass) {
		n.AMIFamily = "AL2023"
		n.AMISelectorTerms = []AMISelectorTerm{{ID: "ami-1", Name: "x"}}
	}), "ami_selector_terms[0].id", "cannot be combined"},
	{"no subnets", nodeClass(func(n *EC2NodeClass) { n.SubnetSelectorTerms = nil }), "subnet_selector_terms", "at least one"},
	{"subnet id and tags", nodeClass(func(n *EC2NodeClass) {
		n.SubnetSelectorTerms = []SelectorTerm{{ID: "subnet-1", Tags: discovery}}
	}), "subnet_selector_terms[0]", "mutually exclusive"},
	{"subnet by name", nodeClass(func(n *EC2NodeClass) { n.SubnetSelectorTerms = []SelectorTerm{{Name: "x"}} }), "subnet_selector_terms[0].name", "id or tags"},
	{"control character in a subnet tag", nodeClass(func(n *EC2NodeClass) {
		n.SubnetSelectorTerms = []SelectorTerm{{Tags: map[string]string{"Name": "private\n"}}}
	}), "subnet_selector_terms[0].tags.Name", "control character"},
	{"control character in a security group name", nodeClass(func(n *EC2NodeClass) { n.SecurityGroupSelectorTerms = []SelectorTerm{{Name: "web\x00"}} }),
		"security_group_selector_terms[0].name", "control character"},
	{"sg id format", nodeClass(func(n *EC2NodeClass) { n.SecurityGroupSelectorTerms = []SelectorTerm{{ID: "0123"}} }), "security_group_selector_terms[0].id", "sg-"},
	{"empty tag value", nodeClass(func(n *EC2NodeClass) {
		n.SecurityGroupSelectorTerms = []SelectorTerm{{Tags: map[string]string{"k": ""}}}
	}), "security_group_selector_terms[0].tags", "empty"},
	{"restricted tag", nodeClass(func(n *EC2NodeClass) { n.Tags = map[string]string{"kubernetes.io/cluster/x": "owned"} }), "tags.kubernetes.io/cluster/x", "set by Karpenter"},
	{"two root volumes", nodeClass(func(n *EC2NodeClass) {
		n.BlockDeviceMappings = []BlockDeviceMapping{{DeviceName: "/dev/xvda", RootVolume: true, VolumeSize: "20Gi"}, {DeviceName: "/dev/xvdb", RootVolume: true, VolumeSize: "20Gi"}}
	}), "block_device_mappings[1].root_volume", "only one"},
	{"volume size format", nodeClass(func(n *EC2NodeClass) {
		n.BlockDeviceMappings = []BlockDeviceMapping{{DeviceName: "/dev/xvda", VolumeSize: "100GB"}}
	}), "block_device_mappings[0].volume_size", "100Gi"},
	{"volume without size", nodeClass(func(n *EC2NodeClass) {
		n.BlockDeviceMappings = []BlockDeviceMapping{{DeviceName: "/dev/xvda"}}
	}), "block_device_mappings[0].volume_size", "snapshot_id"},
	{"hop limit", nodeClass(func(n *EC2NodeClass) { n.MetadataOptions.HTTPPutResponseHopLimit = ptr(int64(0)) }), "metadata_options.http_put_response_hop_limit", "1-64"},
	{"http tokens", nodeClass(func(n *EC2NodeClass) { n.MetadataOptions.HTTPTokens = "v2" }), "metadata_options.http_tokens", "required"},
	{"gc thresholds", nodeClass(func(n *EC2NodeClass) {
		n.Kubelet = &Kubelet{ImageGCHighThresholdPercent: ptr(int64(70)), ImageGCLowThresholdPercent: ptr(int64(80))}
	}), "kubelet.image_gc_high_threshold_percent", "greater than"},
	{"eviction soft without grace", nodeClass(func(n *EC2NodeClass) {
		n.Kubelet = &Kubelet{EvictionSoft: map[string]string{"memory.available": "5%"}}
	}), "kubelet.eviction_soft.memory.available", "grace period"},
	{"eviction signal", nodeClass(func(n *EC2NodeClass) { n.Kubelet = &Kubelet{EvictionHard: map[string]string{"memory": "5%"}} }), "kubelet.eviction_hard.memory", "memory.available"},
	{"reserved key", nodeClass(func(n *EC2NodeClass) { n.Kubelet = &Kubelet{KubeReserved: map[string]string{"gpu": "1"}} }), "kubelet.kube_reserved.gpu", "ephemeral-storage"},
	{"prepull on bottlerocket", nodeClass(func(n *EC2NodeClass) {
		n.AMIAlias = "bottlerocket@latest"
		n.UserData.PrePullImages = []string{"nginx:1"}
	}), "user_data.pre_pull_images", "snapshot"},
	{"image with shell characters", nodeClass(func(n *EC2NodeClass) { n.UserData.PrePullImages = []string{"nginx;rm -rf /"} }), "user_data.pre_pull_images[0]", "image reference"},
	{"bootstrap.sh on AL2023", nodeClass(func(n *EC2NodeClass) {
		n.UserData.Raw = "#!/bin/bash\n/etc/eks/bootstrap.sh my-cluster\n"
	}), "user_data.raw", "nodeadm"},
	{"parallel pulls with serialized pulls", nodeClass(func(n *EC2NodeClass) {
		n.UserData.SerializeImagePulls = ptr(true)
		n.UserData.MaxParallelImagePulls = ptr(int64(4))
	}), "user_data.max_parallel_image_pulls", "serialize_image_pulls = false"},

	{"fallback inverted weights", func() problem.List {
		return Fallback{Pool: NodePool{Name: "web"}, SpotWeight: ptr(int64(10)), OnDemandWeight: ptr(int64(100))}.Validate()
	}, "spot_weight", "higher than on_demand_weight"},
	{"fallback weight 0", func() problem.List {
		return Fallback{Pool: NodePool{Name: "web"}, OnDemandWeight: ptr(int64(0))}.Validate()
	}, "on_demand_weight", "0 is invalid"},
	{"fallback capacity types", func() problem.List {
		return Fallback{Pool: NodePool{Name: "web", Requirements: Requirements{CapacityTypes: []string{"spot"}}}}.Validate()
	}, "capacity_types", "remove"},
	{"fallback name too long", func() problem.List {
		return Fallback{Pool: NodePool{Name: strings.Repeat("a", 60)}}.Validate()
	}, "name", "63"},
	{"fallback shared problem", func() problem.List {
		return Fallback{Pool: NodePool{Name: "web", ExpireAfter: ptr("1d")}}.Validate()
	}, "expire_after", "720h"},
	{"fallback spot limit not a quantity", func() problem.List {
		return Fallback{Pool: NodePool{Name: "web"}, SpotLimits: map[string]string{"cpu": "lots"}}.Validate()
	}, `spot_limits.cpu`, "not a quantity"},
	{"fallback on-demand limit negative", func() problem.List {
		return Fallback{Pool: NodePool{Name: "web"}, OnDemandLimits: map[string]string{"cpu": "-1"}}.Validate()
	}, `on_demand_limits.cpu`, "negative"},
}

func TestValidateNamesAttributeAndFix(t *testing.T) {
	for _, tc := range badCases {
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

func TestRenderRefusesInvalidInput(t *testing.T) {
	obj, probs := NodePool{Name: "x", Weight: ptr(int64(0))}.Render()
	if obj != nil || !probs.HasErrors() {
		t.Fatalf("want no object and errors, got %v %v", obj, probs)
	}
	objs, probs := Fallback{Pool: NodePool{Name: "x"}, SpotWeight: ptr(int64(1)), OnDemandWeight: ptr(int64(2))}.Render()
	if objs != nil || !probs.HasErrors() {
		t.Fatalf("want no objects and errors, got %v %v", objs, probs)
	}
}

func TestIMDSOptionalIsAWarningOnly(t *testing.T) {
	probs := nodeClass(func(n *EC2NodeClass) { n.MetadataOptions.HTTPTokens = "optional" })()
	if probs.HasErrors() || len(probs) != 1 || probs[0].Path.String() != "metadata_options.http_tokens" {
		t.Fatalf("want one warning, got %v", probs)
	}
}

func TestDefaultsAreBroadAndFastScaling(t *testing.T) {
	obj, probs := NodePool{Name: "default"}.Render()
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	spec := obj["spec"].(map[string]any)
	tmpl := spec["template"].(map[string]any)["spec"].(map[string]any)
	if tmpl["expireAfter"] != "720h" {
		t.Errorf("expireAfter belongs in template.spec, got %v", tmpl["expireAfter"])
	}
	if _, ok := spec["disruption"].(map[string]any)["expireAfter"]; ok {
		t.Error("expireAfter must not be under disruption")
	}
	keys := map[string][]any{}
	for _, r := range tmpl["requirements"].([]any) {
		m := r.(map[string]any)
		v, _ := m["values"].([]any)
		keys[m["key"].(string)] = v
	}
	if len(keys[LabelInstanceCategory]) != 3 || len(keys[LabelCapacityType]) != 2 {
		t.Errorf("want broad categories and both capacity types, got %v", keys)
	}
	if _, ok := keys[LabelInstanceType]; ok {
		t.Error("defaults must not pin instance types")
	}
	if _, ok := spec["weight"]; ok {
		t.Error("weight is unset by default")
	}
}

func TestFallbackPairDiffersOnlyInCapacityTypeAndWeight(t *testing.T) {
	objs, probs := Fallback{Pool: NodePool{Name: "web", Labels: map[string]string{"a": "b"}}}.Render()
	if probs.HasErrors() || len(objs) != 2 {
		t.Fatalf("%v", probs.Err())
	}
	spot, od := objs[0]["spec"].(map[string]any), objs[1]["spec"].(map[string]any)
	if spot["weight"].(int64) <= od["weight"].(int64) {
		t.Fatalf("spot weight %v must be higher than on-demand %v", spot["weight"], od["weight"])
	}
	capacity := func(spec map[string]any) string {
		for _, r := range spec["template"].(map[string]any)["spec"].(map[string]any)["requirements"].([]any) {
			if m := r.(map[string]any); m["key"] == LabelCapacityType {
				return m["values"].([]any)[0].(string)
			}
		}
		return ""
	}
	if capacity(spot) != "spot" || capacity(od) != "on-demand" {
		t.Fatalf("capacity types: %s, %s", capacity(spot), capacity(od))
	}
	// Same class and everything else once capacity type and weight are removed.
	strip := func(o map[string]any) string {
		y, _ := YAMLWithout(o, LabelCapacityType)
		return y
	}
	if strip(objs[0]) != strip(objs[1]) {
		t.Fatalf("pools differ beyond capacity type and weight:\n%s\n---\n%s", strip(objs[0]), strip(objs[1]))
	}
}

func TestFallbackLimitsOverrideTheSharedLimitsPerPool(t *testing.T) {
	shared := map[string]string{"cpu": "1000", "memory": "4000Gi"}
	objs, probs := Fallback{
		Pool:           NodePool{Name: "web", Limits: shared},
		SpotLimits:     map[string]string{"cpu": "700"},
		OnDemandLimits: map[string]string{"nvidia.com/gpu": "8"},
	}.Render()
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	limits := func(o k8sobj.Object) map[string]any { return o["spec"].(map[string]any)["limits"].(map[string]any) }
	spot, od := limits(objs[0]), limits(objs[1])
	if spot["cpu"] != "700" || spot["memory"] != "4000Gi" || len(spot) != 2 {
		t.Errorf("spot limits: want cpu 700 (its own) and memory 4000Gi (shared), got %v", spot)
	}
	if od["cpu"] != "1000" || od["memory"] != "4000Gi" || od["nvidia.com/gpu"] != "8" || len(od) != 3 {
		t.Errorf("on-demand limits: want the shared ones plus nvidia.com/gpu 8, got %v", od)
	}
	if shared["cpu"] != "1000" || len(shared) != 2 {
		t.Errorf("the shared limits map was modified: %v", shared)
	}
}

func TestFallbackLimitProblemIsReportedOnceAtItsAttribute(t *testing.T) {
	probs := Fallback{Pool: NodePool{Name: "web"}, OnDemandLimits: map[string]string{"cpu": "lots"}}.Validate()
	if len(probs) != 1 || !strings.HasPrefix(probs[0].Path.String(), "on_demand_limits") {
		t.Fatalf("want one problem at on_demand_limits, got %v", probs)
	}
}
