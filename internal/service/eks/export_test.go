package eks

import "time"

// SetWaitTimings lets the acceptance tests (package eks_test) shrink the
// waiters' backoff for the emulator's 300 ms updates.
func SetWaitTimings(minDelay, maxDelay, propagation time.Duration) {
	pollMinDelay, pollMaxDelay, propagationTimeout = minDelay, maxDelay, propagation
}
