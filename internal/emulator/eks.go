package emulator

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// EKS speaks restJson1 as github.com/aws/aws-sdk-go-v2/service/eks expects:
// the operation is the method plus the path (the SDK's smithy HTTP traits),
// members are camelCase JSON, timestamps are epoch seconds, and errors carry
// their shape name in X-Amzn-ErrorType with {"message": ...} in the body.

func init() { registerService(func(e *Emulator) service { return newEKSService(e) }) }

// EKSService is the emulated EKS control plane: clusters and their updates.
// Tests reach it through Emulator.EKS() for seeding and EKS-only faults.
type EKSService struct {
	emu *Emulator

	mu       sync.Mutex
	clusters map[string]*eksCluster
	// updates by cluster name, in creation order.
	updates map[string][]*eksUpdate
	// failNext holds the error messages the next update of a cluster fails
	// with; key "" applies to any cluster.
	failNext map[string]string
	// delays override Options.UpdateDelay per cluster.
	delays map[string]time.Duration
	// statusLags delay the ACTIVE -> UPDATING transition per cluster: the
	// real transition is eventually consistent.
	statusLags map[string]time.Duration
	// createTokens maps CreateCluster client request tokens to cluster names.
	createTokens map[string]string
}

func newEKSService(e *Emulator) *EKSService {
	s := &EKSService{emu: e}
	s.reset()
	return s
}

// EKS returns the emulator's EKS service.
func (e *Emulator) EKS() *EKSService {
	for _, s := range e.services {
		if eks, ok := s.(*EKSService); ok {
			return eks
		}
	}
	panic("emulator: EKS service not registered")
}

func (s *EKSService) name() string { return "eks" }

func (s *EKSService) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clusters = map[string]*eksCluster{}
	s.updates = map[string][]*eksUpdate{}
	s.failNext = map[string]string{}
	s.delays = map[string]time.Duration{}
	s.statusLags = map[string]time.Duration{}
	s.createTokens = map[string]string{}
}

func (s *EKSService) writeError(w http.ResponseWriter, err *APIError) { writeRestJSONError(w, err) }

func (s *EKSService) notFound() *APIError {
	return errEKSNotFound("No cluster found (injected by the emulator).")
}

// operation maps method + path to the SDK's operation names; the routes are
// the smithy HTTP traits of service/eks v1.105.6 (schemas/schemas.go).
func (s *EKSService) operation(r *http.Request) string {
	op, _ := eksRoute(r)
	return op
}

// eksRoute returns the operation and its path labels.
func eksRoute(r *http.Request) (string, []string) {
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	switch {
	case r.URL.Path == "/cluster-versions" && r.Method == http.MethodGet:
		return "DescribeClusterVersions", nil
	case r.URL.Path == "/clusters" && r.Method == http.MethodPost:
		return "CreateCluster", nil
	case r.URL.Path == "/clusters" && r.Method == http.MethodGet:
		return "ListClusters", nil
	case len(parts) < 2 || parts[0] != "clusters":
		return "", nil
	}
	name := parts[1]
	switch {
	case len(parts) == 2 && r.Method == http.MethodGet:
		return "DescribeCluster", []string{name}
	case len(parts) == 2 && r.Method == http.MethodDelete:
		return "DeleteCluster", []string{name}
	case len(parts) == 3 && parts[2] == "update-config" && r.Method == http.MethodPost:
		return "UpdateClusterConfig", []string{name}
	case len(parts) == 3 && parts[2] == "updates" && r.Method == http.MethodGet:
		return "ListUpdates", []string{name}
	case len(parts) == 4 && parts[2] == "updates" && r.Method == http.MethodGet:
		return "DescribeUpdate", []string{name, parts[3]}
	}
	return "", nil
}

func (s *EKSService) serve(w http.ResponseWriter, r *http.Request, op string) {
	_, labels := eksRoute(r)
	var (
		out  any
		aerr *APIError
	)
	switch op {
	case "CreateCluster":
		out, aerr = s.createCluster(r)
	case "DescribeCluster":
		out, aerr = s.describeCluster(labels[0])
	case "ListClusters":
		out, aerr = s.listClusters(r)
	case "DeleteCluster":
		out, aerr = s.deleteCluster(labels[0])
	case "UpdateClusterConfig":
		out, aerr = s.updateClusterConfig(r, labels[0])
	case "DescribeUpdate":
		out, aerr = s.describeUpdate(labels[0], labels[1])
	case "ListUpdates":
		out, aerr = s.listUpdates(r, labels[0])
	case "DescribeClusterVersions":
		out, aerr = s.describeClusterVersions(r)
	default:
		aerr = newAPIError(http.StatusNotFound, "UnknownOperationException", "emulator: EKS operation "+op+" is not implemented")
	}
	if aerr != nil {
		s.writeError(w, aerr)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_ = json.NewEncoder(w).Encode(out)
}

// EKS error shapes (types/errors.go of the SDK).

func errEKSNotFound(msg string) *APIError {
	return newAPIError(http.StatusNotFound, "ResourceNotFoundException", msg)
}

func errEKSInvalidParameter(msg string) *APIError {
	return newAPIError(http.StatusBadRequest, "InvalidParameterException", msg)
}

func errEKSInvalidRequest(msg string) *APIError {
	return newAPIError(http.StatusBadRequest, "InvalidRequestException", msg)
}

func errEKSInUse(msg string) *APIError {
	return newAPIError(http.StatusConflict, "ResourceInUseException", msg)
}

func errClusterNotFound(name string) *APIError {
	return errEKSNotFound("No cluster found for name: " + name + ".")
}

// epochSeconds renders a timestamp as restJson1's default format.
func epochSeconds(t time.Time) float64 {
	return float64(t.UnixMilli()) / 1000
}

// newUUID makes a random RFC 4122 UUID, the shape of EKS update IDs.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
