package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// eksUpdate is one cluster update. Its status is settled lazily against the
// emulator's clock: InProgress until doneAt, then Successful (the cluster's
// tier changes) or Failed (it does not).
type eksUpdate struct {
	ID        string
	Cluster   string
	Status    string
	Previous  string
	Target    string
	CreatedAt time.Time
	DoneAt    time.Time
	Token     string
	// FailWith, when set, makes the update end Failed with this message.
	FailWith string
}

// Update kinds an UpdateClusterConfig request may carry; the real service
// accepts exactly one per call.
var eksUpdateKinds = []string{
	"resourcesVpcConfig", "logging", "accessConfig", "upgradePolicy", "zonalShiftConfig",
	"computeConfig", "kubernetesNetworkConfig", "storageConfig", "remoteNetworkConfig",
	"deletionProtection", "controlPlaneScalingConfig", "kubeApiServerConfig",
	"kubeSchedulerConfig", "kubeControllerManagerConfig",
}

// FailNextUpdate makes the next update of cluster (any cluster when "")
// end Failed with message, as when EKS cannot apply a tier change.
func (s *EKSService) FailNextUpdate(cluster, message string) {
	if message == "" {
		message = "The control plane could not be scaled to the requested tier (injected by the emulator)."
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failNext[cluster] = message
}

// SetUpdateDelay overrides how long updates of one cluster stay InProgress.
func (s *EKSService) SetUpdateDelay(cluster string, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.delays[cluster] = d
}

// SetStatusLag makes a cluster keep reporting ACTIVE for d after an update
// starts, as EKS's eventually consistent status can: a client that trusts
// the status alone then meets 409 ResourceInUseException.
func (s *EKSService) SetStatusLag(cluster string, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.statusLags[cluster] = d
}

// settle finishes the cluster's updates whose time has come. Callers hold mu.
func (s *EKSService) settle(name string) {
	now := s.emu.now()
	c := s.clusters[name]
	for _, u := range s.updates[name] {
		if u.Status != "InProgress" || now.Before(u.DoneAt) {
			continue
		}
		if u.FailWith != "" {
			u.Status = "Failed"
			continue
		}
		u.Status = "Successful"
		if c != nil {
			c.Tier = u.Target
		}
	}
}

// inProgress is the cluster's running update, if any. Callers hold mu.
func (s *EKSService) inProgress(name string) *eksUpdate {
	for _, u := range s.updates[name] {
		if u.Status == "InProgress" {
			return u
		}
	}
	return nil
}

// status is UPDATING while an update runs (once the status lag, if any,
// has passed), else ACTIVE. Callers hold mu.
func (s *EKSService) status(name string) string {
	if u := s.inProgress(name); u != nil && !s.emu.now().Before(u.CreatedAt.Add(s.statusLags[name])) {
		return "UPDATING"
	}
	return "ACTIVE"
}

func (s *EKSService) updateClusterConfig(r *http.Request, name string) (any, *APIError) {
	var raw map[string]json.RawMessage
	if aerr := decodeJSONBody(r, &raw); aerr != nil {
		return nil, aerr
	}
	var token string
	if v, ok := raw["clientRequestToken"]; ok {
		_ = json.Unmarshal(v, &token)
	}
	var kinds []string
	for _, k := range eksUpdateKinds {
		if v, ok := raw[k]; ok && string(v) != "null" {
			kinds = append(kinds, k)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.clusters[name]
	if !ok {
		return nil, errClusterNotFound(name)
	}
	s.settle(name)
	// A retried request (same token) gets the update it already started.
	if token != "" {
		for _, u := range s.updates[name] {
			if u.Token == token {
				return map[string]any{"update": updateJSON(u)}, nil
			}
		}
	}
	switch {
	case len(kinds) == 0:
		return nil, errEKSInvalidParameter("No changes needed for the cluster configuration provided.")
	case len(kinds) > 1:
		return nil, errEKSInvalidParameter("Only one type of update can be allowed.")
	case kinds[0] != "controlPlaneScalingConfig":
		return nil, errEKSInvalidRequest("emulator: only controlPlaneScalingConfig updates are implemented, not " + kinds[0])
	}
	var cfg struct {
		Tier string `json:"tier"`
	}
	if err := json.Unmarshal(raw["controlPlaneScalingConfig"], &cfg); err != nil {
		return nil, newAPIError(http.StatusBadRequest, "SerializationException", "controlPlaneScalingConfig: "+err.Error())
	}
	if !validEKSTier(cfg.Tier) {
		return nil, errUnknownTier(cfg.Tier)
	}
	if running := s.inProgress(name); running != nil {
		return nil, errEKSInUse(fmt.Sprintf("Cluster %s has update %s in progress. Wait for it to complete before starting another update.", name, running.ID))
	}
	if cfg.Tier == c.Tier {
		return nil, errEKSInvalidParameter("The cluster's control plane scaling tier is already " + c.Tier + ". No changes needed.")
	}
	delay := s.emu.opts.UpdateDelay
	if d, ok := s.delays[name]; ok {
		delay = d
	}
	now := s.emu.now()
	u := &eksUpdate{
		ID:      newUUID(),
		Cluster: name, Status: "InProgress", Previous: c.Tier, Target: cfg.Tier,
		CreatedAt: now, DoneAt: now.Add(delay), Token: token,
	}
	for _, key := range []string{name, ""} {
		if msg, ok := s.failNext[key]; ok {
			u.FailWith = msg
			delete(s.failNext, key)
			break
		}
	}
	s.updates[name] = append(s.updates[name], u)
	return map[string]any{"update": updateJSON(u)}, nil
}

func updateJSON(u *eksUpdate) map[string]any {
	out := map[string]any{
		"id":        u.ID,
		"status":    u.Status,
		"type":      "ControlPlaneScalingConfigUpdate",
		"createdAt": epochSeconds(u.CreatedAt),
		"params": []map[string]string{
			{"type": "UpdatedTier", "value": u.Target},
			{"type": "PreviousTier", "value": u.Previous},
		},
		"errors": []any{},
	}
	if u.Status == "Failed" {
		out["errors"] = []map[string]any{{
			"errorCode":    "Unknown",
			"errorMessage": u.FailWith,
			"resourceIds":  []string{u.Cluster},
		}}
	}
	return out
}

func (s *EKSService) describeUpdate(name, id string) (any, *APIError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.clusters[name]; !ok {
		return nil, errClusterNotFound(name)
	}
	s.settle(name)
	for _, u := range s.updates[name] {
		if u.ID == id {
			return map[string]any{"update": updateJSON(u)}, nil
		}
	}
	return nil, errEKSNotFound("No update found for ID: " + id + ".")
}

func (s *EKSService) listUpdates(r *http.Request, name string) (any, *APIError) {
	s.mu.Lock()
	if _, ok := s.clusters[name]; !ok {
		s.mu.Unlock()
		return nil, errClusterNotFound(name)
	}
	var ids []string
	for _, u := range s.updates[name] {
		ids = append(ids, u.ID)
	}
	s.mu.Unlock()
	page, next, aerr := paginate(ids, r, 100)
	if aerr != nil {
		return nil, aerr
	}
	out := map[string]any{"updateIds": page}
	if next != "" {
		out["nextToken"] = next
	}
	return out, nil
}

func errUnknownTier(tier string) *APIError {
	return errEKSInvalidParameter(fmt.Sprintf("Invalid controlPlaneScalingConfig.tier %q. Valid values: %v.", tier, eksTierNames))
}
