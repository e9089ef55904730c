package hpa

import (
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"
)

const (
	metricsGroup   = "external.metrics.k8s.io"
	metricsVersion = "v1beta1"
	metricName     = "queue_depth"
)

// metricServer serves external.metrics.k8s.io/v1beta1: one value per label
// selector, which the test sets, and a log of when each selector was read.
type metricServer struct {
	srv *httptest.Server

	mu     sync.Mutex
	values map[string]int64       // label selector -> value
	reads  map[string][]time.Time // label selector -> read times
}

// newMetricServer listens on ip (any port) with a self-signed certificate.
func newMetricServer(ip net.IP) (*metricServer, error) {
	l, err := net.Listen("tcp", net.JoinHostPort(ip.String(), "0"))
	if err != nil {
		return nil, err
	}
	m := &metricServer{values: map[string]int64{}, reads: map[string][]time.Time{}}
	m.srv = httptest.NewUnstartedServer(http.HandlerFunc(m.serve))
	m.srv.Listener.Close()
	m.srv.Listener = l
	m.srv.StartTLS()
	return m, nil
}

func (m *metricServer) port() int { return m.srv.Listener.Addr().(*net.TCPAddr).Port }

func (m *metricServer) close() { m.srv.Close() }

func (m *metricServer) set(selector string, v int64) {
	m.mu.Lock()
	m.values[selector] = v
	m.mu.Unlock()
}

func (m *metricServer) readsOf(selector string) []time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]time.Time(nil), m.reads[selector]...)
}

func (m *metricServer) serve(w http.ResponseWriter, r *http.Request) {
	base := "/apis/" + metricsGroup + "/" + metricsVersion
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.URL.Path == base || r.URL.Path == base+"/":
		// Discovery: the aggregator's availability check and clients.
		json.NewEncoder(w).Encode(map[string]any{
			"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": metricsGroup + "/" + metricsVersion,
			"resources": []any{map[string]any{"name": "*", "namespaced": true, "kind": "ExternalMetricValueList", "verbs": []string{"get"}}},
		})
	case strings.HasPrefix(r.URL.Path, base+"/namespaces/"):
		// .../namespaces/{ns}/{metric}?labelSelector=...
		parts := strings.Split(strings.TrimPrefix(r.URL.Path, base+"/namespaces/"), "/")
		if len(parts) != 2 || parts[1] != metricName {
			http.Error(w, `{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}`, http.StatusNotFound)
			return
		}
		sel := r.URL.Query().Get("labelSelector")
		now := time.Now()
		m.mu.Lock()
		v, ok := m.values[sel]
		m.reads[sel] = append(m.reads[sel], now)
		m.mu.Unlock()
		if !ok {
			http.Error(w, `{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}`, http.StatusNotFound)
			return
		}
		json.NewEncoder(w).Encode(map[string]any{
			"kind": "ExternalMetricValueList", "apiVersion": metricsGroup + "/" + metricsVersion, "metadata": map[string]any{},
			"items": []any{map[string]any{
				"metricName": metricName, "metricLabels": map[string]string{},
				"timestamp": now.UTC().Format(time.RFC3339), "value": strconv.FormatInt(v, 10),
			}},
		})
	default:
		http.NotFound(w, r)
	}
}
