package imageprepull

// Spec is the input for one pre-pull DaemonSet.
type Spec struct {
	Name      string
	Namespace string // default kube-system

	// Images to pull, pinned by tag and preferably digest
	// (repo:tag@sha256:...). :latest and untagged references are warned
	// about: a cached copy is never refreshed.
	Images []string

	// NodePools whose nodes get the images (node affinity on
	// karpenter.sh/nodepool); NodeSelector adds labels. At least one.
	NodePools    []string
	NodeSelector map[string]string

	// Taints of those pools, startup taints included: each becomes a
	// toleration, so the pull starts while the node is still held back.
	Taints []Taint

	// HostNetwork (default true): no pod IP, starts before the CNI is
	// ready. Needs a namespace whose Pod Security level allows host
	// networking (kube-system usually does; baseline does not).
	HostNetwork *bool

	PauseImage        string
	HelperImage       string
	ImagePullSecrets  []string
	PriorityClassName string
}

// Taint is a node taint to tolerate (as NodePool taints and startup
// taints are written).
type Taint struct {
	Key, Value, Effect string
}

// WithDefaults fills in the defaults.
func (s Spec) WithDefaults() Spec {
	if s.Namespace == "" {
		s.Namespace = DefaultNamespace
	}
	if s.PauseImage == "" {
		s.PauseImage = DefaultPauseImage
	}
	if s.HelperImage == "" {
		s.HelperImage = DefaultHelperImage
	}
	if s.HostNetwork == nil {
		t := true
		s.HostNetwork = &t
	}
	return s
}
