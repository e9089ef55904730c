package cloudwatch

import "time"

// SetWaitTimings lets the acceptance tests (package cloudwatch_test) poll
// the emulator quickly.
func SetWaitTimings(minDelay, maxDelay, propagation time.Duration) {
	pollMinDelay, pollMaxDelay, propagationTimeout = minDelay, maxDelay, propagation
}
