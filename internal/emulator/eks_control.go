package emulator

import (
	"encoding/json"
	"net/http"
	"time"
)

// EKS control routes, for the demo and for tests driving an emulator
// process:
//
//	POST /_emulator/eks/clusters          {"name","version","tier"}       seed an ACTIVE cluster
//	GET  /_emulator/eks/clusters                                           list clusters with tier and status
//	POST /_emulator/eks/fail-next-update  {"clusterName","message"}       next update ends Failed
//	POST /_emulator/eks/update-delay      {"clusterName","delay":"5s"}    per-cluster update duration
func init() {
	controlRoutes["eks/clusters"] = controlEKSClusters
	controlRoutes["eks/fail-next-update"] = controlEKSFailNextUpdate
	controlRoutes["eks/update-delay"] = controlEKSUpdateDelay
}

func controlEKSClusters(e *Emulator, w http.ResponseWriter, r *http.Request) {
	s := e.EKS()
	if r.Method == http.MethodGet {
		s.mu.Lock()
		var names []string
		for n := range s.clusters {
			names = append(names, n)
		}
		s.mu.Unlock()
		out := []ClusterState{}
		for _, n := range names {
			if c, ok := s.Cluster(n); ok {
				out = append(out, c)
			}
		}
		writeJSON(w, http.StatusOK, out)
		return
	}
	if r.Method != http.MethodPost {
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "use GET or POST"})
		return
	}
	var seed ClusterSeed
	if err := json.NewDecoder(r.Body).Decode(&seed); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	if err := s.SeedCluster(seed); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	c, _ := s.Cluster(seed.Name)
	writeJSON(w, http.StatusOK, c)
}

func controlEKSFailNextUpdate(e *Emulator, w http.ResponseWriter, r *http.Request) {
	var in struct {
		ClusterName string `json:"clusterName"`
		Message     string `json:"message"`
	}
	if r.Method != http.MethodPost || json.NewDecoder(r.Body).Decode(&in) != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": `POST {"clusterName": "...", "message": "..."}`})
		return
	}
	e.EKS().FailNextUpdate(in.ClusterName, in.Message)
	writeJSON(w, http.StatusOK, in)
}

func controlEKSUpdateDelay(e *Emulator, w http.ResponseWriter, r *http.Request) {
	var in struct {
		ClusterName string `json:"clusterName"`
		Delay       string `json:"delay"`
	}
	if r.Method != http.MethodPost || json.NewDecoder(r.Body).Decode(&in) != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": `POST {"clusterName": "...", "delay": "5s"}`})
		return
	}
	d, err := time.ParseDuration(in.Delay)
	if err != nil || d < 0 {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "delay must be a Go duration such as 5s"})
		return
	}
	e.EKS().SetUpdateDelay(in.ClusterName, d)
	writeJSON(w, http.StatusOK, in)
}
