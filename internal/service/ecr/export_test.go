package ecr

import "time"

// SetWaitTimings lets the acceptance tests (package ecr_test) poll the
// emulator quickly.
func SetWaitTimings(minDelay, maxDelay, propagation time.Duration) {
	pollMinDelay, pollMaxDelay, propagationTimeout = minDelay, maxDelay, propagation
}
