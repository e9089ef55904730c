// Package eks is the emulated EKS control plane: clusters, their
// control-plane tier and its updates, and the Kubernetes versions with
// their tiers. It speaks restJson1 through the server package, with the
// SDK's own input and output types.
package eks

import (
	"crypto/rand"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/eks/schemas"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// Service is the emulated EKS. Tests reach it through Emulator.EKS() for
// seeding and EKS-only faults.
type Service struct {
	env server.Env

	mu sync.Mutex
	// defaultDelay is how long an update stays InProgress.
	defaultDelay time.Duration
	clusters     map[string]*cluster
	// updates by cluster name, in creation order.
	updates map[string][]*update
	// failNext holds the error messages the next update of a cluster fails
	// with; key "" applies to any cluster.
	failNext map[string]string
	// delays override defaultDelay per cluster.
	delays map[string]time.Duration
	// statusLags delay the ACTIVE -> UPDATING transition per cluster: the
	// real transition is eventually consistent.
	statusLags map[string]time.Duration
	// createTokens maps CreateCluster client request tokens to cluster names.
	createTokens map[string]string
}

// New is an empty EKS whose updates stay InProgress for updateDelay.
func New(env server.Env, updateDelay time.Duration) *Service {
	s := &Service{env: env, defaultDelay: updateDelay}
	s.Reset()
	return s
}

// Definition is the service as the server dispatches it.
func (s *Service) Definition() *server.Service {
	return &server.Service{
		Name:     "eks",
		Protocol: server.RestJSON1{},
		Operations: []server.Operation{
			server.Op(schemas.CreateCluster, s.createCluster),
			server.Op(schemas.DescribeCluster, s.describeCluster),
			server.Op(schemas.ListClusters, s.listClusters),
			server.Op(schemas.DeleteCluster, s.deleteCluster),
			server.Op(schemas.UpdateClusterConfig, s.updateClusterConfig),
			server.Op(schemas.DescribeUpdate, s.describeUpdate),
			server.Op(schemas.ListUpdates, s.listUpdates),
			server.Op(schemas.DescribeClusterVersions, s.describeClusterVersions),
		},
		NotFound: func(string) *server.APIError { return errNotFound("No cluster found (injected by the emulator).") },
		Reset:    s.Reset,
		Control:  s.controlRoutes(),
	}
}

// Reset drops every cluster, update and per-cluster setting.
func (s *Service) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clusters = map[string]*cluster{}
	s.updates = map[string][]*update{}
	s.failNext = map[string]string{}
	s.delays = map[string]time.Duration{}
	s.statusLags = map[string]time.Duration{}
	s.createTokens = map[string]string{}
}

// EKS error shapes (types/errors.go of the SDK).

func errNotFound(msg string) *server.APIError {
	return server.NewAPIError(http.StatusNotFound, "ResourceNotFoundException", msg)
}

func errInvalidParameter(msg string) *server.APIError {
	return server.NewAPIError(http.StatusBadRequest, "InvalidParameterException", msg)
}

func errInvalidRequest(msg string) *server.APIError {
	return server.NewAPIError(http.StatusBadRequest, "InvalidRequestException", msg)
}

func errInUse(msg string) *server.APIError {
	return server.NewAPIError(http.StatusConflict, "ResourceInUseException", msg)
}

func errClusterNotFound(name string) *server.APIError {
	return errNotFound("No cluster found for name: " + name + ".")
}

// newUUID makes a random RFC 4122 UUID, the shape of EKS update IDs.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
