// Package warmmodes measures the four ways a burst of pods can find room,
// side by side, on the local control plane with the real kube-scheduler,
// kube-controller-manager and Karpenter (its KWOK cloud provider):
//
//   - pause pods: priority -1 pods that workload pods preempt;
//   - a CapacityBuffer (autoscaling.x-k8s.io/v1beta1, feature gate
//     CapacityBuffer): Karpenter keeps free room for virtual pods;
//   - a static NodePool (spec.replicas, feature gate StaticCapacity) whose
//     nodes have free room;
//   - no warm capacity: Karpenter provisions nodes for the pending pods.
//
// TestWarmModesBehaviour (every `make test-k8s`) asserts what each mode does
// with a small burst: every pod binds, pause pods are preempted, pods beyond
// the warm room trigger a NodeClaim. It never asserts a time.
// TestWarmModesLatency (`make measure-warm`) measures pod created to bound
// for bursts of 10, 100 and 500 and prints the table the warm-pool
// benchmark guide reports.
package warmmodes

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

func TestMain(m *testing.M) { cluster.Main(m) }
