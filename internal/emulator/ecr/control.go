package ecr

import (
	"net/http"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// SecretSeed is a Secrets Manager secret as the emulated registry sees it.
type SecretSeed struct {
	ARN string `json:"arn"`
	// Valid is whether the upstream registry accepts the credentials in it.
	Valid *bool `json:"valid,omitempty"`
}

// PutSecret makes a secret readable by the registry; valid says whether the
// upstream accepts the credentials inside.
func (s *Service) PutSecret(arn string, valid bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.secrets[arn] = valid
}

// DeleteSecret forgets a secret.
func (s *Service) DeleteSecret(arn string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.secrets, arn)
}

// RuleState is what the emulator holds for a rule, for assertions.
type RuleState struct {
	Prefix, UpstreamURL, Upstream, UpstreamPrefix, CredentialARN, CustomRoleARN string
}

// Rule returns a rule by prefix.
func (s *Service) Rule(prefix string) (RuleState, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.rules[prefix]
	if !ok {
		return RuleState{}, false
	}
	return RuleState{r.Prefix, r.UpstreamURL, r.Upstream, r.UpstreamPrefix, r.CredentialARN, r.CustomRoleARN}, true
}

// DeleteRule removes a rule behind Terraform's back (disappears tests).
func (s *Service) DeleteRule(prefix string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.rules[prefix]
	delete(s.rules, prefix)
	return ok
}

// ECR control routes, under /_emulator/ecr/:
//
//	POST   /secrets  {"arn","valid"}  the registry can read this secret; valid=false: the upstream refuses its credentials
//	DELETE /secrets  {"arn"}          forget a secret (rules using it stop validating)
//	GET    /secrets                   known secrets
//	GET    /rules                     rule prefixes
//	GET    /templates                 repository creation template prefixes
//	POST   /fail-after-commit {"operation","count"}  the next count calls take effect but answer 500 (the lost_reply fault)
func (s *Service) controlRoutes() map[string]http.HandlerFunc {
	return map[string]http.HandlerFunc{
		"secrets":           s.controlSecrets,
		"rules":             s.controlRules,
		"templates":         s.controlTemplates,
		"fail-after-commit": s.controlFailAfterCommit,
	}
}

func (s *Service) controlFailAfterCommit(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Operation string `json:"operation"`
		Count     int    `json:"count"`
	}
	if err := server.ReadJSON(w, r, &req); err != nil || req.Operation == "" || req.Count < 1 {
		server.WriteControlError(w, http.StatusBadRequest, `body must be {"operation": ..., "count": n >= 1}`)
		return
	}
	s.FailAfterCommit(req.Operation, req.Count)
	server.WriteJSON(w, http.StatusOK, req)
}

func (s *Service) controlSecrets(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodPost, http.MethodDelete:
		var seed SecretSeed
		if err := server.ReadJSON(w, r, &seed); err != nil || seed.ARN == "" {
			server.WriteControlError(w, http.StatusBadRequest, `body must be {"arn": ..., "valid": true|false}`)
			return
		}
		if r.Method == http.MethodDelete {
			s.DeleteSecret(seed.ARN)
		} else {
			s.PutSecret(seed.ARN, seed.Valid == nil || *seed.Valid)
		}
		server.WriteJSON(w, http.StatusOK, seed)
	default:
		s.mu.Lock()
		out := map[string]bool{}
		for k, v := range s.secrets {
			out[k] = v
		}
		s.mu.Unlock()
		server.WriteJSON(w, http.StatusOK, out)
	}
}

// Rules lists the rules' prefixes, sorted.
func (s *Service) Rules() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return server.SortedKeys(s.rules)
}

func (s *Service) controlRules(w http.ResponseWriter, _ *http.Request) {
	server.WriteJSON(w, http.StatusOK, s.Rules())
}

// Templates lists the repository creation templates' prefixes, sorted.
func (s *Service) Templates() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return server.SortedKeys(s.templates)
}

func (s *Service) controlTemplates(w http.ResponseWriter, _ *http.Request) {
	server.WriteJSON(w, http.StatusOK, s.Templates())
}
