// Package imageprepull renders a DaemonSet that pulls a list of images onto
// every node of given NodePools, so pods scheduled there later start
// without an image pull. It is the pre-pull path for nodes without a user
// data hook (Bottlerocket, EKS Auto Mode) and works on AL2023 too.
//
// How it pulls: one init container per image, each run with the image and
// a command that exits at once. Images often have no shell or `true`
// (distroless, scratch), so the first init container copies a statically
// linked busybox into an emptyDir, and every image's init container runs
// /prepull/true from that volume (busybox picks its applet from the name it
// is called by). A pause container then keeps the pod, and with it the
// images, on the node: the kubelet does not garbage-collect images that a
// running pod uses. Init containers run one after another, so the images of
// one node are pulled in order.
//
// The pods use the host network by default: they then need no pod IP and
// start before the CNI is ready, pulling while the node is still held back
// by its startup taints (which they tolerate). It knows nothing of Terraform.
package imageprepull

// Defaults.
const (
	DefaultNamespace = "kube-system"
	// DefaultPauseImage is the main container; multi-arch, about 300 KB.
	DefaultPauseImage = "registry.k8s.io/pause:3.10"
	// DefaultHelperImage supplies the static busybox (the musl variant is
	// statically linked, so it runs inside any image of the same arch).
	DefaultHelperImage = "public.ecr.aws/docker/library/busybox:1.37.0-musl"
	// The shared volume and the command each image runs.
	BinVolume  = "prepull-bin"
	BinDir     = "/prepull"
	ExitBinary = BinDir + "/true"
	// Tiny requests so the DaemonSet does not disturb bin-packing: the
	// containers only exec a no-op or pause.
	RequestCPU    = "1m"
	RequestMemory = "8Mi"
	LimitMemory   = "32Mi"
	// MaxImages keeps the pod spec well inside the API's limits and the
	// node's pull time bounded.
	MaxImages = 50
	// NodePoolLabel selects the nodes of Karpenter (and Auto Mode) pools.
	NodePoolLabel = "karpenter.sh/nodepool"
	ManagedBy     = "terraform-provider-scaling"
)

// SOCI is how to turn on SOCI parallel pull and unpack (faster pulls of
// large images, no index needed) for the node types that support it; it is
// a node setting, not part of the DaemonSet.
var SOCI = map[string]string{
	"bottlerocket": "Bottlerocket 1.44.0 and later: in the EC2NodeClass user data (TOML)\n" +
		"[settings.container-runtime]\nsnapshotter = \"soci\"\n" +
		"[settings.container-runtime-plugins.soci-snapshotter]\npull-mode = \"parallel-pull-unpack\"\n",
	"al2023": "AL2023 EKS AMIs: the nodeadm NodeConfig feature gate FastImagePull (experimental; AWS reports slower pulls " +
		"below 600 MiB/s of root volume throughput, so raise the gp3 throughput with it):\n" +
		"apiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\nspec:\n  featureGates:\n    FastImagePull: true\n",
	"auto_mode": "EKS Auto Mode: no NodeClass setting; Auto Mode manages the container runtime itself.",
}
