package server

import "net/http"

// APIError is an AWS error as a service returns it: HTTP status, error code
// (the shape name, e.g. ResourceNotFoundException) and message.
type APIError struct {
	Status  int
	Code    string
	Message string
	// QueryCode is the awsQuery-compatible code some protocols also send
	// (X-Amzn-Query-Error); empty means use Code.
	QueryCode string
	// Fault is "Sender" (client error) or "Receiver" (server error).
	Fault string
}

func (e *APIError) Error() string { return e.Code + ": " + e.Message }

// FaultSide is "Sender" for client errors and "Receiver" for server errors.
func (e *APIError) FaultSide() string {
	if e.Fault != "" {
		return e.Fault
	}
	if e.Status >= 500 {
		return "Receiver"
	}
	return "Sender"
}

// NewAPIError builds an error with a status, a shape name and a message.
func NewAPIError(status int, code, msg string) *APIError {
	return &APIError{Status: status, Code: code, Message: msg}
}

// Errors shared by every service.

// ErrThrottling is the throttling error every AWS service may answer; the
// SDK retries it.
func ErrThrottling() *APIError {
	return NewAPIError(http.StatusTooManyRequests, "ThrottlingException", "Rate exceeded")
}

// ErrInternal is a generic server error; the SDK retries it.
func ErrInternal() *APIError {
	return NewAPIError(http.StatusInternalServerError, "InternalFailure", "The request processing has failed because of an unknown error (injected by the emulator)")
}

// ErrServiceUnavailable is a 503; the SDK retries it.
func ErrServiceUnavailable() *APIError {
	return NewAPIError(http.StatusServiceUnavailable, "ServiceUnavailableException", "Service is unavailable (injected by the emulator)")
}

// ErrSerialization is a request body the protocol cannot decode.
func ErrSerialization(msg string) *APIError {
	return NewAPIError(http.StatusBadRequest, "SerializationException", msg)
}
