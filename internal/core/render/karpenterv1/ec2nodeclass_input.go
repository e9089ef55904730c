package karpenterv1

// EC2NodeClass is the input for one karpenter.k8s.aws/v1 EC2NodeClass.
type EC2NodeClass struct {
	Name string

	// AMIAlias is family@version, e.g. al2023@latest or bottlerocket@v1.30.0.
	// Default al2023@latest when no AMISelectorTerms are given.
	AMIAlias string
	// AMISelectorTerms select AMIs by id, name, owner, tags or SSM parameter
	// (instead of an alias); then AMIFamily is required.
	AMISelectorTerms []AMISelectorTerm
	// AMIFamily: AL2023, Bottlerocket, AL2, Custom, Windows*.
	AMIFamily string

	// Exactly one of Role (IAM role name; Karpenter manages the instance
	// profile) and InstanceProfile.
	Role            string
	InstanceProfile string

	SubnetSelectorTerms        []SelectorTerm
	SecurityGroupSelectorTerms []SelectorTerm
	// CapacityReservationSelectorTerms select the On-Demand Capacity
	// Reservations (and Capacity Blocks) that NodePools with capacity type
	// reserved launch into.
	CapacityReservationSelectorTerms []CapacityReservationSelectorTerm

	BlockDeviceMappings []BlockDeviceMapping
	MetadataOptions     MetadataOptions
	Kubelet             *Kubelet
	Tags                map[string]string

	AssociatePublicIPAddress *bool
	DetailedMonitoring       *bool

	UserData UserData
}

// AMISelectorTerm selects AMIs; id excludes the other fields.
type AMISelectorTerm struct {
	ID, Name, Owner, SSMParameter string
	Tags                          map[string]string
}

// SelectorTerm selects subnets or security groups by id, name (security
// groups only) or tags.
type SelectorTerm struct {
	ID   string
	Name string
	Tags map[string]string
}

// CapacityReservationSelectorTerm selects capacity reservations by id, or
// by tags, owner and instance match criteria.
type CapacityReservationSelectorTerm struct {
	ID                    string
	OwnerID               string
	InstanceMatchCriteria string // open or targeted
	Tags                  map[string]string
}

// BlockDeviceMapping is one EBS volume.
type BlockDeviceMapping struct {
	DeviceName          string
	RootVolume          bool
	VolumeSize          string // e.g. 100Gi
	VolumeType          string // gp3 default
	IOPS                *int64
	Throughput          *int64
	Encrypted           *bool
	DeleteOnTermination *bool
	KMSKeyID            string
	SnapshotID          string
}

// MetadataOptions is the instance metadata service configuration.
type MetadataOptions struct {
	HTTPEndpoint            string // enabled
	HTTPProtocolIPv6        string // disabled
	HTTPPutResponseHopLimit *int64 // 1: pods cannot reach IMDS (use Pod Identity/IRSA)
	HTTPTokens              string // required (IMDSv2)
}

// Kubelet is spec.kubelet (Karpenter writes it into the node's bootstrap).
type Kubelet struct {
	MaxPods                     *int64
	PodsPerCore                 *int64
	SystemReserved              map[string]string
	KubeReserved                map[string]string
	EvictionHard                map[string]string
	EvictionSoft                map[string]string
	EvictionSoftGracePeriod     map[string]string
	EvictionMaxPodGracePeriod   *int64
	ImageGCHighThresholdPercent *int64
	ImageGCLowThresholdPercent  *int64
	CPUCFSQuota                 *bool
	ClusterDNS                  []string
}

// UserData is what goes into spec.userData, rendered for the AMI family.
// Karpenter merges it with the cluster settings it fills in itself.
type UserData struct {
	// SerializeImagePulls false lets the kubelet pull several images at once
	// (nil: false, the fast-scaling default).
	SerializeImagePulls *bool
	// MaxParallelImagePulls caps parallel pulls (AL2023; nil: 5).
	MaxParallelImagePulls *int64
	// RegistryPullQPS / RegistryBurst raise the kubelet's pull rate limits.
	RegistryPullQPS *int64
	RegistryBurst   *int64
	// PrePullImages are pulled in the background at boot (AL2023 only).
	PrePullImages []string
	// FastImagePull turns on SOCI parallel pull and unpack: on AL2023 the
	// nodeadm feature gate FastImagePull (experimental), on Bottlerocket
	// 1.44.0+ the soci snapshotter in parallel-pull-unpack mode.
	FastImagePull *bool
	// Raw, when set, is used as spec.userData verbatim instead.
	Raw string
}

// Enumerations from the v1.14.1 EC2NodeClass CRD.
var (
	AMIFamilies      = []string{"AL2", "AL2023", "Bottlerocket", "Custom", "Windows2019", "Windows2022", "Windows2025"}
	AMIAliasFamilies = []string{"al2", "al2023", "bottlerocket", "windows2019", "windows2022", "windows2025"}
	VolumeTypes      = []string{"standard", "io1", "io2", "gp2", "sc1", "st1", "gp3"}
	EvictionSignals  = []string{"memory.available", "nodefs.available", "nodefs.inodesFree", "imagefs.available", "imagefs.inodesFree", "pid.available"}
	ReservedKeys     = []string{"cpu", "memory", "ephemeral-storage", "pid"}
)

// Defaults.
const (
	DefaultAMIAlias                = "al2023@latest"
	DefaultHTTPPutResponseHopLimit = int64(1)
	DefaultMaxParallelImagePulls   = int64(5)
)

// WithDefaults fills in the defaults: the latest AL2023 AMI, IMDSv2
// required with a hop limit of 1.
func (nc EC2NodeClass) WithDefaults() EC2NodeClass {
	if nc.AMIAlias == "" && len(nc.AMISelectorTerms) == 0 {
		nc.AMIAlias = DefaultAMIAlias
	}
	m := &nc.MetadataOptions
	if m.HTTPEndpoint == "" {
		m.HTTPEndpoint = "enabled"
	}
	if m.HTTPProtocolIPv6 == "" {
		m.HTTPProtocolIPv6 = "disabled"
	}
	if m.HTTPPutResponseHopLimit == nil {
		v := DefaultHTTPPutResponseHopLimit
		m.HTTPPutResponseHopLimit = &v
	}
	if m.HTTPTokens == "" {
		m.HTTPTokens = "required"
	}
	return nc
}

// Family is the AMI family the user data is rendered for: the alias's
// family, or AMIFamily.
func (nc EC2NodeClass) Family() string {
	if nc.AMIAlias != "" {
		fam, _ := cutAt(nc.AMIAlias)
		switch fam {
		case "al2023":
			return "AL2023"
		case "bottlerocket":
			return "Bottlerocket"
		case "al2":
			return "AL2"
		case "windows2019":
			return "Windows2019"
		case "windows2022":
			return "Windows2022"
		case "windows2025":
			return "Windows2025"
		}
		return ""
	}
	return nc.AMIFamily
}

func cutAt(alias string) (family, version string) {
	for i := 0; i < len(alias); i++ {
		if alias[i] == '@' {
			return alias[:i], alias[i+1:]
		}
	}
	return alias, ""
}
