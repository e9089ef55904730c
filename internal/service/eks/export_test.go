package eks

import (
	"time"

	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

// SetWaitTimings lets the acceptance tests (package eks_test) shrink the
// waiters' backoff for the emulator's 300 ms updates.
func SetWaitTimings(minDelay, maxDelay, propagation time.Duration) {
	pollDelays, propagationTimeout = tfresource.Backoff{Min: minDelay, Max: maxDelay}, propagation
}
