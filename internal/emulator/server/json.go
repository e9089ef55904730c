package server

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// Helpers shared by the two JSON protocols.

// decodeJSONTree parses a JSON body; an empty body is no members.
func decodeJSONTree(body []byte) (any, *APIError) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, ErrSerialization("cannot decode request body: " + err.Error())
	}
	return tree, nil
}

func writeJSONTree(w http.ResponseWriter, contentType string, status int, tree any) {
	if tree == nil {
		tree = map[string]any{}
	}
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(tree)
}
