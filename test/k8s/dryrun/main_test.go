// Package dryrun applies every rendered object to a real kube-apiserver with
// server-side dry run: golden objects must be accepted, known-invalid ones
// rejected, so our plan-time validators and the server agree.
package dryrun

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

func TestMain(m *testing.M) { cluster.Main(m) }
