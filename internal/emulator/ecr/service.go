// Package ecr is the emulated ECR registry: pull-through cache rules, the
// Secrets Manager secrets they may use, and repository creation templates. It speaks awsJson1_1 through
// the server package, with the SDK's own input and output types.
package ecr

import (
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/ecr/schemas"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// maxRules is the default quota of pull-through cache rules per registry.
const maxRules = 50

// Service is the emulated ECR. Tests reach it through Emulator.ECR().
type Service struct {
	env    server.Env
	faults *server.Faults

	mu    sync.Mutex
	rules map[string]*rule // by ecrRepositoryPrefix
	// templates are the repository creation templates, by prefix.
	templates map[string]*template
	// secrets are the Secrets Manager secrets the registry can read, by ARN;
	// the value says whether the upstream accepts the credentials in it.
	secrets map[string]bool
}

// New is an empty registry. faults is the emulator's fault queue, which
// FailAfterCommit adds to.
func New(env server.Env, faults *server.Faults) *Service {
	s := &Service{env: env, faults: faults}
	s.Reset()
	return s
}

// Definition is the service as the server dispatches it.
func (s *Service) Definition() *server.Service {
	return &server.Service{
		Name:     "ecr",
		Protocol: server.AWSJSON{TargetPrefix: "AmazonEC2ContainerRegistry_V20150921.", ContentType: "application/x-amz-json-1.1"},
		Operations: []server.Operation{
			server.Op(schemas.CreatePullThroughCacheRule, s.createRule),
			server.Op(schemas.DescribePullThroughCacheRules, s.describeRules),
			server.Op(schemas.UpdatePullThroughCacheRule, s.updateRule),
			server.Op(schemas.DeletePullThroughCacheRule, s.deleteRule),
			server.Op(schemas.ValidatePullThroughCacheRule, s.validateRule),
			server.Op(schemas.CreateRepositoryCreationTemplate, s.createTemplate),
			server.Op(schemas.DescribeRepositoryCreationTemplates, s.describeTemplates),
			server.Op(schemas.UpdateRepositoryCreationTemplate, s.updateTemplate),
			server.Op(schemas.DeleteRepositoryCreationTemplate, s.deleteTemplate),
		},
		NotFound: func(op string) *server.APIError {
			if strings.Contains(op, "RepositoryCreationTemplate") {
				return errTemplateNotFound("(injected by the emulator)", s.env.AccountID)
			}
			return errRuleNotFound("(injected by the emulator)")
		},
		Reset:   s.Reset,
		Control: s.controlRoutes(),
	}
}

// Reset drops every rule, template and secret.
func (s *Service) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rules = map[string]*rule{}
	s.templates = map[string]*template{}
	s.secrets = map[string]bool{}
}

// FailAfterCommit makes the next count successful calls of op answer 500
// although they took effect, as when a reply is lost: the SDK retries a
// create that already happened. It is the lost_reply fault.
func (s *Service) FailAfterCommit(op string, count int) {
	_ = s.faults.Inject(server.Fault{Service: "ecr", Operation: op, Kind: server.FaultLostReply, Count: count})
}

// ECR error shapes (types/errors.go of the SDK); all are client faults.

func errValidation(msg string) *server.APIError {
	return server.NewAPIError(http.StatusBadRequest, "ValidationException", msg)
}

func errInvalidParameter(msg string) *server.APIError {
	return server.NewAPIError(http.StatusBadRequest, "InvalidParameterException", msg)
}

func errRuleNotFound(detail string) *server.APIError {
	return server.NewAPIError(http.StatusBadRequest, "PullThroughCacheRuleNotFoundException", "The pull through cache rule does not exist "+detail)
}

func errRuleExists(prefix string) *server.APIError {
	return server.NewAPIError(http.StatusBadRequest, "PullThroughCacheRuleAlreadyExistsException",
		"A pull through cache rule with the prefix '"+prefix+"' already exists in the registry")
}

func errUnsupportedUpstream(url string) *server.APIError {
	return server.NewAPIError(http.StatusBadRequest, "UnsupportedUpstreamRegistryException",
		"The upstream registry URL '"+url+"' is not supported for pull through cache rules")
}

func errSecretNotFound(arn string) *server.APIError {
	return server.NewAPIError(http.StatusBadRequest, "SecretNotFoundException",
		"The Secrets Manager secret '"+arn+"' could not be found")
}

func errLimitExceeded() *server.APIError {
	return server.NewAPIError(http.StatusBadRequest, "LimitExceededException",
		"The operation did not succeed because it would have exceeded a service limit for your account: pull through cache rules per registry")
}

// describePage is one page of a Describe operation over items keyed by
// prefix: the wanted prefixes (all when none, in prefix order), checked
// against maxResults (1-1000, default 100) and nextToken. Callers hold mu.
func describePage[T any](items map[string]*T, wanted []string, notFound func(string) *server.APIError, maxResults *int32, nextToken *string) ([]*T, *string, *server.APIError) {
	limit := 100
	if maxResults != nil {
		if *maxResults < 1 || *maxResults > 1000 {
			return nil, nil, errValidation(fmt.Sprintf("1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000", *maxResults))
		}
		limit = int(*maxResults)
	}
	if len(wanted) == 0 {
		wanted = server.SortedKeys(items)
	}
	picked := make([]*T, 0, len(wanted))
	for _, p := range wanted {
		item, ok := items[p]
		if !ok {
			return nil, nil, notFound(p)
		}
		picked = append(picked, item)
	}
	page, next, ok := server.Page(picked, limit, nextToken)
	if !ok {
		return nil, nil, errInvalidParameter("Invalid parameter at 'nextToken': the token is not valid")
	}
	return page, next, nil
}

// optional is nil for "", as the API leaves unset members out.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
