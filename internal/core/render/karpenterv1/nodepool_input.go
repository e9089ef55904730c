package karpenterv1

// NodePool is the input for one karpenter.sh/v1 NodePool. Nil slices and
// pointers take the fast-scaling defaults below; empty (non-nil) slices
// mean "no requirement".
type NodePool struct {
	Name string

	// NodeClass is the EC2NodeClass (or other node class) the nodes use.
	NodeClass NodeClassRef

	Requirements Requirements

	Labels      map[string]string
	Annotations map[string]string
	Taints      []Taint
	// StartupTaints are removed by an agent (e.g. a CNI) once the node is ready.
	StartupTaints []Taint

	// ExpireAfter goes in spec.template.spec (not under disruption).
	ExpireAfter            *string
	TerminationGracePeriod *string

	Disruption Disruption
	// Limits caps the pool (cpu, memory, nvidia.com/gpu...), as quantities.
	Limits map[string]string
	// Weight 1-100; higher is tried first. Nil leaves it unset.
	Weight *int64

	// NodeClassSelectsReservations says whether the referenced node class
	// has capacity reservation selector terms, when the caller knows (nil:
	// unknown). False with only capacity type reserved fails: nothing would
	// select the reservations.
	NodeClassSelectsReservations *bool
}

// NodeClassRef points at the node class.
type NodeClassRef struct {
	Group, Kind, Name string
}

// Requirements are the typed scheduling requirements; Custom holds the rest.
type Requirements struct {
	InstanceCategories []string // karpenter.k8s.aws/instance-category In
	InstanceFamilies   []string // karpenter.k8s.aws/instance-family In
	InstanceTypes      []string // node.kubernetes.io/instance-type In
	InstanceSizes      []string // karpenter.k8s.aws/instance-size In
	// MinInstanceGeneration renders instance-generation Gt (n-1); 0 = none.
	MinInstanceGeneration *int64
	CapacityTypes         []string // karpenter.sh/capacity-type In
	Architectures         []string // kubernetes.io/arch In
	Zones                 []string // topology.kubernetes.io/zone In
	Custom                []Requirement
}

// Requirement is one node selector requirement.
type Requirement struct {
	Key       string
	Operator  string
	Values    []string
	MinValues *int64
}

// Taint is a node taint.
type Taint struct {
	Key, Value, Effect string
}

// Disruption is spec.disruption.
type Disruption struct {
	ConsolidationPolicy string
	ConsolidateAfter    *string
	// Budgets nil = Karpenter's default (10% of nodes at a time).
	Budgets []Budget
}

// Budget limits how many nodes may be disrupted at once.
type Budget struct {
	Nodes    string
	Schedule string
	Duration string
	Reasons  []string
}

// Fast-scaling defaults: broad instance flexibility (three categories, any
// recent generation, any size) so Karpenter can pick the cheapest capacity
// that is available right now, spot and on-demand, and quick consolidation.
var (
	DefaultInstanceCategories    = []string{"c", "m", "r"}
	DefaultMinInstanceGeneration = int64(5)
	DefaultCapacityTypes         = []string{"spot", "on-demand"}
	DefaultArchitectures         = []string{"amd64"}
	DefaultConsolidationPolicy   = "WhenEmptyOrUnderutilized"
	DefaultConsolidateAfter      = "1m"
	DefaultExpireAfter           = "720h"
	DefaultNodeClassName         = "default"
)

// Known enumerations (karpenter.sh/v1, v1.14.1).
var (
	Operators             = []string{"In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt", "Gte", "Lte"}
	ConsolidationPolicies = []string{"WhenEmpty", "WhenEmptyOrUnderutilized", "Balanced"}
	DisruptionReasons     = []string{"Underutilized", "Empty", "Drifted"}
	TaintEffects          = []string{"NoSchedule", "PreferNoSchedule", "NoExecute"}
	CapacityTypes         = []string{"spot", "on-demand", "reserved"}
	Architectures         = []string{"amd64", "arm64"}
)

// AutoMode reports whether the pool's nodes come from EKS Auto Mode (its
// node class is an eks.amazonaws.com NodeClass).
func (np NodePool) AutoMode() bool { return np.NodeClass.Group == EKSAutoNodeClassGroup }

// LabelKeys are the instance label keys of the pool's node class family.
func (np NodePool) LabelKeys() LabelKeys {
	if np.AutoMode() {
		return EKSAutoLabelKeys
	}
	return KarpenterLabelKeys
}

// WithDefaults returns np with every unset field given its default.
func (np NodePool) WithDefaults() NodePool {
	if np.NodeClass.Group == "" {
		np.NodeClass.Group = EC2NodeClassGroup
	}
	if np.NodeClass.Kind == "" {
		np.NodeClass.Kind = EC2NodeClassKind
		if np.NodeClass.Group == EKSAutoNodeClassGroup {
			np.NodeClass.Kind = EKSAutoNodeClassKind
		}
	}
	if np.NodeClass.Name == "" {
		np.NodeClass.Name = DefaultNodeClassName
	}
	r := &np.Requirements
	if r.InstanceCategories == nil && r.InstanceFamilies == nil && r.InstanceTypes == nil {
		r.InstanceCategories = DefaultInstanceCategories
	}
	if r.MinInstanceGeneration == nil && r.InstanceFamilies == nil && r.InstanceTypes == nil {
		g := DefaultMinInstanceGeneration
		r.MinInstanceGeneration = &g
	}
	if r.CapacityTypes == nil {
		r.CapacityTypes = DefaultCapacityTypes
	}
	if r.Architectures == nil {
		r.Architectures = DefaultArchitectures
	}
	if np.ExpireAfter == nil {
		v := DefaultExpireAfter
		np.ExpireAfter = &v
	}
	if np.Disruption.ConsolidationPolicy == "" {
		np.Disruption.ConsolidationPolicy = DefaultConsolidationPolicy
	}
	if np.Disruption.ConsolidateAfter == nil {
		v := DefaultConsolidateAfter
		np.Disruption.ConsolidateAfter = &v
	}
	return np
}
