package server

import (
	"fmt"
	"io"
	"net/http"
	"time"
)

// DefaultMaxBodyBytes caps a request body. The largest legitimate request
// of the emulated operations is a PutMetricStream at its limits (1000
// filter names and 100 x 100 statistics metrics of 255 characters each,
// about 5 MB of CBOR); 8 MiB leaves room and keeps a flood of large bodies
// from taking the machine's memory.
const DefaultMaxBodyBytes = 8 << 20

// Server dispatches API requests to services: it counts calls, applies
// injected faults, reads bodies within the cap, decodes inputs, calls the
// operation and encodes its output.
type Server struct {
	Services     []*Service
	Faults       *Faults
	Calls        *CallLog
	MaxBodyBytes int64
}

// Serve handles r if a service claims it, and reports whether one did.
func (s *Server) Serve(w http.ResponseWriter, r *http.Request) bool {
	for _, svc := range s.Services {
		op, labels := svc.Protocol.Match(r, svc.Operations)
		if op == nil {
			continue
		}
		s.serveOperation(w, r, svc, op, labels)
		return true
	}
	return false
}

func (s *Server) serveOperation(w http.ResponseWriter, r *http.Request, svc *Service, op *Operation, labels map[string]string) {
	s.Calls.record(svc.Name, op.Name)
	if f, ok := s.Faults.takeBefore(svc.Name, op.Name); ok {
		if f.Kind != FaultSlow {
			svc.Protocol.WriteError(w, f.apiError(svc, op.Name))
			return
		}
		// The call goes on after the delay even if the client has gone.
		time.Sleep(f.Delay)
	}
	body, aerr := s.readBody(w, r)
	if aerr != nil {
		svc.Protocol.WriteError(w, aerr)
		return
	}
	in := op.newInput()
	if aerr := svc.Protocol.Decode(r, body, labels, op, in); aerr != nil {
		svc.Protocol.WriteError(w, aerr)
		return
	}
	out, aerr := op.call(in)
	if aerr != nil {
		svc.Protocol.WriteError(w, aerr)
		return
	}
	if _, lost := s.Faults.takeLostReply(svc.Name, op.Name); lost {
		svc.Protocol.WriteError(w, ErrInternal())
		return
	}
	svc.Protocol.WriteOutput(w, out)
}

// drainBytes is how much of an oversized body is read and thrown away so
// that the client, still sending, gets the 413 rather than a reset
// connection (which the SDK would retry, sending it all again). Beyond it
// the connection is closed. Draining costs time, not memory.
const drainBytes = 64 << 20

// readBody reads at most MaxBodyBytes into memory; a longer body is
// refused with 413 and never held.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, *APIError) {
	limit := s.MaxBodyBytes
	if limit <= 0 {
		limit = DefaultMaxBodyBytes
	}
	tooLarge := func() *APIError {
		w.Header().Set("Connection", "close")
		_, _ = io.CopyN(io.Discard, r.Body, drainBytes)
		return ErrBodyTooLarge(limit)
	}
	if r.ContentLength > limit {
		return nil, tooLarge()
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	switch {
	case err == nil && int64(len(body)) > limit:
		return nil, tooLarge()
	case err != nil:
		return nil, ErrSerialization("cannot read the request body: " + err.Error())
	}
	return body, nil
}

// ErrBodyTooLarge is the 413 AWS's front ends answer for an oversized
// request.
func ErrBodyTooLarge(limit int64) *APIError {
	return NewAPIError(http.StatusRequestEntityTooLarge, "RequestEntityTooLargeException",
		fmt.Sprintf("Request body is larger than the limit of %d bytes.", limit))
}
