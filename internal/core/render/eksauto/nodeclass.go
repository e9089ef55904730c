package eksauto

import "github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1"

// NodeClass is the input for one eks.amazonaws.com/v1 NodeClass.
type NodeClass struct {
	Name string
	// Role is the name of the node IAM role (it needs an EC2 access entry
	// with AmazonEKSAutoNodePolicy).
	Role string

	SubnetSelectorTerms        []SelectorTerm // id or tags
	SecurityGroupSelectorTerms []SelectorTerm // id, name or tags
	// Pod subnets and pod security groups, set together: pods get their
	// IPs from these subnets instead of the node's.
	PodSubnetSelectorTerms        []SelectorTerm
	PodSecurityGroupSelectorTerms []SelectorTerm

	CapacityReservationSelectorTerms []CapacityReservationSelectorTerm

	EphemeralStorage EphemeralStorage

	NetworkPolicy          string // DefaultAllow | DefaultDeny
	NetworkPolicyEventLogs string // Disabled | Enabled
	SNATPolicy             string // Random | Disabled

	AdvancedNetworking AdvancedNetworking
	CertificateBundles []CertificateBundle
	Tags               map[string]string

	// EC2NodeClassOnly names EC2NodeClass settings the caller set; each is
	// rejected with what Auto Mode does instead.
	EC2NodeClassOnly []string
}

// SelectorTerm selects subnets or security groups: by id, name (security
// groups only) or tags, as Karpenter's EC2NodeClass does.
type SelectorTerm = karpenterv1.SelectorTerm

// CapacityReservationSelectorTerm selects On-Demand Capacity Reservations
// or Capacity Blocks: by id, or by tags and optionally the owning account.
type CapacityReservationSelectorTerm struct {
	ID, Owner string
	Tags      map[string]string
}

// EphemeralStorage is the node's root volume (gp3).
type EphemeralStorage struct {
	Size             string // e.g. 80Gi
	IOPS, Throughput *int64
	KMSKeyID         string
}

// AdvancedNetworking configures a forward proxy, public IPs and pod IP
// prefix delegation.
type AdvancedNetworking struct {
	HTTPSProxy               string
	NoProxy                  []string
	AssociatePublicIPAddress *bool
	IPv4PrefixSize           string // Auto | "32"
}

// CertificateBundle adds a CA bundle (base64 PEM) to the node's trust store.
type CertificateBundle struct {
	Name, Data string
}
