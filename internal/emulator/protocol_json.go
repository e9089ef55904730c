package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
)

// Helpers for the two JSON protocols: restJson1 (EKS) and awsJson1_x (ECR).

// writeRestJSONError writes a restJson1 error: the shape name in
// X-Amzn-ErrorType and a JSON body with the message.
func writeRestJSONError(w http.ResponseWriter, err *APIError) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-ErrorType", err.Code)
	w.WriteHeader(err.Status)
	_ = json.NewEncoder(w).Encode(map[string]string{"message": err.Message})
}

// writeAWSJSONError writes an awsJson1_0/1_1 error: __type and message.
func writeAWSJSONError(w http.ResponseWriter, contentType string, err *APIError) {
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(err.Status)
	_ = json.NewEncoder(w).Encode(map[string]string{"__type": err.Code, "message": err.Message})
}

// awsJSONTarget returns the operation of an awsJson request whose
// X-Amz-Target starts with prefix ("AmazonEC2ContainerRegistry_V20150921.").
func awsJSONTarget(r *http.Request, prefix string) string {
	t := r.Header.Get("X-Amz-Target")
	if r.Method != http.MethodPost || !strings.HasPrefix(t, prefix) {
		return ""
	}
	return strings.TrimPrefix(t, prefix)
}

// decodeJSONBody decodes a JSON request body; an empty body is an empty object.
func decodeJSONBody(r *http.Request, v any) *APIError {
	dec := json.NewDecoder(r.Body)
	if err := dec.Decode(v); err != nil && err.Error() != "EOF" {
		return newAPIError(http.StatusBadRequest, "SerializationException", "cannot decode request body: "+err.Error())
	}
	return nil
}
