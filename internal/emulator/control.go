package emulator

import (
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// The control surface lets tests and the demo drive an emulator running as
// a separate process. It lives under a path no AWS API uses.
const controlPrefix = "/_emulator/"

func isControlPath(p string) bool { return strings.HasPrefix(p, controlPrefix) }

// serveControl handles:
//
//	GET    /_emulator/health                       liveness (no token needed)
//	POST   /_emulator/faults   body: Fault          queue a fault
//	GET    /_emulator/faults                        pending faults
//	DELETE /_emulator/faults[?service=&operation=]  drop pending faults (all, one service's, or one operation's)
//	GET    /_emulator/calls                         call counts
//	DELETE /_emulator/calls                         zero the call counts
//	POST   /_emulator/reset                         drop all state, faults and counts
//	...    /_emulator/<service>/<route>             the services' own routes
//
// With Options.ControlToken set, every route but health needs
// "Authorization: Bearer <token>".
func (e *Emulator) serveControl(w http.ResponseWriter, r *http.Request) {
	route := strings.TrimPrefix(r.URL.Path, controlPrefix)
	if route == "health" {
		server.WriteJSON(w, http.StatusOK, map[string]string{"status": "ok"})
		return
	}
	if !e.controlAuthorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="emulator control"`)
		server.WriteControlError(w, http.StatusUnauthorized, "the control routes need Authorization: Bearer <token> (the emulator's --control-token)")
		return
	}
	switch {
	case route == "faults" && r.Method == http.MethodPost:
		var f Fault
		if err := server.ReadJSON(w, r, &f); err != nil {
			server.WriteControlError(w, http.StatusBadRequest, err.Error())
			return
		}
		if err := e.Faults.Inject(f); err != nil {
			server.WriteControlError(w, http.StatusBadRequest, err.Error())
			return
		}
		server.WriteJSON(w, http.StatusOK, f)
	case route == "faults" && r.Method == http.MethodDelete:
		q := r.URL.Query()
		n := 0
		if svc := q.Get("service"); svc != "" {
			n = e.Faults.ClearService(svc, q.Get("operation"))
		} else {
			n = len(e.Faults.Pending())
			e.Faults.Clear()
		}
		server.WriteJSON(w, http.StatusOK, map[string]int{"cleared": n})
	case route == "faults":
		server.WriteJSON(w, http.StatusOK, e.Faults.Pending())
	case route == "calls" && r.Method == http.MethodDelete:
		e.Calls.Clear()
		server.WriteJSON(w, http.StatusOK, e.Calls.Counts())
	case route == "calls":
		server.WriteJSON(w, http.StatusOK, e.Calls.Counts())
	case route == "reset" && r.Method == http.MethodPost:
		e.Reset()
		server.WriteJSON(w, http.StatusOK, map[string]string{"status": "reset"})
	default:
		if h := e.serviceControl(route); h != nil {
			h(w, r)
			return
		}
		server.WriteControlError(w, http.StatusNotFound, "unknown control route "+route)
	}
}

// serviceControl finds a service's route "<service>/<route>".
func (e *Emulator) serviceControl(route string) http.HandlerFunc {
	name, sub, ok := strings.Cut(route, "/")
	if !ok {
		return nil
	}
	for _, s := range e.api.Services {
		if s.Name == name {
			return s.Control[sub]
		}
	}
	return nil
}

func (e *Emulator) controlAuthorized(r *http.Request) bool {
	if e.opts.ControlToken == "" {
		return true
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(e.opts.ControlToken)) == 1
}
