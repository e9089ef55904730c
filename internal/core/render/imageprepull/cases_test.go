package imageprepull

const digest = "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

// Golden cases: each renders testdata/golden/<name>.yaml.
var goldenCases = map[string]Spec{
	// The checkout images on the web pools, held back by a readiness rule
	// and the EBS CSI startup taint, pulled while the node waits.
	"web-pools": {
		Name:      "checkout-prepull",
		Images:    []string{"123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:v1.4.2" + digest, "public.ecr.aws/docker/library/nginx:1.27" + digest},
		NodePools: []string{"web", "web-on-demand"},
		Taints: []Taint{
			{Key: "readiness.k8s.io/vpc-cni", Value: "pending", Effect: "NoSchedule"},
			{Key: "ebs.csi.aws.com/agent-not-ready", Effect: "NoExecute"},
			{Key: "example.com/web", Value: "true", Effect: "NoSchedule"},
		},
	},
	// A GPU pool on an Auto Mode cluster, pod network instead of the
	// host's, a pull secret and a priority class.
	"gpu-pod-network": {
		Name:              "inference-prepull",
		Namespace:         "ml",
		Images:            []string{"nvcr.io/nvidia/tritonserver:25.01-py3" + digest},
		NodeSelector:      map[string]string{"eks.amazonaws.com/instance-gpu-manufacturer": "nvidia"},
		Taints:            []Taint{{Key: "nvidia.com/gpu", Effect: "NoSchedule"}},
		HostNetwork:       ptr(false),
		ImagePullSecrets:  []string{"ngc"},
		PriorityClassName: "system-node-critical",
		PauseImage:        "registry.k8s.io/pause:3.10",
	},
}

func ptr[T any](v T) *T { return &v }
