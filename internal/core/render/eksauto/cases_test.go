package eksauto

import (
	"encoding/base64"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1"
)

func ptr[T any](v T) *T { return &v }

var (
	internalELB = map[string]string{"kubernetes.io/role/internal-elb": "1"}
	clusterSG   = map[string]string{"aws:eks:cluster-name": "my-cluster"}
	// A placeholder CA certificate: the renderer checks the PEM marker only.
	caBundle = base64.StdEncoding.EncodeToString([]byte("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUexample\n-----END CERTIFICATE-----\n"))
)

func minimal() NodeClass {
	return NodeClass{
		Name:                       "private-compute",
		Role:                       "AmazonEKSAutoNodeRole",
		SubnetSelectorTerms:        []SelectorTerm{{Tags: internalELB}},
		SecurityGroupSelectorTerms: []SelectorTerm{{Tags: clusterSG}},
	}
}

// Golden cases: each renders testdata/golden/<name>.yaml.
var goldenCases = map[string]func() ([]k8sobj.Object, problem.List){
	"nodeclass-minimal": func() ([]k8sobj.Object, problem.List) { return one(minimal().Render()) },
	"nodeclass-full": func() ([]k8sobj.Object, problem.List) {
		nc := minimal()
		nc.Name = "secure-network"
		nc.SecurityGroupSelectorTerms = append(nc.SecurityGroupSelectorTerms, SelectorTerm{ID: "sg-0123456789abcdef0"}, SelectorTerm{Name: "eks-cluster-node-sg"})
		nc.PodSubnetSelectorTerms = []SelectorTerm{{Tags: map[string]string{"kubernetes.io/role/pod": "1"}}}
		nc.PodSecurityGroupSelectorTerms = []SelectorTerm{{ID: "sg-0fedcba9876543210"}}
		nc.CapacityReservationSelectorTerms = []CapacityReservationSelectorTerm{{ID: "cr-56fac701cc1951b03"}, {Tags: map[string]string{"app": "checkout"}, Owner: "012345678901"}}
		nc.EphemeralStorage = EphemeralStorage{Size: "160Gi", IOPS: ptr(int64(6000)), Throughput: ptr(int64(500)), KMSKeyID: "alias/eks-nodes"}
		nc.NetworkPolicy, nc.NetworkPolicyEventLogs, nc.SNATPolicy = "DefaultDeny", "Enabled", "Disabled"
		nc.AdvancedNetworking = AdvancedNetworking{
			HTTPSProxy:               "http://192.0.2.4:3128",
			NoProxy:                  []string{"localhost", "127.0.0.1", "169.254.169.254", ".internal", ".eks.amazonaws.com"},
			AssociatePublicIPAddress: ptr(false),
			IPv4PrefixSize:           "32",
		}
		nc.CertificateBundles = []CertificateBundle{{Name: "corporate-ca", Data: caBundle}}
		nc.Tags = map[string]string{"Environment": "production", "Team": "platform"}
		return one(nc.Render())
	},
	// A custom pool on the built-in NodeClass, with the fast-scaling
	// defaults of the Karpenter renderer and Auto Mode's node lifetime.
	"nodepool-default-class": func() ([]k8sobj.Object, problem.List) {
		return one(NodePool(karpenterv1.NodePool{Name: "web"}).Render())
	},
	// GPU pool on reserved capacity (a Capacity Block), tainted.
	"nodepool-gpu-reserved": func() ([]k8sobj.Object, problem.List) {
		return one(NodePool(karpenterv1.NodePool{
			Name:      "gpu",
			NodeClass: karpenterv1.NodeClassRef{Name: "gpu"},
			Requirements: karpenterv1.Requirements{
				InstanceFamilies: []string{"g6", "p5"},
				CapacityTypes:    []string{"reserved", "on-demand"},
				Custom:           []karpenterv1.Requirement{{Key: "eks.amazonaws.com/instance-gpu-manufacturer", Operator: "In", Values: []string{"nvidia"}}},
			},
			Taints:                       []karpenterv1.Taint{{Key: "nvidia.com/gpu", Effect: "NoSchedule"}},
			StartupTaints:                []karpenterv1.Taint{{Key: "readiness.k8s.io/gpu-not-ready", Value: "pending", Effect: "NoSchedule"}},
			NodeClassSelectsReservations: ptr(true),
		}).Render())
	},
}

func one(obj k8sobj.Object, probs problem.List) ([]k8sobj.Object, problem.List) {
	if obj == nil {
		return nil, probs
	}
	return []k8sobj.Object{obj}, probs
}
