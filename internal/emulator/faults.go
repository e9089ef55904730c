package emulator

import (
	"fmt"
	"sync"
)

// FaultKind names a kind of injected failure.
type FaultKind string

const (
	// FaultThrottle answers 429 ThrottlingException, which the SDK retries.
	FaultThrottle FaultKind = "throttle"
	// FaultServerError answers 500 InternalFailure, which the SDK retries.
	FaultServerError FaultKind = "server_error"
	// FaultUnavailable answers 503 ServiceUnavailable.
	FaultUnavailable FaultKind = "unavailable"
	// FaultNotFound answers the service's not-found error, as an eventually
	// consistent read right after a create does.
	FaultNotFound FaultKind = "not_found"
)

// Fault makes the next Count calls of one operation fail with Kind.
type Fault struct {
	Service   string    `json:"service"`
	Operation string    `json:"operation"`
	Kind      FaultKind `json:"kind"`
	Count     int       `json:"count"`
}

func (f Fault) validate() error {
	switch f.Kind {
	case FaultThrottle, FaultServerError, FaultUnavailable, FaultNotFound:
	default:
		return fmt.Errorf("unknown fault kind %q (use throttle, server_error, unavailable or not_found)", f.Kind)
	}
	if f.Service == "" || f.Operation == "" {
		return fmt.Errorf("a fault needs service and operation")
	}
	if f.Count < 1 {
		return fmt.Errorf("fault count must be at least 1")
	}
	return nil
}

func (f Fault) apiError(s service) *APIError {
	switch f.Kind {
	case FaultThrottle:
		return errThrottling()
	case FaultServerError:
		return errInternal()
	case FaultUnavailable:
		return errServiceUnavailable()
	default:
		return s.notFound()
	}
}

// Faults holds the pending injected faults.
type Faults struct {
	mu      sync.Mutex
	pending []Fault
}

func newFaults() *Faults { return &Faults{} }

// Inject queues a fault. Faults for the same operation are used in order.
func (fs *Faults) Inject(f Fault) error {
	if err := f.validate(); err != nil {
		return err
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.pending = append(fs.pending, f)
	return nil
}

// Clear drops every pending fault.
func (fs *Faults) Clear() {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.pending = nil
}

// Pending returns a copy of the faults not yet used up.
func (fs *Faults) Pending() []Fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return append([]Fault(nil), fs.pending...)
}

// take consumes one occurrence of the first fault matching service and op.
func (fs *Faults) take(svc, op string) (Fault, bool) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for i, f := range fs.pending {
		if f.Service != svc || f.Operation != op {
			continue
		}
		fs.pending[i].Count--
		if fs.pending[i].Count == 0 {
			fs.pending = append(fs.pending[:i], fs.pending[i+1:]...)
		}
		return f, true
	}
	return Fault{}, false
}
