package server

import (
	"encoding/json"
	"io"
	"net/http"
)

// Helpers for the emulator's control routes, which speak plain JSON.

// MaxControlBodyBytes caps a control request's body.
const MaxControlBodyBytes = 64 << 10

// WriteJSON writes v as a JSON reply.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// WriteControlError writes {"error": msg}.
func WriteControlError(w http.ResponseWriter, status int, msg string) {
	WriteJSON(w, status, map[string]string{"error": msg})
}

// ReadJSON decodes a control request's body into v; an empty body leaves v
// as it is.
func ReadJSON(w http.ResponseWriter, r *http.Request, v any) error {
	err := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxControlBodyBytes)).Decode(v)
	if err == io.EOF {
		return nil
	}
	return err
}
