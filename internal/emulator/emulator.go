// Package emulator is a local AWS endpoint for the few APIs this provider
// manages. It speaks each service's real wire protocol, so the unmodified
// aws-sdk-go-v2 clients talk to it through endpoint overrides. It keeps real
// state (clusters, updates, rules, streams) and real transitions, and has a
// fault-injection surface for tests. It knows nothing of Terraform.
package emulator

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"time"
)

// Options tune the emulator's behaviour. Zero values get sensible defaults.
type Options struct {
	// Region and AccountID are used in the ARNs the emulator returns.
	Region    string
	AccountID string
	// UpdateDelay is how long an EKS cluster update stays InProgress.
	UpdateDelay time.Duration
	// Now lets tests control the clock; defaults to time.Now.
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.Region == "" {
		o.Region = "us-east-1"
	}
	if o.AccountID == "" {
		o.AccountID = "123456789012"
	}
	if o.UpdateDelay == 0 {
		o.UpdateDelay = 2 * time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// service is one emulated AWS service. Each speaks its own protocol.
type service interface {
	// name is the service's short name, used for faults and call counts ("eks").
	name() string
	// operation names the API operation a request is for, or "" if the
	// request is not for this service.
	operation(r *http.Request) string
	// serve handles one request for op; errors are written with writeError.
	serve(w http.ResponseWriter, r *http.Request, op string)
	// writeError renders an API error in the service's protocol.
	writeError(w http.ResponseWriter, err *APIError)
	// notFound is the error this service returns for a missing resource;
	// used by the NotFound fault.
	notFound() *APIError
	// reset drops all state.
	reset()
}

// Emulator is the in-memory AWS endpoint. It is an http.Handler.
type Emulator struct {
	opts     Options
	Faults   *Faults
	Calls    *CallLog
	services []service

	mu       sync.Mutex
	server   *http.Server
	listener net.Listener
}

// New builds an emulator with every service registered.
func New(opts Options) *Emulator {
	opts = opts.withDefaults()
	e := &Emulator{opts: opts, Faults: newFaults(), Calls: newCallLog()}
	for _, register := range serviceRegistry {
		e.services = append(e.services, register(e))
	}
	return e
}

// serviceRegistry lists the constructors of every emulated service; each
// service file adds itself in an init function so services stay independent.
var serviceRegistry []func(*Emulator) service

func registerService(f func(*Emulator) service) { serviceRegistry = append(serviceRegistry, f) }

// ServeHTTP routes a request to its service, applying injected faults first.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if isControlPath(r.URL.Path) {
		e.serveControl(w, r)
		return
	}
	for _, s := range e.services {
		op := s.operation(r)
		if op == "" {
			continue
		}
		e.Calls.record(s.name(), op)
		if f, ok := e.Faults.take(s.name(), op); ok {
			s.writeError(w, f.apiError(s))
			return
		}
		s.serve(w, r, op)
		return
	}
	http.Error(w, "emulator: no service handles "+r.Method+" "+r.URL.Path, http.StatusNotFound)
}

// Start listens on addr (use "127.0.0.1:0" for a free port) and serves in
// the background. It returns the endpoint URL.
func (e *Emulator) Start(addr string) (string, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return "", err
	}
	e.mu.Lock()
	e.listener = l
	e.server = &http.Server{Handler: e, ReadHeaderTimeout: 10 * time.Second}
	e.mu.Unlock()
	go func() { _ = e.server.Serve(l) }()
	return e.URL(), nil
}

// URL is the base endpoint of a started emulator.
func (e *Emulator) URL() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.listener == nil {
		return ""
	}
	return "http://" + e.listener.Addr().String()
}

// Close stops a started emulator.
func (e *Emulator) Close() error {
	e.mu.Lock()
	srv := e.server
	e.mu.Unlock()
	if srv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := srv.Shutdown(ctx)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Reset drops all state, faults and call counts.
func (e *Emulator) Reset() {
	for _, s := range e.services {
		s.reset()
	}
	e.Faults.Clear()
	e.Calls.Clear()
}

func (e *Emulator) now() time.Time { return e.opts.Now().UTC() }
