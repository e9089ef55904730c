package circuitbreaker

func ptr[T any](v T) *T { return &v }

// Golden cases: each renders testdata/golden/<name>.yaml.
var cases = map[string]Spec{
	// The guide's checkout service: 20 baseline pods at 50 req/s each,
	// 200 ms per request, new pods ready in 45 s, behind 3 gateway replicas.
	"checkout-derived": {
		Namespace: "shop", Host: "checkout.shop.svc.cluster.local",
		RequestsPerSecondPerPod: 50, ServiceSeconds: 0.2, ReadyReplicas: 20,
		ClientProxies: ptr(int64(3)), SecondsUntilReady: 45,
	},
	// Concurrency given, warm-up for new pods, and user overrides.
	"api-overrides-warmup": {
		Name: "api", Namespace: "api", Host: "api",
		RequestsPerSecondPerPod: 200, ConcurrencyPerPod: ptr(int64(64)), ReadyReplicas: 6,
		SecondsUntilReady: 8, TargetUtilization: ptr(0.6), WarmupSeconds: ptr(30.0),
		Overrides: "connectionPool:\n  tcp:\n    connectTimeout: 500ms\n  http:\n    idleTimeout: 60s\noutlierDetection:\n  consecutiveGatewayErrors: 3\n  maxEjectionPercent: 25\n",
	},
}
