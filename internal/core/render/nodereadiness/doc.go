// Package nodereadiness renders NodeReadinessRules of the Node Readiness
// Controller (kubernetes-sigs/node-readiness-controller): a cluster-scoped
// readiness.node.x-k8s.io/v1alpha1 object that keeps a taint on the nodes
// it selects until the listed node conditions have the required status.
//
// The schema modelled is the CRD at commit 480abde5 of that repository
// (test/crds/node-readiness-controller holds the copy and its provenance):
// taint keys live under readiness.k8s.io/, enforcementMode is required, the
// node selector must not be empty. Rendered rules are also accepted by the
// early v1alpha1 CRD (config/crd/bases at 00ef9cbc) unless they use
// default_status, which that schema does not have.
//
// Node conditions are not set by the components themselves: a reporter
// (the project's node-readiness-reporter polling a health endpoint, Node
// Problem Detector, or the node-readiness-daemon prototype) writes them.
// Presets name the condition and say how to feed it.
//
// The rule's taint is also the NodePool's startup taint (StartupTaint), so
// Karpenter registers nodes already tainted and does not treat the taint as
// a reason to launch more capacity; the controller removes it when the
// conditions hold. It knows nothing of Terraform.
package nodereadiness

// What is rendered.
const (
	APIVersion = "readiness.node.x-k8s.io/v1alpha1"
	Kind       = "NodeReadinessRule"
	// TaintPrefix is the domain the CRD requires for every rule's taint key.
	TaintPrefix = "readiness.k8s.io/"
	// PinnedCommit is the node-readiness-controller commit whose CRD is modelled.
	PinnedCommit = "480abde533709892c54141d20c7165f9d9e6a2be"
	// NodePoolLabel selects the nodes of Karpenter NodePools.
	NodePoolLabel = "karpenter.sh/nodepool"
)

// Enumerations of the pinned CRD.
var (
	EnforcementModes = []string{"bootstrap-only", "continuous"}
	Statuses         = []string{"True", "False", "Unknown"}
	TaintEffects     = []string{"NoSchedule", "PreferNoSchedule", "NoExecute"}
)

// Defaults: gate new nodes once (bootstrap-only), keep pods off them
// (NoSchedule) with the value the project's examples use.
const (
	DefaultEnforcementMode = "bootstrap-only"
	DefaultTaintEffect     = "NoSchedule"
	DefaultTaintValue      = "pending"
	DefaultRequiredStatus  = "True"
)
