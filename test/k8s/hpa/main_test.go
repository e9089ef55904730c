// Package hpa measures the HPA's decision stage on the local
// kube-controller-manager: the time from an external metric crossing its
// target to the HPA writing the new replica count, with
// --horizontal-pod-autoscaler-sync-period at 15 s (the default) and 10 s
// (the shortest EKS allows, on provisioned control-plane tiers).
//
// The metric is served by the test itself: an HTTPS server implementing
// external.metrics.k8s.io/v1beta1, registered with an APIService. The
// aggregator reaches it through --enable-aggregator-routing and an
// EndpointSlice on this machine's own interface address (the API server
// refuses loopback endpoints).
//
// TestHPAExternalMetricScalesUp (every `make test-k8s`) asserts the HPA
// reads the metric and scales up; TestHPADecisionLatency (`make
// measure-hpa`) measures the distribution.
package hpa

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

func TestMain(m *testing.M) { cluster.Main(m) }
