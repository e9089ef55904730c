package emulator

import (
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"

	"github.com/aws/smithy-go/encoding/cbor"
)

// CloudWatch speaks Smithy RPC v2 CBOR as github.com/aws/aws-sdk-go-v2/
// service/cloudwatch expects: POST /service/GraniteServiceVersion20100801/
// operation/<Op>, Smithy-Protocol: rpc-v2-cbor, CBOR bodies with the
// model's PascalCase members, timestamps as tag 1. CloudWatch is
// awsQuery-compatible: errors carry the shape in __type and the query code
// in X-Amzn-Query-Error, which the SDK uses as the error code. Only metric
// streams and their tags are emulated.

const (
	cloudWatchPathPrefix = "/service/GraniteServiceVersion20100801/operation/"
	cloudWatchNamespace  = "com.amazonaws.cloudwatch#"
)

func init() { registerService(func(e *Emulator) service { return newCloudWatchService(e) }) }

// CloudWatchService is the emulated CloudWatch: metric streams and tags.
// Tests reach it through Emulator.CloudWatch().
type CloudWatchService struct {
	emu *Emulator

	mu      sync.Mutex
	streams map[string]*metricStream // by name
}

func newCloudWatchService(e *Emulator) *CloudWatchService {
	s := &CloudWatchService{emu: e}
	s.reset()
	return s
}

// CloudWatch returns the emulator's CloudWatch service.
func (e *Emulator) CloudWatch() *CloudWatchService {
	for _, s := range e.services {
		if v, ok := s.(*CloudWatchService); ok {
			return v
		}
	}
	panic("emulator: CloudWatch service not registered")
}

func (s *CloudWatchService) name() string { return "cloudwatch" }

func (s *CloudWatchService) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.streams = map[string]*metricStream{}
}

func (s *CloudWatchService) operation(r *http.Request) string {
	if r.Method != http.MethodPost || !strings.HasPrefix(r.URL.Path, cloudWatchPathPrefix) {
		return ""
	}
	return strings.TrimPrefix(r.URL.Path, cloudWatchPathPrefix)
}

func (s *CloudWatchService) notFound() *APIError {
	return errCWStreamNotFound("(injected by the emulator)")
}

func (s *CloudWatchService) serve(w http.ResponseWriter, r *http.Request, op string) {
	if r.Header.Get("Smithy-Protocol") != "rpc-v2-cbor" {
		s.writeError(w, newAPIError(http.StatusBadRequest, "InvalidParameterValueException", "missing header Smithy-Protocol: rpc-v2-cbor"))
		return
	}
	in, aerr := decodeCBORBody(r)
	if aerr != nil {
		s.writeError(w, aerr)
		return
	}
	var out map[string]any
	switch op {
	case "PutMetricStream":
		out, aerr = s.putMetricStream(in)
	case "GetMetricStream":
		out, aerr = s.getMetricStream(in)
	case "ListMetricStreams":
		out, aerr = s.listMetricStreams(in)
	case "DeleteMetricStream":
		out, aerr = s.deleteMetricStream(in)
	case "StartMetricStreams":
		out, aerr = s.setStreamsState(in, "running")
	case "StopMetricStreams":
		out, aerr = s.setStreamsState(in, "stopped")
	case "TagResource":
		out, aerr = s.tagResource(in)
	case "UntagResource":
		out, aerr = s.untagResource(in)
	case "ListTagsForResource":
		out, aerr = s.listTagsForResource(in)
	default:
		aerr = newAPIError(http.StatusBadRequest, "UnknownOperationException", "emulator: CloudWatch operation "+op+" is not implemented")
	}
	if aerr != nil {
		s.writeError(w, aerr)
		return
	}
	writeCBOR(w, http.StatusOK, goToCBOR(out))
}

func decodeCBORBody(r *http.Request) (cborObject, *APIError) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, newAPIError(http.StatusBadRequest, "SerializationException", "cannot read body: "+err.Error())
	}
	if len(body) == 0 {
		return cborObject{}, nil
	}
	v, err := cbor.Decode(body)
	if err != nil {
		return nil, newAPIError(http.StatusBadRequest, "SerializationException", "cannot decode CBOR body: "+err.Error())
	}
	m, ok := cborToGo(v).(map[string]any)
	if !ok {
		return nil, newAPIError(http.StatusBadRequest, "SerializationException", "the CBOR body is not a map")
	}
	return cborObject(m), nil
}

func writeCBOR(w http.ResponseWriter, status int, v cbor.Value) {
	w.Header().Set("Smithy-Protocol", "rpc-v2-cbor")
	w.Header().Set("Content-Type", "application/cbor")
	w.WriteHeader(status)
	_, _ = w.Write(cbor.Encode(v))
}

// cwMessageMember is each error shape's message member: the model is not
// consistent, and a wrong case leaves the SDK error's message empty.
var cwMessageMember = map[string]string{
	"ConcurrentModificationException":      "Message",
	"InternalServiceFault":                 "Message",
	"LimitExceededException":               "Message",
	"ResourceNotFoundException":            "Message",
	"InvalidParameterCombinationException": "message",
	"InvalidParameterValueException":       "message",
	"MissingRequiredParameterException":    "message",
	"LimitExceededFault":                   "message",
	"ResourceNotFound":                     "message",
}

// cwQueryCode is each error shape's awsQuery code (the AWSQueryError trait).
var cwQueryCode = map[string]string{
	"InternalServiceFault":                 "InternalServiceError",
	"InvalidParameterCombinationException": "InvalidParameterCombination",
	"InvalidParameterValueException":       "InvalidParameterValue",
	"MissingRequiredParameterException":    "MissingParameter",
	"LimitExceededFault":                   "LimitExceeded",
	"ResourceNotFound":                     "ResourceNotFound",
	"ThrottlingException":                  "Throttling",
}

func (s *CloudWatchService) writeError(w http.ResponseWriter, err *APIError) {
	code := err.Code
	if code == "InternalFailure" {
		// CloudWatch's server error shape.
		code = "InternalServiceFault"
	}
	query := err.QueryCode
	if query == "" {
		query = cwQueryCode[code]
	}
	if query == "" {
		query = code
	}
	member := cwMessageMember[code]
	if member == "" {
		member = "message"
	}
	body := cbor.Map{"__type": cbor.String(cloudWatchNamespace + code), member: cbor.String(err.Message)}
	w.Header().Set("X-Amzn-Query-Error", query+";"+err.fault())
	writeCBOR(w, err.Status, body)
}

// CloudWatch error shapes (schemas.go of the SDK, with their HTTP codes).

func errCWInvalidValue(msg string) *APIError {
	return newAPIError(http.StatusBadRequest, "InvalidParameterValueException", msg)
}

func errCWCombination(msg string) *APIError {
	return newAPIError(http.StatusBadRequest, "InvalidParameterCombinationException", msg)
}

func errCWMissing(member string) *APIError {
	return newAPIError(http.StatusBadRequest, "MissingRequiredParameterException", "The parameter "+member+" is required.")
}

func errCWStreamNotFound(detail string) *APIError {
	return newAPIError(http.StatusNotFound, "ResourceNotFoundException", "The specified metric stream was not found "+detail)
}

func cwSortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
