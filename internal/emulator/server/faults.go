package server

import (
	"encoding/json"
	"fmt"
	"sync"
	"time"
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
	// FaultLostReply lets the operation take effect and then answers 500
	// InternalFailure, as when the reply is lost on the way back: the SDK
	// retries a call that already happened. It is used by the next Count
	// calls that succeed.
	FaultLostReply FaultKind = "lost_reply"
	// FaultSlow holds the call for Delay before it runs normally, as a
	// slow service does: a client whose deadline passes (or whose context
	// is canceled, or whose process is interrupted) gives up while the
	// operation still takes effect.
	FaultSlow FaultKind = "slow"
)

// MaxFaultDelay bounds a slow fault's delay.
const MaxFaultDelay = 10 * time.Minute

// Fault makes the next Count calls of one operation fail with Kind.
type Fault struct {
	Service   string    `json:"service"`
	Operation string    `json:"operation"`
	Kind      FaultKind `json:"kind"`
	Count     int       `json:"count"`
	// Delay is how long a slow fault holds the call ("delay": "3s" in JSON).
	Delay time.Duration `json:"-"`
}

type faultJSON struct {
	Service   string    `json:"service"`
	Operation string    `json:"operation"`
	Kind      FaultKind `json:"kind"`
	Count     int       `json:"count"`
	Delay     string    `json:"delay,omitempty"`
}

// MarshalJSON writes Delay as a Go duration string.
func (f Fault) MarshalJSON() ([]byte, error) {
	out := faultJSON{f.Service, f.Operation, f.Kind, f.Count, ""}
	if f.Delay != 0 {
		out.Delay = f.Delay.String()
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads Delay as a Go duration string ("3s").
func (f *Fault) UnmarshalJSON(b []byte) error {
	var in faultJSON
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	*f = Fault{Service: in.Service, Operation: in.Operation, Kind: in.Kind, Count: in.Count}
	if in.Delay != "" {
		d, err := time.ParseDuration(in.Delay)
		if err != nil {
			return fmt.Errorf("delay: %w", err)
		}
		f.Delay = d
	}
	return nil
}

func (f Fault) validate() error {
	switch f.Kind {
	case FaultThrottle, FaultServerError, FaultUnavailable, FaultNotFound, FaultLostReply, FaultSlow:
	default:
		return fmt.Errorf("unknown fault kind %q (use throttle, server_error, unavailable, not_found, lost_reply or slow)", f.Kind)
	}
	if f.Service == "" || f.Operation == "" {
		return fmt.Errorf("a fault needs service and operation")
	}
	if f.Count < 1 {
		return fmt.Errorf("fault count must be at least 1")
	}
	if (f.Kind == FaultSlow) != (f.Delay > 0) || f.Delay > MaxFaultDelay {
		return fmt.Errorf("a slow fault, and only a slow fault, needs a delay between 0 and %s", MaxFaultDelay)
	}
	return nil
}

func (f Fault) apiError(s *Service, op string) *APIError {
	switch f.Kind {
	case FaultThrottle:
		return ErrThrottling()
	case FaultServerError, FaultLostReply:
		return ErrInternal()
	case FaultUnavailable:
		return ErrServiceUnavailable()
	default:
		return s.NotFound(op)
	}
}

// Faults holds the pending injected faults.
type Faults struct {
	mu      sync.Mutex
	pending []Fault
}

// NewFaults is an empty fault queue.
func NewFaults() *Faults { return &Faults{} }

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

// ClearService drops the pending faults of one service, or of one
// operation of it when op is not empty.
func (fs *Faults) ClearService(svc, op string) int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	kept := fs.pending[:0]
	dropped := 0
	for _, f := range fs.pending {
		if f.Service == svc && (op == "" || f.Operation == op) {
			dropped++
			continue
		}
		kept = append(kept, f)
	}
	fs.pending = kept
	return dropped
}

// takeBefore consumes one occurrence of the first fault for svc:op that
// fails the call before it runs.
func (fs *Faults) takeBefore(svc, op string) (Fault, bool) {
	return fs.take(svc, op, func(k FaultKind) bool { return k != FaultLostReply })
}

// takeLostReply consumes one lost-reply fault for svc:op, after the call
// succeeded.
func (fs *Faults) takeLostReply(svc, op string) (Fault, bool) {
	return fs.take(svc, op, func(k FaultKind) bool { return k == FaultLostReply })
}

// take consumes one occurrence of the first fault matching service, op and
// kind.
func (fs *Faults) take(svc, op string, kind func(FaultKind) bool) (Fault, bool) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for i, f := range fs.pending {
		if f.Service != svc || f.Operation != op || !kind(f.Kind) {
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
