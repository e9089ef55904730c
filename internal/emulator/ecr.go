package emulator

import (
	"encoding/json"
	"net/http"
	"sync"
)

// ECR speaks awsJson1_1 as github.com/aws/aws-sdk-go-v2/service/ecr expects:
// POST / with X-Amz-Target "AmazonEC2ContainerRegistry_V20150921.<Op>",
// camelCase JSON members, timestamps as epoch seconds, and errors as
// {"__type": <shape>, "message": ...}. Only the pull-through cache rule
// operations are emulated.

const (
	ecrTargetPrefix = "AmazonEC2ContainerRegistry_V20150921."
	ecrContentType  = "application/x-amz-json-1.1"
	// ecrMaxRules is the default quota of pull-through cache rules per registry.
	ecrMaxRules = 50
)

func init() { registerService(func(e *Emulator) service { return newECRService(e) }) }

// ECRService is the emulated ECR registry: pull-through cache rules and
// the Secrets Manager secrets they may use. Tests reach it through
// Emulator.ECR().
type ECRService struct {
	emu *Emulator

	mu    sync.Mutex
	rules map[string]*ecrRule // by ecrRepositoryPrefix
	// secrets are the Secrets Manager secrets the registry can read, by ARN;
	// the value says whether the upstream accepts the credentials in it.
	secrets map[string]bool
	// failAfterCommit counts, per operation, replies to replace with a 500
	// after the operation took effect (a reply lost on the way back).
	failAfterCommit map[string]int
}

func newECRService(e *Emulator) *ECRService {
	s := &ECRService{emu: e}
	s.reset()
	return s
}

// ECR returns the emulator's ECR service.
func (e *Emulator) ECR() *ECRService {
	for _, s := range e.services {
		if v, ok := s.(*ECRService); ok {
			return v
		}
	}
	panic("emulator: ECR service not registered")
}

func (s *ECRService) name() string { return "ecr" }

func (s *ECRService) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rules = map[string]*ecrRule{}
	s.secrets = map[string]bool{}
	s.failAfterCommit = map[string]int{}
}

// FailAfterCommit makes the next count successful calls of op answer 500
// although they took effect, as when a reply is lost: the SDK retries a
// create that already happened.
func (s *ECRService) FailAfterCommit(op string, count int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failAfterCommit[op] += count
}

func (s *ECRService) takeFailAfterCommit(op string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failAfterCommit[op] == 0 {
		return false
	}
	s.failAfterCommit[op]--
	return true
}

func (s *ECRService) operation(r *http.Request) string { return awsJSONTarget(r, ecrTargetPrefix) }

func (s *ECRService) writeError(w http.ResponseWriter, err *APIError) {
	writeAWSJSONError(w, ecrContentType, err)
}

func (s *ECRService) notFound() *APIError {
	return errECRRuleNotFound("(injected by the emulator)")
}

func (s *ECRService) serve(w http.ResponseWriter, r *http.Request, op string) {
	var (
		out  any
		aerr *APIError
	)
	switch op {
	case "CreatePullThroughCacheRule":
		var in ecrRuleInput
		if aerr = decodeJSONBody(r, &in); aerr == nil {
			out, aerr = s.createRule(in)
		}
	case "DescribePullThroughCacheRules":
		var in ecrDescribeInput
		if aerr = decodeJSONBody(r, &in); aerr == nil {
			out, aerr = s.describeRules(in)
		}
	case "UpdatePullThroughCacheRule":
		var in ecrRuleInput
		if aerr = decodeJSONBody(r, &in); aerr == nil {
			out, aerr = s.updateRule(in)
		}
	case "DeletePullThroughCacheRule":
		var in ecrRuleInput
		if aerr = decodeJSONBody(r, &in); aerr == nil {
			out, aerr = s.deleteRule(in)
		}
	case "ValidatePullThroughCacheRule":
		var in ecrRuleInput
		if aerr = decodeJSONBody(r, &in); aerr == nil {
			out, aerr = s.validateRule(in)
		}
	default:
		aerr = newAPIError(http.StatusBadRequest, "UnknownOperationException", "emulator: ECR operation "+op+" is not implemented")
	}
	if aerr == nil && s.takeFailAfterCommit(op) {
		aerr = errInternal()
	}
	if aerr != nil {
		s.writeError(w, aerr)
		return
	}
	w.Header().Set("Content-Type", ecrContentType)
	w.WriteHeader(http.StatusOK)
	_ = json.NewEncoder(w).Encode(out)
}

// ECR error shapes (types/errors.go of the SDK); all are client faults.

func errECRValidation(msg string) *APIError {
	return newAPIError(http.StatusBadRequest, "ValidationException", msg)
}

func errECRInvalidParameter(msg string) *APIError {
	return newAPIError(http.StatusBadRequest, "InvalidParameterException", msg)
}

func errECRRuleNotFound(detail string) *APIError {
	return newAPIError(http.StatusBadRequest, "PullThroughCacheRuleNotFoundException", "The pull through cache rule does not exist "+detail)
}

func errECRRuleExists(prefix string) *APIError {
	return newAPIError(http.StatusBadRequest, "PullThroughCacheRuleAlreadyExistsException",
		"A pull through cache rule with the prefix '"+prefix+"' already exists in the registry")
}

func errECRUnsupportedUpstream(url string) *APIError {
	return newAPIError(http.StatusBadRequest, "UnsupportedUpstreamRegistryException",
		"The upstream registry URL '"+url+"' is not supported for pull through cache rules")
}

func errECRSecretNotFound(arn string) *APIError {
	return newAPIError(http.StatusBadRequest, "SecretNotFoundException",
		"The Secrets Manager secret '"+arn+"' could not be found")
}

func errECRLimitExceeded() *APIError {
	return newAPIError(http.StatusBadRequest, "LimitExceededException",
		"The operation did not succeed because it would have exceeded a service limit for your account: pull through cache rules per registry")
}
