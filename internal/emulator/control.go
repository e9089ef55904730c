package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
)

// The control surface lets tests and the demo drive an emulator running as
// a separate process. It lives under a path no AWS API uses.
const controlPrefix = "/_emulator/"

func isControlPath(p string) bool { return strings.HasPrefix(p, controlPrefix) }

// serveControl handles:
//
//	POST /_emulator/faults   body: Fault        queue a fault
//	GET  /_emulator/faults                      list pending faults
//	GET  /_emulator/calls                       call counts
//	POST /_emulator/reset                       drop all state
//	GET  /_emulator/health                      liveness
//
// Services may add their own control routes through controlRoutes.
func (e *Emulator) serveControl(w http.ResponseWriter, r *http.Request) {
	route := strings.TrimPrefix(r.URL.Path, controlPrefix)
	switch {
	case route == "health":
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	case route == "faults" && r.Method == http.MethodPost:
		var f Fault
		if err := json.NewDecoder(r.Body).Decode(&f); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
			return
		}
		if err := e.Faults.Inject(f); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
			return
		}
		writeJSON(w, http.StatusOK, f)
	case route == "faults":
		writeJSON(w, http.StatusOK, e.Faults.Pending())
	case route == "calls":
		writeJSON(w, http.StatusOK, e.Calls.Counts())
	case route == "reset" && r.Method == http.MethodPost:
		e.Reset()
		writeJSON(w, http.StatusOK, map[string]string{"status": "reset"})
	default:
		if h, ok := controlRoutes[route]; ok {
			h(e, w, r)
			return
		}
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "unknown control route " + route})
	}
}

// controlRoutes are service-specific control endpoints (e.g. "eks/clusters"
// to seed a cluster), registered by the service files.
var controlRoutes = map[string]func(*Emulator, http.ResponseWriter, *http.Request){}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
