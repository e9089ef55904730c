package eks

import (
	"net/http"
	"time"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// ClusterSeed describes a cluster to create directly (tests, demo).
type ClusterSeed struct {
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
	Tier    string `json:"tier,omitempty"`
}

// ClusterState is what the emulator holds for a cluster, for assertions.
type ClusterState struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Tier    string `json:"tier"`
	Status  string `json:"status"`
}

// SeedCluster creates an ACTIVE cluster, as CreateCluster would.
func (s *Service) SeedCluster(seed ClusterSeed) error {
	if aerr := s.addCluster(seed.Name, seed.Version, seed.Tier, "arn:aws:iam::"+s.env.AccountID+":role/eks-cluster", nil, "", componentRequest{}); aerr != nil {
		return aerr
	}
	return nil
}

// Cluster returns a cluster's current state (settling finished updates).
func (s *Service) Cluster(name string) (ClusterState, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.clusters[name]
	if !ok {
		return ClusterState{}, false
	}
	s.settle(name)
	return ClusterState{Name: c.Name, Version: c.Version, Tier: c.Tier, Status: string(s.status(name))}, true
}

// Clusters returns every cluster's state, by name.
func (s *Service) Clusters() []ClusterState {
	s.mu.Lock()
	names := server.SortedKeys(s.clusters)
	s.mu.Unlock()
	out := []ClusterState{}
	for _, n := range names {
		if c, ok := s.Cluster(n); ok {
			out = append(out, c)
		}
	}
	return out
}

// FailNextUpdate makes the next update of cluster (any cluster when "")
// end Failed with message, as when EKS cannot apply a change.
func (s *Service) FailNextUpdate(cluster, message string) {
	if message == "" {
		message = "The control plane could not be scaled to the requested tier (injected by the emulator)."
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failNext[cluster] = message
}

// SetUpdateDelay sets how long updates of one cluster stay InProgress;
// cluster "" sets the default for clusters without their own. Zero means
// updates finish at once.
func (s *Service) SetUpdateDelay(cluster string, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cluster == "" {
		s.defaultDelay = d
		return
	}
	s.delays[cluster] = d
}

// SetStatusLag makes a cluster keep reporting ACTIVE for d after an update
// starts, as EKS's eventually consistent status can: a client that trusts
// the status alone then meets 409 ResourceInUseException. Cluster "" sets
// the lag of clusters without their own.
func (s *Service) SetStatusLag(cluster string, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.statusLags[cluster] = d
}

// Timing is the update delay and status lag in force, default and per
// cluster, as Go durations ("2s").
type Timing struct {
	UpdateDelay        string            `json:"updateDelay"`
	StatusLag          string            `json:"statusLag"`
	ClusterUpdateDelay map[string]string `json:"clusterUpdateDelay"`
	ClusterStatusLag   map[string]string `json:"clusterStatusLag"`
}

// Timing reads the delays and lags in force.
func (s *Service) Timing() Timing {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := Timing{
		UpdateDelay: s.defaultDelay.String(), StatusLag: s.statusLags[""].String(),
		ClusterUpdateDelay: map[string]string{}, ClusterStatusLag: map[string]string{},
	}
	for k, d := range s.delays {
		t.ClusterUpdateDelay[k] = d.String()
	}
	for k, d := range s.statusLags {
		if k != "" {
			t.ClusterStatusLag[k] = d.String()
		}
	}
	return t
}

// statusLag is the lag for a cluster. Callers hold mu.
func (s *Service) statusLag(name string) time.Duration {
	if d, ok := s.statusLags[name]; ok {
		return d
	}
	return s.statusLags[""]
}

// EKS control routes, under /_emulator/eks/:
//
//	POST /clusters          {"name","version","tier"}              seed an ACTIVE cluster
//	GET  /clusters                                                  clusters with tier and status
//	POST /fail-next-update  {"clusterName","message"}              next update ends Failed
//	GET  /timing                                                    update delays and status lags in force
//	POST /update-delay      {"clusterName","delay":"5s"}           how long updates stay InProgress ("" = default)
//	POST /status-lag        {"clusterName","lag":"5s"}             how long the status stays ACTIVE after an update starts ("" = default)
func (s *Service) controlRoutes() map[string]http.HandlerFunc {
	return map[string]http.HandlerFunc{
		"clusters":         s.controlClusters,
		"fail-next-update": s.controlFailNextUpdate,
		"timing":           func(w http.ResponseWriter, _ *http.Request) { server.WriteJSON(w, http.StatusOK, s.Timing()) },
		"update-delay":     s.controlDuration("delay", s.SetUpdateDelay),
		"status-lag":       s.controlDuration("lag", s.SetStatusLag),
	}
}

func (s *Service) controlClusters(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		server.WriteJSON(w, http.StatusOK, s.Clusters())
	case http.MethodPost:
		var seed ClusterSeed
		if err := server.ReadJSON(w, r, &seed); err != nil {
			server.WriteControlError(w, http.StatusBadRequest, err.Error())
			return
		}
		if err := s.SeedCluster(seed); err != nil {
			server.WriteControlError(w, http.StatusBadRequest, err.Error())
			return
		}
		c, _ := s.Cluster(seed.Name)
		server.WriteJSON(w, http.StatusOK, c)
	default:
		server.WriteControlError(w, http.StatusMethodNotAllowed, "use GET or POST")
	}
}

func (s *Service) controlFailNextUpdate(w http.ResponseWriter, r *http.Request) {
	var in struct {
		ClusterName string `json:"clusterName"`
		Message     string `json:"message"`
	}
	if r.Method != http.MethodPost || server.ReadJSON(w, r, &in) != nil {
		server.WriteControlError(w, http.StatusBadRequest, `POST {"clusterName": "...", "message": "..."}`)
		return
	}
	s.FailNextUpdate(in.ClusterName, in.Message)
	server.WriteJSON(w, http.StatusOK, in)
}

// controlDuration serves a POST {"clusterName", field: "5s"} that calls set.
func (s *Service) controlDuration(field string, set func(string, time.Duration)) http.HandlerFunc {
	usage := `POST {"clusterName": "..." (empty: the default), "` + field + `": "5s"}`
	return func(w http.ResponseWriter, r *http.Request) {
		var in map[string]string
		if r.Method != http.MethodPost || server.ReadJSON(w, r, &in) != nil {
			server.WriteControlError(w, http.StatusBadRequest, usage)
			return
		}
		d, err := time.ParseDuration(in[field])
		if err != nil || d < 0 {
			server.WriteControlError(w, http.StatusBadRequest, field+" must be a Go duration of 0 or more, such as 5s; "+usage)
			return
		}
		set(in["clusterName"], d)
		server.WriteJSON(w, http.StatusOK, s.Timing())
	}
}
