package emulator

import "net/http"

// CloudWatch control routes, for the demo and tests driving an emulator
// process:
//
//	GET /_emulator/cloudwatch/streams   name -> state of every metric stream
func init() { controlRoutes["cloudwatch/streams"] = controlCloudWatchStreams }

// StreamState is what the emulator holds for a metric stream, for assertions.
type StreamState struct {
	Name, ARN, State, OutputFormat, FirehoseARN string
	Tags                                        map[string]string
}

// Stream returns a metric stream by name.
func (s *CloudWatchService) Stream(name string) (StreamState, bool) {
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
	return StreamState{ms.Name, ms.ARN, ms.State, ms.OutputFormat, ms.FirehoseARN, tags}, true
}

// SetStreamState starts or stops a stream behind Terraform's back (drift tests).
func (s *CloudWatchService) SetStreamState(name, state string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	ms, ok := s.streams[name]
	if ok {
		ms.State = state
	}
	return ok
}

// DeleteStream removes a stream behind Terraform's back (disappears tests).
func (s *CloudWatchService) DeleteStream(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.streams[name]
	delete(s.streams, name)
	return ok
}

func controlCloudWatchStreams(e *Emulator, w http.ResponseWriter, _ *http.Request) {
	s := e.CloudWatch()
	s.mu.Lock()
	out := map[string]string{}
	for n, ms := range s.streams {
		out[n] = ms.State
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, out)
}
