// Package circuitbreaker renders an Istio DestinationRule
// (networking.istio.io/v1, Istio 1.32) that protects a service while new
// capacity arrives: connection-pool limits sized from what the ready pods
// can hold, and outlier detection timed by how long new pods take to be
// ready, with every derived number explained. Users may add trafficPolicy
// fields of their own; they are checked against the DestinationRule
// schema, and fields the usual guides write that were deprecated or never
// existed fail with the correct form named. It knows nothing of Terraform.
package circuitbreaker

// APIVersion of the DestinationRule. Istio 1.32 serves DestinationRule as
// v1, v1beta1 and v1alpha3 with one schema; v1 is the stable name.
const APIVersion = "networking.istio.io/v1"

// Defaults, each documented in the data source schema.
const (
	DefaultNamespace           = "default"
	DefaultClientProxies       = int64(1)
	DefaultTargetUtilization   = 0.7
	DefaultMaxQueueWaitSeconds = 1.0
	DefaultRetryShare          = 0.2
	DefaultConsecutive5xx      = int64(5)
	managedBy                  = "terraform-provider-scaling"
)

// Spec is everything the renderer needs.
type Spec struct {
	// Name defaults to the host's first label.
	Name, Namespace string
	// Host is the service (short name, name.namespace or FQDN).
	Host string

	// RequestsPerSecondPerPod is what one pod serves at its target load.
	RequestsPerSecondPerPod float64
	// ConcurrencyPerPod is the requests one pod holds in flight; when nil
	// it is RequestsPerSecondPerPod x ServiceSeconds (Little's law).
	ConcurrencyPerPod *int64
	ServiceSeconds    float64
	// ReadyReplicas are the pods serving while new ones start (e.g. the
	// baseline replicas).
	ReadyReplicas int64
	// ClientProxies is how many Envoy sidecars or gateways call the
	// service: Envoy's limits hold per client proxy (default 1).
	ClientProxies *int64
	// SecondsUntilReady is how long a new pod takes to be ready (e.g.
	// scaling_latency_estimate's p95).
	SecondsUntilReady float64
	// TargetUtilization is the autoscaler's target (default 0.7): the
	// headroom 1-u is what ejected pods may take away.
	TargetUtilization *float64
	// MaxQueueWaitSeconds is how long a request may wait for a connection
	// before Envoy answers 503 (default 1).
	MaxQueueWaitSeconds *float64
	// RetryShare is the share of active requests that may be retries at
	// once (default 0.2).
	RetryShare *float64
	// Consecutive5xxErrors ejects a pod after that many 5xx in a row
	// (default 5, Istio's; 0 turns it off).
	Consecutive5xxErrors *int64
	// WarmupSeconds, when set, ramps traffic to new pods over that long
	// (loadBalancer LEAST_REQUEST with warmup).
	WarmupSeconds *float64
	// Overrides are trafficPolicy fields of the user's (YAML or JSON),
	// merged over the derived ones.
	Overrides string
}
