package ecr

import (
	"time"

	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

// SetWaitTimings lets the acceptance tests (package ecr_test) poll the
// emulator quickly.
func SetWaitTimings(minDelay, maxDelay, propagation time.Duration) {
	pollDelays, propagationTimeout = tfresource.Backoff{Min: minDelay, Max: maxDelay}, propagation
}
