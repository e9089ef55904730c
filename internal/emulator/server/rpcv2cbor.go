package server

import (
	"net/http"
	"strings"

	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/encoding/cbor"
)

// RPCv2CBOR is Smithy RPC v2 CBOR (CloudWatch): POST
// /service/<ServiceName>/operation/<Operation>, Smithy-Protocol:
// rpc-v2-cbor, CBOR bodies with the model's member names and timestamps as
// tag 1. An awsQuery-compatible service also sends X-Amzn-Query-Error,
// which the SDK uses as the error code.
type RPCv2CBOR struct {
	// ServiceName is the service shape's name, e.g.
	// "GraniteServiceVersion20100801".
	ServiceName string
	// Namespace prefixes the __type of errors, e.g. "com.amazonaws.cloudwatch#".
	Namespace string
	// ServerError is the service's own shape for InternalFailure.
	ServerError string
	// MessageMember is each error shape's message member when it is not
	// "message": a wrong case leaves the SDK error's message empty.
	MessageMember map[string]string
	// QueryCode is each error shape's awsQuery code (AWSQueryError trait);
	// nil for services that are not awsQuery-compatible.
	QueryCode map[string]string
}

func (p RPCv2CBOR) prefix() string { return "/service/" + p.ServiceName + "/operation/" }

// Match finds the operation named by the path.
func (p RPCv2CBOR) Match(r *http.Request, ops []Operation) (*Operation, map[string]string) {
	if r.Method != http.MethodPost || !strings.HasPrefix(r.URL.Path, p.prefix()) {
		return nil, nil
	}
	name := strings.TrimPrefix(r.URL.Path, p.prefix())
	for i := range ops {
		if ops[i].Name == name {
			return &ops[i], nil
		}
	}
	return nil, nil
}

// Decode reads the CBOR body into the input.
func (p RPCv2CBOR) Decode(r *http.Request, body []byte, _ map[string]string, op *Operation, in any) *APIError {
	if r.Header.Get("Smithy-Protocol") != "rpc-v2-cbor" {
		return NewAPIError(http.StatusBadRequest, "InvalidParameterValueException", "missing header Smithy-Protocol: rpc-v2-cbor")
	}
	if len(body) == 0 {
		return nil
	}
	v, err := cbor.Decode(body)
	if err != nil {
		return ErrSerialization("cannot decode CBOR body: " + err.Error())
	}
	return op.decodeBody(in, cborToGo(v), false)
}

// WriteOutput writes the output's members as CBOR.
func (p RPCv2CBOR) WriteOutput(w http.ResponseWriter, out smithy.Serializable) {
	tree, _ := serializeTree(out, false)
	if tree == nil {
		tree = map[string]any{}
	}
	writeCBOR(w, http.StatusOK, goToCBOR(tree))
}

// WriteError writes the error shape with its message member and, for an
// awsQuery-compatible service, its query code.
func (p RPCv2CBOR) WriteError(w http.ResponseWriter, err *APIError) {
	code := err.Code
	if code == "InternalFailure" && p.ServerError != "" {
		code = p.ServerError
	}
	member := p.MessageMember[code]
	if member == "" {
		member = "message"
	}
	if p.QueryCode != nil {
		query := err.QueryCode
		if query == "" {
			query = p.QueryCode[code]
		}
		if query == "" {
			query = code
		}
		w.Header().Set("X-Amzn-Query-Error", query+";"+err.FaultSide())
	}
	writeCBOR(w, err.Status, cbor.Map{"__type": cbor.String(p.Namespace + code), member: cbor.String(err.Message)})
}

func writeCBOR(w http.ResponseWriter, status int, v cbor.Value) {
	w.Header().Set("Smithy-Protocol", "rpc-v2-cbor")
	w.Header().Set("Content-Type", "application/cbor")
	w.WriteHeader(status)
	_, _ = w.Write(cbor.Encode(v))
}
