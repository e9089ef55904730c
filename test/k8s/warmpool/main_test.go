// Package warmpool shows warm capacity working with the real kube-scheduler:
// fake nodes (kwok) sized like m6i.xlarge are filled with pause pods at
// priority -1, then a burst of workload pods at priority 0 preempts them and
// binds to the warm nodes. It also measures pod-created to pod-bound latency.
package warmpool

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

func TestMain(m *testing.M) { cluster.Main(m) }
