package server

import (
	"net/http"
	"strings"

	smithy "github.com/aws/smithy-go"
)

// AWSJSON is AWS awsJson1_0/1_1 (ECR is 1.1): POST / with X-Amz-Target
// "<TargetPrefix><Operation>", the whole input as a JSON body, errors as
// {"__type": <shape>, "message": ...}.
type AWSJSON struct {
	// TargetPrefix is the X-Amz-Target up to the operation name, e.g.
	// "AmazonEC2ContainerRegistry_V20150921.".
	TargetPrefix string
	// ContentType is "application/x-amz-json-1.1" or "-1.0".
	ContentType string
}

// Match finds the operation the X-Amz-Target header names.
func (p AWSJSON) Match(r *http.Request, ops []Operation) (*Operation, map[string]string) {
	t := r.Header.Get("X-Amz-Target")
	if r.Method != http.MethodPost || !strings.HasPrefix(t, p.TargetPrefix) {
		return nil, nil
	}
	name := strings.TrimPrefix(t, p.TargetPrefix)
	for i := range ops {
		if ops[i].Name == name {
			return &ops[i], nil
		}
	}
	return nil, nil
}

// Decode reads the JSON body into the input.
func (p AWSJSON) Decode(_ *http.Request, body []byte, _ map[string]string, op *Operation, in any) *APIError {
	tree, aerr := decodeJSONTree(body)
	if aerr != nil {
		return aerr
	}
	return op.decodeBody(in, tree, false)
}

// WriteOutput writes the output's members as JSON.
func (p AWSJSON) WriteOutput(w http.ResponseWriter, out smithy.Serializable) {
	tree, _ := serializeTree(out, false)
	writeJSONTree(w, p.ContentType, http.StatusOK, tree)
}

// WriteError writes an awsJson error.
func (p AWSJSON) WriteError(w http.ResponseWriter, err *APIError) {
	writeJSONTree(w, p.ContentType, err.Status, map[string]any{"__type": err.Code, "message": err.Message})
}
