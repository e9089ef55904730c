package emulator

import (
	"encoding/json"
	"net/http"
	"sort"
)

// ECR control routes, for the demo and for tests driving an emulator
// process:
//
//	POST   /_emulator/ecr/secrets  {"arn","valid"}  the registry can read this secret; valid=false: the upstream refuses its credentials
//	DELETE /_emulator/ecr/secrets  {"arn"}          forget a secret (rules using it stop validating)
//	GET    /_emulator/ecr/secrets                   list known secrets
//	GET    /_emulator/ecr/rules                     list rule prefixes
//	POST   /_emulator/ecr/fail-after-commit {"operation","count"}  the next count calls take effect but answer 500
func init() {
	controlRoutes["ecr/secrets"] = controlECRSecrets
	controlRoutes["ecr/rules"] = controlECRRules
	controlRoutes["ecr/fail-after-commit"] = controlECRFailAfterCommit
}

func controlECRFailAfterCommit(e *Emulator, w http.ResponseWriter, r *http.Request) {
	var req struct {
		Operation string `json:"operation"`
		Count     int    `json:"count"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Operation == "" || req.Count < 1 {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "body must be {\"operation\": ..., \"count\": n >= 1}"})
		return
	}
	e.ECR().FailAfterCommit(req.Operation, req.Count)
	writeJSON(w, http.StatusOK, req)
}

// SecretSeed is a Secrets Manager secret as the emulated registry sees it.
type SecretSeed struct {
	ARN string `json:"arn"`
	// Valid is whether the upstream registry accepts the credentials in it.
	Valid *bool `json:"valid,omitempty"`
}

// PutSecret makes a secret readable by the registry; valid says whether the
// upstream accepts the credentials inside.
func (s *ECRService) PutSecret(arn string, valid bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.secrets[arn] = valid
}

// DeleteSecret forgets a secret.
func (s *ECRService) DeleteSecret(arn string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.secrets, arn)
}

// RuleState is what the emulator holds for a rule, for assertions.
type RuleState struct {
	Prefix, UpstreamURL, Upstream, UpstreamPrefix, CredentialARN, CustomRoleARN string
}

// Rule returns a rule by prefix.
func (s *ECRService) Rule(prefix string) (RuleState, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.rules[prefix]
	if !ok {
		return RuleState{}, false
	}
	return RuleState{r.Prefix, r.UpstreamURL, r.Upstream, r.UpstreamPrefix, r.CredentialARN, r.CustomRoleARN}, true
}

// DeleteRule removes a rule behind Terraform's back (disappears tests).
func (s *ECRService) DeleteRule(prefix string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.rules[prefix]
	delete(s.rules, prefix)
	return ok
}

func controlECRSecrets(e *Emulator, w http.ResponseWriter, r *http.Request) {
	s := e.ECR()
	switch r.Method {
	case http.MethodPost, http.MethodDelete:
		var seed SecretSeed
		if err := json.NewDecoder(r.Body).Decode(&seed); err != nil || seed.ARN == "" {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "body must be {\"arn\": ..., \"valid\": true|false}"})
			return
		}
		if r.Method == http.MethodDelete {
			s.DeleteSecret(seed.ARN)
		} else {
			s.PutSecret(seed.ARN, seed.Valid == nil || *seed.Valid)
		}
		writeJSON(w, http.StatusOK, seed)
	default:
		s.mu.Lock()
		out := map[string]bool{}
		for k, v := range s.secrets {
			out[k] = v
		}
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, out)
	}
}

func controlECRRules(e *Emulator, w http.ResponseWriter, _ *http.Request) {
	s := e.ECR()
	s.mu.Lock()
	out := make([]string, 0, len(s.rules))
	for p := range s.rules {
		out = append(out, p)
	}
	s.mu.Unlock()
	sort.Strings(out)
	writeJSON(w, http.StatusOK, out)
}
