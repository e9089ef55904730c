// Package tfresource is the AWS plumbing the resources share, in the spirit
// of terraform-provider-aws's package of the same name: one way to say "the
// API says this object does not exist", and one way to wait for an
// eventually consistent API.
package tfresource

import (
	"errors"
	"fmt"
)

// NotFoundError says the API reports no such object (or answered with
// nothing), so callers can tell a missing object from a failed call.
type NotFoundError struct {
	// What names the object, e.g. `EKS cluster "prod"`.
	What string
	// Cause is the API's own error, or why its answer counts as none.
	Cause error
}

func (e *NotFoundError) Error() string {
	if e.Cause == nil {
		return e.What + ": not found"
	}
	return fmt.Sprintf("%s: not found (%v)", e.What, e.Cause)
}

func (e *NotFoundError) Unwrap() error { return e.Cause }

// NewNotFoundError is a NotFoundError for what, caused by cause (may be nil).
func NewNotFoundError(what string, cause error) error {
	return &NotFoundError{What: what, Cause: cause}
}

// IsNotFound reports whether err is, or wraps, a NotFoundError.
func IsNotFound(err error) bool {
	var nf *NotFoundError
	return errors.As(err, &nf)
}

// IsA reports whether err is, or wraps, an error of type T, such as an SDK
// exception: IsA[*types.ResourceNotFoundException](err).
func IsA[T error](err error) bool {
	var target T
	return errors.As(err, &target)
}
