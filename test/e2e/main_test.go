package e2e

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

// TestMain stops the shared Kubernetes control plane when the tests end.
func TestMain(m *testing.M) { cluster.Main(m) }
