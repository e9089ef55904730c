// Package karpenter renders Karpenter v1 objects for fast scale-out:
// NodePool (karpenter.sh/v1), EC2NodeClass (karpenter.k8s.aws/v1) with user
// data for AL2023 (nodeadm NodeConfig, MIME multipart) and Bottlerocket
// (TOML), and a spot-first/on-demand-fallback pair of NodePools.
//
// Inputs are validated before rendering against the rules the real API
// server (CRD schema and CEL) and Karpenter's own runtime validation apply;
// problems carry the Terraform attribute path (snake_case) and the fix.
// Whatever Validate accepts renders, and the API server accepts it (see
// test/conformance). It knows nothing of Terraform.
package karpenterv1

// API groups and versions rendered.
const (
	NodePoolAPIVersion     = "karpenter.sh/v1"
	EC2NodeClassAPIVersion = "karpenter.k8s.aws/v1"
	EC2NodeClassGroup      = "karpenter.k8s.aws"
	EC2NodeClassKind       = "EC2NodeClass"
	// EKS Auto Mode's node class: NodePools stay karpenter.sh/v1.
	EKSAutoNodeClassGroup = "eks.amazonaws.com"
	EKSAutoNodeClassKind  = "NodeClass"
)

// Well-known label keys used in requirements.
const (
	LabelCapacityType       = "karpenter.sh/capacity-type"
	LabelNodePool           = "karpenter.sh/nodepool"
	LabelInstanceCategory   = "karpenter.k8s.aws/instance-category"
	LabelInstanceFamily     = "karpenter.k8s.aws/instance-family"
	LabelInstanceSize       = "karpenter.k8s.aws/instance-size"
	LabelInstanceGeneration = "karpenter.k8s.aws/instance-generation"
	LabelInstanceType       = "node.kubernetes.io/instance-type"
	LabelArch               = "kubernetes.io/arch"
	LabelOS                 = "kubernetes.io/os"
	LabelZone               = "topology.kubernetes.io/zone"
	LabelHostname           = "kubernetes.io/hostname"
)

// LabelKeys are the instance label keys a NodePool's typed requirements
// use: Karpenter's (karpenter.k8s.aws/instance-*) for EC2NodeClass pools,
// EKS Auto Mode's (eks.amazonaws.com/instance-*) for NodeClass pools.
type LabelKeys struct {
	Domain, Category, Family, Size, Generation string
}

var (
	KarpenterLabelKeys = LabelKeys{"karpenter.k8s.aws", LabelInstanceCategory, LabelInstanceFamily, LabelInstanceSize, LabelInstanceGeneration}
	EKSAutoLabelKeys   = LabelKeys{"eks.amazonaws.com", "eks.amazonaws.com/instance-category", "eks.amazonaws.com/instance-family", "eks.amazonaws.com/instance-size", "eks.amazonaws.com/instance-generation"}
)
