package emulator

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

func (e *APIError) fault() string {
	if e.Fault != "" {
		return e.Fault
	}
	if e.Status >= 500 {
		return "Receiver"
	}
	return "Sender"
}

func newAPIError(status int, code, msg string) *APIError {
	return &APIError{Status: status, Code: code, Message: msg}
}

// Errors shared by every service.
func errThrottling() *APIError {
	return newAPIError(http.StatusTooManyRequests, "ThrottlingException", "Rate exceeded")
}

func errInternal() *APIError {
	return newAPIError(http.StatusInternalServerError, "InternalFailure", "The request processing has failed because of an unknown error (injected by the emulator)")
}

func errServiceUnavailable() *APIError {
	return newAPIError(http.StatusServiceUnavailable, "ServiceUnavailableException", "Service is unavailable (injected by the emulator)")
}
