// Package cloudwatch is the emulated CloudWatch: metric streams and their
// tags. It speaks Smithy RPC v2 CBOR through the server package, with the
// SDK's own input and output types.
package cloudwatch

import (
	"net/http"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/schemas"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// Service is the emulated CloudWatch. Tests reach it through
// Emulator.CloudWatch().
type Service struct {
	env server.Env

	mu      sync.Mutex
	streams map[string]*metricStream // by name
}

// New is a CloudWatch without streams.
func New(env server.Env) *Service {
	s := &Service{env: env}
	s.Reset()
	return s
}

// Definition is the service as the server dispatches it. CloudWatch is
// awsQuery-compatible: errors carry the shape in __type and the query code
// in X-Amzn-Query-Error, which the SDK uses as the error code.
func (s *Service) Definition() *server.Service {
	return &server.Service{
		Name: "cloudwatch",
		Protocol: server.RPCv2CBOR{
			ServiceName:   "GraniteServiceVersion20100801",
			Namespace:     "com.amazonaws.cloudwatch#",
			ServerError:   "InternalServiceFault",
			MessageMember: messageMember,
			QueryCode:     queryCode,
		},
		Operations: []server.Operation{
			server.Op(schemas.PutMetricStream, s.putMetricStream),
			server.Op(schemas.GetMetricStream, s.getMetricStream),
			server.Op(schemas.ListMetricStreams, s.listMetricStreams),
			server.Op(schemas.DeleteMetricStream, s.deleteMetricStream),
			server.Op(schemas.StartMetricStreams, s.startMetricStreams),
			server.Op(schemas.StopMetricStreams, s.stopMetricStreams),
			server.Op(schemas.TagResource, s.tagResource),
			server.Op(schemas.UntagResource, s.untagResource),
			server.Op(schemas.ListTagsForResource, s.listTagsForResource),
		},
		NotFound: func(string) *server.APIError { return errStreamNotFound("(injected by the emulator)") },
		Reset:    s.Reset,
		Control:  map[string]http.HandlerFunc{"streams": s.controlStreams},
	}
}

// Reset drops every stream.
func (s *Service) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.streams = map[string]*metricStream{}
}

// messageMember is each error shape's message member where it is not
// "message": the model is not consistent.
var messageMember = map[string]string{
	"ConcurrentModificationException": "Message",
	"InternalServiceFault":            "Message",
	"LimitExceededException":          "Message",
	"ResourceNotFoundException":       "Message",
}

// queryCode is each error shape's awsQuery code (the AWSQueryError trait).
var queryCode = map[string]string{
	"InternalServiceFault":                 "InternalServiceError",
	"InvalidParameterCombinationException": "InvalidParameterCombination",
	"InvalidParameterValueException":       "InvalidParameterValue",
	"MissingRequiredParameterException":    "MissingParameter",
	"LimitExceededFault":                   "LimitExceeded",
	"ResourceNotFound":                     "ResourceNotFound",
	"ThrottlingException":                  "Throttling",
}

// CloudWatch error shapes (schemas.go of the SDK, with their HTTP codes).

func errInvalidValue(msg string) *server.APIError {
	return server.NewAPIError(http.StatusBadRequest, "InvalidParameterValueException", msg)
}

func errCombination(msg string) *server.APIError {
	return server.NewAPIError(http.StatusBadRequest, "InvalidParameterCombinationException", msg)
}

func errMissing(member string) *server.APIError {
	return server.NewAPIError(http.StatusBadRequest, "MissingRequiredParameterException", "The parameter "+member+" is required.")
}

func errStreamNotFound(detail string) *server.APIError {
	return server.NewAPIError(http.StatusNotFound, "ResourceNotFoundException", "The specified metric stream was not found "+detail)
}
