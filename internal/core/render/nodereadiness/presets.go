package nodereadiness

import (
	"slices"
	"sort"
)

// Preset is a condition for a component a fast-scaling node waits on. None
// of these components writes a node condition itself; Feed says what does.
type Preset struct {
	Name          string
	Component     string
	ConditionType string
	// CheckEndpoint is the URL the node-readiness-reporter polls
	// (CHECK_ENDPOINT) for this component; "" when the component serves no
	// HTTP health endpoint.
	CheckEndpoint string
	// HostNetwork says whether a reporter DaemonSet needs hostNetwork to
	// reach CheckEndpoint (false: run the reporter as a sidecar in the
	// component's own pod).
	HostNetwork bool
	Feed        string
}

// ConditionDomain prefixes the presets' condition types. The components
// do not define condition types of their own, so the presets use one
// domain rather than borrow the vendors'.
const ConditionDomain = "readiness.scalingkit.io"

// Presets by name.
var Presets = map[string]Preset{
	"vpc_cni": {
		Name:          "vpc_cni",
		Component:     "Amazon VPC CNI (aws-node DaemonSet)",
		ConditionType: ConditionDomain + "/VPCCNIReady",
		CheckEndpoint: "http://127.0.0.1:61679/v1/enis",
		HostNetwork:   true,
		Feed: "aws-node runs on the host network and serves its introspection API on 127.0.0.1:61679 only after ipamd " +
			"has initialised the node's ENIs; run the node-readiness-reporter as a DaemonSet with hostNetwork: true, " +
			"CHECK_ENDPOINT=http://127.0.0.1:61679/v1/enis and CONDITION_TYPE=" + ConditionDomain + "/VPCCNIReady " +
			"(keep DISABLE_INTROSPECTION unset on aws-node).",
	},
	"ebs_csi": {
		Name:          "ebs_csi",
		Component:     "Amazon EBS CSI driver (ebs-csi-node DaemonSet)",
		ConditionType: ConditionDomain + "/EBSCSIReady",
		CheckEndpoint: "http://localhost:9808/healthz",
		HostNetwork:   false,
		Feed: "ebs-csi-node's liveness-probe sidecar serves /healthz on port 9808 inside the pod; run the " +
			"node-readiness-reporter as a sidecar of ebs-csi-node with CHECK_ENDPOINT=http://localhost:9808/healthz and " +
			"CONDITION_TYPE=" + ConditionDomain + "/EBSCSIReady. Without a rule, the driver's own startup taint " +
			"ebs.csi.aws.com/agent-not-ready:NoExecute (removed by the driver when it starts) gives a simpler gate.",
	},
	"nvidia_device_plugin": {
		Name:          "nvidia_device_plugin",
		Component:     "NVIDIA device plugin (nvidia-device-plugin DaemonSet)",
		ConditionType: ConditionDomain + "/NVIDIADevicePluginReady",
		Feed: "the device plugin serves no HTTP health endpoint; report the condition with a Node Problem Detector " +
			"custom plugin (for example one that runs nvidia-smi and checks the node's allocatable nvidia.com/gpu) " +
			"or a node-readiness-reporter sidecar polling an endpoint you serve.",
	},
}

// PresetNames lists the presets, sorted.
func PresetNames() []string {
	names := make([]string, 0, len(Presets))
	for n := range Presets {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func isPreset(name string) bool { return slices.Contains(PresetNames(), name) }
