// Package eksauto renders EKS Auto Mode objects: the NodeClass
// (eks.amazonaws.com/v1) with its own fields, and NodePools
// (karpenter.sh/v1, rendered by karpenterv1) that point at a NodeClass and
// use the eks.amazonaws.com/instance-* label keys.
//
// Auto Mode has no published CRD; the Amazon EKS User Guide pages "Create a
// Node Class for Amazon EKS" and "Create a Node Pool for EKS Auto Mode" are
// the contract, and test/crds/eks-auto-mode holds the CRD written from them
// that the conformance and server-side suites check against. A NodeClass
// has no AMI selection, no user data, no block device mappings, kubelet or
// metadata options: those EC2NodeClass settings are rejected with what Auto
// Mode offers instead. It knows nothing of Terraform.
package eksauto

import "github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1"

// What is rendered.
const (
	APIVersion = "eks.amazonaws.com/v1"
	Kind       = karpenterv1.EKSAutoNodeClassKind
	Group      = karpenterv1.EKSAutoNodeClassGroup
	// BuiltinNodeClass is the NodeClass Auto Mode creates with its built-in
	// pools; custom NodeClasses must not use the name.
	BuiltinNodeClass = "default"
	// DefaultExpireAfter is Auto Mode's documented node lifetime (336
	// hours), used for pools that do not set expire_after.
	DefaultExpireAfter = "336h"
)

// Enumerations and ranges from the user guide's Node Class Specification.
var (
	NetworkPolicies        = []string{"DefaultAllow", "DefaultDeny"}
	NetworkPolicyEventLogs = []string{"Disabled", "Enabled"}
	SNATPolicies           = []string{"Random", "Disabled"}
	IPv4PrefixSizes        = []string{"Auto", "32"}
)

const (
	MinEphemeralIOPS       = 3000
	MaxEphemeralIOPS       = 16000
	MinEphemeralThroughput = 125
	MaxEphemeralThroughput = 1000
	MaxNoProxy             = 50
	MaxProxyLength         = 255
)
