// Package emulator is a local AWS endpoint for the few APIs this provider
// manages. It speaks each service's real wire protocol, so the unmodified
// aws-sdk-go-v2 clients talk to it through endpoint overrides. It keeps real
// state (clusters, updates, rules, streams) and real transitions, and has a
// fault-injection surface for tests. It knows nothing of Terraform.
//
// The protocols and the dispatch live in package server, each service in a
// package of its own (eks, ecr, cloudwatch); this package puts them
// together and serves the control routes.
package emulator

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/cloudwatch"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/ecr"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/eks"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// DefaultUpdateDelay is how long an EKS update stays InProgress when
// Options.UpdateDelay is zero.
const DefaultUpdateDelay = 2 * time.Second

// Options tune the emulator's behaviour. Zero values get sensible defaults.
type Options struct {
	// Region and AccountID are used in the ARNs the emulator returns.
	Region    string
	AccountID string
	// UpdateDelay is how long an EKS cluster update stays InProgress; zero
	// means DefaultUpdateDelay. EKS().SetUpdateDelay("", 0) makes updates
	// finish at once.
	UpdateDelay time.Duration
	// MaxBodyBytes caps a request body (server.DefaultMaxBodyBytes if 0).
	MaxBodyBytes int64
	// ControlToken, when set, must be sent as "Authorization: Bearer
	// <token>" on every control route.
	ControlToken string
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
		o.UpdateDelay = DefaultUpdateDelay
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = server.DefaultMaxBodyBytes
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Seeding types of the services, for callers that only import this package.
type (
	ClusterSeed = eks.ClusterSeed
	SecretSeed  = ecr.SecretSeed
)

// Fault injection and call counting, from package server.
type (
	Fault     = server.Fault
	FaultKind = server.FaultKind
	Faults    = server.Faults
	CallLog   = server.CallLog
)

// The fault kinds.
const (
	FaultThrottle    = server.FaultThrottle
	FaultServerError = server.FaultServerError
	FaultUnavailable = server.FaultUnavailable
	FaultNotFound    = server.FaultNotFound
	FaultLostReply   = server.FaultLostReply
	FaultSlow        = server.FaultSlow
)

// Emulator is the in-memory AWS endpoint. It is an http.Handler.
type Emulator struct {
	opts   Options
	Faults *Faults
	Calls  *CallLog

	eks        *eks.Service
	ecr        *ecr.Service
	cloudwatch *cloudwatch.Service
	api        *server.Server

	mu       sync.Mutex
	http     *http.Server
	listener net.Listener
}

// New builds an emulator with every service.
func New(opts Options) *Emulator {
	opts = opts.withDefaults()
	env := server.Env{Region: opts.Region, AccountID: opts.AccountID, Now: func() time.Time { return opts.Now().UTC() }}
	e := &Emulator{opts: opts, Faults: server.NewFaults(), Calls: server.NewCallLog()}
	e.eks = eks.New(env, opts.UpdateDelay)
	e.ecr = ecr.New(env, e.Faults)
	e.cloudwatch = cloudwatch.New(env)
	e.api = &server.Server{
		Services:     []*server.Service{e.eks.Definition(), e.ecr.Definition(), e.cloudwatch.Definition()},
		Faults:       e.Faults,
		Calls:        e.Calls,
		MaxBodyBytes: opts.MaxBodyBytes,
	}
	return e
}

// EKS is the emulated EKS, for seeding clusters and EKS-only faults.
func (e *Emulator) EKS() *eks.Service { return e.eks }

// ECR is the emulated ECR registry.
func (e *Emulator) ECR() *ecr.Service { return e.ecr }

// CloudWatch is the emulated CloudWatch.
func (e *Emulator) CloudWatch() *cloudwatch.Service { return e.cloudwatch }

// ServeHTTP serves the control routes and the services' APIs.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if isControlPath(r.URL.Path) {
		e.serveControl(w, r)
		return
	}
	if !e.api.Serve(w, r) {
		http.Error(w, "emulator: no service handles "+r.Method+" "+r.URL.Path, http.StatusNotFound)
	}
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
	e.http = &http.Server{Handler: e, ReadHeaderTimeout: 10 * time.Second}
	e.mu.Unlock()
	go func() { _ = e.http.Serve(l) }()
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
	srv := e.http
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
	for _, s := range e.api.Services {
		s.Reset()
	}
	e.Faults.Clear()
	e.Calls.Clear()
}
