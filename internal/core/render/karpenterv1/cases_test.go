package karpenterv1

import (
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

func ptr[T any](v T) *T { return &v }

var discovery = map[string]string{"karpenter.sh/discovery": "my-cluster"}

// Golden cases: each renders testdata/golden/<name>.yaml.
var goldenCases = map[string]func() ([]k8sobj.Object, problem.List){
	"nodepool-defaults": func() ([]k8sobj.Object, problem.List) {
		return one(NodePool{Name: "default"}.Render())
	},
	"nodepool-full": func() ([]k8sobj.Object, problem.List) {
		return one(NodePool{
			Name:      "batch",
			NodeClass: NodeClassRef{Name: "batch"},
			Requirements: Requirements{
				InstanceCategories: []string{"c", "m", "r"},
				InstanceSizes:      []string{"xlarge", "2xlarge", "4xlarge"},
				CapacityTypes:      []string{"spot", "on-demand"},
				Architectures:      []string{"amd64", "arm64"},
				Zones:              []string{"us-east-1a", "us-east-1b", "us-east-1c"},
				Custom: []Requirement{
					{Key: LabelInstanceFamily, Operator: "In", Values: []string{"c7i", "c6i", "m7i", "m6i", "r7i"}, MinValues: ptr(int64(3))},
					{Key: "karpenter.k8s.aws/instance-cpu", Operator: "Lt", Values: []string{"65"}},
					{Key: "example.com/team", Operator: "Exists"},
				},
			},
			Labels:                 map[string]string{"example.com/team": "batch", "workload": "jobs"},
			Annotations:            map[string]string{"example.com/owner": "platform"},
			Taints:                 []Taint{{Key: "example.com/batch", Value: "true", Effect: "NoSchedule"}},
			StartupTaints:          []Taint{{Key: "node.cilium.io/agent-not-ready", Value: "true", Effect: "NoExecute"}},
			ExpireAfter:            ptr("168h"),
			TerminationGracePeriod: ptr("24h"),
			Disruption: Disruption{
				ConsolidationPolicy: "WhenEmpty",
				ConsolidateAfter:    ptr("5m"),
				Budgets: []Budget{
					{Nodes: "20%", Reasons: []string{"Empty", "Drifted"}},
					{Nodes: "0", Schedule: "0 9 * * mon-fri", Duration: "8h", Reasons: []string{"Underutilized"}},
					{Nodes: "1", Schedule: "@daily", Duration: "1h30m"},
				},
			},
			Limits: map[string]string{"cpu": "1000", "memory": "4000Gi"},
			Weight: ptr(int64(50)),
		}.Render())
	},
	"ec2nodeclass-al2023": func() ([]k8sobj.Object, problem.List) {
		return one(EC2NodeClass{
			Name:                       "default",
			Role:                       "KarpenterNodeRole-my-cluster",
			SubnetSelectorTerms:        []SelectorTerm{{Tags: discovery}},
			SecurityGroupSelectorTerms: []SelectorTerm{{Tags: discovery}},
		}.Render())
	},
	"ec2nodeclass-al2023-prepull": func() ([]k8sobj.Object, problem.List) {
		return one(EC2NodeClass{
			Name:                       "web",
			AMIAlias:                   "al2023@v20251117",
			Role:                       "KarpenterNodeRole-my-cluster",
			SubnetSelectorTerms:        []SelectorTerm{{Tags: discovery}, {ID: "subnet-0123456789abcdef0"}},
			SecurityGroupSelectorTerms: []SelectorTerm{{Tags: discovery}, {Name: "eks-cluster-sg-my-cluster"}},
			BlockDeviceMappings: []BlockDeviceMapping{{
				DeviceName: "/dev/xvda", RootVolume: true, VolumeSize: "100Gi", VolumeType: "gp3",
				IOPS: ptr(int64(6000)), Throughput: ptr(int64(500)), Encrypted: ptr(true), DeleteOnTermination: ptr(true),
			}},
			Kubelet: &Kubelet{
				MaxPods:                     ptr(int64(110)),
				SystemReserved:              map[string]string{"cpu": "100m", "memory": "256Mi"},
				KubeReserved:                map[string]string{"cpu": "200m", "memory": "512Mi", "ephemeral-storage": "1Gi"},
				EvictionHard:                map[string]string{"memory.available": "5%", "nodefs.available": "10%"},
				EvictionSoft:                map[string]string{"memory.available": "500Mi"},
				EvictionSoftGracePeriod:     map[string]string{"memory.available": "1m30s"},
				ImageGCHighThresholdPercent: ptr(int64(85)),
				ImageGCLowThresholdPercent:  ptr(int64(80)),
			},
			Tags:               map[string]string{"team": "web", "cost-center": "1234"},
			DetailedMonitoring: ptr(true),
			UserData: UserData{
				MaxParallelImagePulls: ptr(int64(10)),
				RegistryPullQPS:       ptr(int64(20)),
				RegistryBurst:         ptr(int64(40)),
				PrePullImages: []string{
					"123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.4.2",
					"public.ecr.aws/docker/library/nginx:1.27",
				},
			},
		}.Render())
	},
	"ec2nodeclass-bottlerocket": func() ([]k8sobj.Object, problem.List) {
		return one(EC2NodeClass{
			Name:                       "bottlerocket",
			AMIAlias:                   "bottlerocket@latest",
			Role:                       "KarpenterNodeRole-my-cluster",
			SubnetSelectorTerms:        []SelectorTerm{{Tags: discovery}},
			SecurityGroupSelectorTerms: []SelectorTerm{{Tags: discovery}},
			BlockDeviceMappings: []BlockDeviceMapping{
				{DeviceName: "/dev/xvda", VolumeSize: "4Gi"},
				{DeviceName: "/dev/xvdb", RootVolume: false, VolumeSize: "80Gi", SnapshotID: "snap-0123456789abcdef0"},
			},
			MetadataOptions: MetadataOptions{HTTPPutResponseHopLimit: ptr(int64(2))},
			UserData:        UserData{RegistryPullQPS: ptr(int64(20)), RegistryBurst: ptr(int64(40))},
		}.Render())
	},
	"ec2nodeclass-selector-terms": func() ([]k8sobj.Object, problem.List) {
		return one(EC2NodeClass{
			Name:                       "pinned",
			AMIFamily:                  "AL2023",
			AMISelectorTerms:           []AMISelectorTerm{{ID: "ami-0123456789abcdef0"}, {Name: "my-golden-al2023-*", Owner: "self"}},
			InstanceProfile:            "KarpenterNodeInstanceProfile-my-cluster",
			SubnetSelectorTerms:        []SelectorTerm{{ID: "subnet-0123456789abcdef0"}, {ID: "subnet-0fedcba9876543210"}},
			SecurityGroupSelectorTerms: []SelectorTerm{{ID: "sg-0123456789abcdef0"}},
			AssociatePublicIPAddress:   ptr(false),
			UserData:                   UserData{SerializeImagePulls: ptr(true)},
		}.Render())
	},
	// An EKS Auto Mode pool rendered by the Karpenter renderer: the node
	// class reference and the typed requirements switch to eks.amazonaws.com.
	"nodepool-eks-auto-group": func() ([]k8sobj.Object, problem.List) {
		return one(NodePool{
			Name:      "web-auto",
			NodeClass: NodeClassRef{Group: EKSAutoNodeClassGroup, Name: "web"},
			Requirements: Requirements{
				InstanceCategories: []string{"c", "m"},
				InstanceSizes:      []string{"xlarge", "2xlarge"},
				Custom:             []Requirement{{Key: "eks.amazonaws.com/instance-cpu", Operator: "Lt", Values: []string{"33"}}},
			},
		}.Render())
	},
	"ec2nodeclass-capacity-reservations": func() ([]k8sobj.Object, problem.List) {
		return one(EC2NodeClass{
			Name:                       "reserved",
			Role:                       "KarpenterNodeRole-my-cluster",
			SubnetSelectorTerms:        []SelectorTerm{{Tags: discovery}},
			SecurityGroupSelectorTerms: []SelectorTerm{{Tags: discovery}},
			CapacityReservationSelectorTerms: []CapacityReservationSelectorTerm{
				{ID: "cr-0123456789abcdef0"},
				{Tags: map[string]string{"team": "ml"}, OwnerID: "123456789012", InstanceMatchCriteria: "targeted"},
			},
			BlockDeviceMappings: []BlockDeviceMapping{{
				DeviceName: "/dev/xvda", RootVolume: true, VolumeSize: "200Gi", VolumeType: "gp3",
				IOPS: ptr(int64(40000)), Throughput: ptr(int64(2000)),
			}},
		}.Render())
	},
	// SOCI parallel pull on both node families.
	"ec2nodeclass-fast-image-pull": func() ([]k8sobj.Object, problem.List) {
		al := EC2NodeClass{
			Name:                       "al2023-soci",
			Role:                       "KarpenterNodeRole-my-cluster",
			SubnetSelectorTerms:        []SelectorTerm{{Tags: discovery}},
			SecurityGroupSelectorTerms: []SelectorTerm{{Tags: discovery}},
			BlockDeviceMappings: []BlockDeviceMapping{{
				DeviceName: "/dev/xvda", RootVolume: true, VolumeSize: "200Gi", IOPS: ptr(int64(16000)), Throughput: ptr(int64(1000)),
			}},
			UserData: UserData{FastImagePull: ptr(true)},
		}
		br := al
		br.Name, br.AMIAlias = "bottlerocket-soci", "bottlerocket@latest"
		br.UserData = UserData{FastImagePull: ptr(true), RegistryPullQPS: ptr(int64(20))}
		a, p1 := al.Render()
		b, p2 := br.Render()
		return []k8sobj.Object{a, b}, append(p1, p2...)
	},
	"fallback-defaults": func() ([]k8sobj.Object, problem.List) {
		return Fallback{Pool: NodePool{Name: "web"}}.Render()
	},
	"fallback-custom": func() ([]k8sobj.Object, problem.List) {
		return Fallback{
			Pool: NodePool{
				Name:         "api",
				NodeClass:    NodeClassRef{Name: "web"},
				Requirements: Requirements{InstanceCategories: []string{"c", "m"}, Architectures: []string{"arm64"}},
				Labels:       map[string]string{"example.com/workload": "api"},
				Limits:       map[string]string{"cpu": "500"},
				Disruption:   Disruption{Budgets: []Budget{{Nodes: "10%"}, {Nodes: "0", Schedule: "0 12 * * *", Duration: "2h"}}},
			},
			SpotWeight:     ptr(int64(80)),
			OnDemandWeight: ptr(int64(20)),
		}.Render()
	},
	// Spot may hold 70% of the vCPUs, on-demand (the fallback) all of them;
	// memory stays shared.
	"fallback-per-pool-limits": func() ([]k8sobj.Object, problem.List) {
		return Fallback{
			Pool:       NodePool{Name: "batch", Limits: map[string]string{"cpu": "1000", "memory": "4000Gi"}},
			SpotLimits: map[string]string{"cpu": "700"},
		}.Render()
	},
}

func one(obj k8sobj.Object, probs problem.List) ([]k8sobj.Object, problem.List) {
	if obj == nil {
		return nil, probs
	}
	return []k8sobj.Object{obj}, probs
}
