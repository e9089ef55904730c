package cloudwatch

import (
	"net/http"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// CloudWatch control routes, under /_emulator/cloudwatch/:
//
//	GET /streams   name -> state of every metric stream

// StreamState is what the emulator holds for a metric stream, for assertions.
type StreamState struct {
	Name, ARN, State, OutputFormat, FirehoseARN string
	Tags                                        map[string]string
}

// Stream returns a metric stream by name.
func (s *Service) Stream(name string) (StreamState, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ms, ok := s.streams[name]
	if !ok {
		return StreamState{}, false
	}
	tags := map[string]string{}
	for k, v := range ms.Tags {
		tags[k] = v
	}
	return StreamState{ms.Name, ms.ARN, ms.State, string(ms.OutputFormat), ms.FirehoseARN, tags}, true
}

// SetStreamState starts or stops a stream behind Terraform's back (drift tests).
func (s *Service) SetStreamState(name, state string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	ms, ok := s.streams[name]
	if ok {
		ms.State = state
	}
	return ok
}

// DeleteStream removes a stream behind Terraform's back (disappears tests).
func (s *Service) DeleteStream(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.streams[name]
	delete(s.streams, name)
	return ok
}

// Streams maps every stream's name to its state.
func (s *Service) Streams() map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]string{}
	for n, ms := range s.streams {
		out[n] = ms.State
	}
	return out
}

func (s *Service) controlStreams(w http.ResponseWriter, _ *http.Request) {
	server.WriteJSON(w, http.StatusOK, s.Streams())
}
