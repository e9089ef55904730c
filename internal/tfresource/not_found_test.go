package tfresource

import (
	"errors"
	"fmt"
	"testing"
)

type apiNotFound struct{}

func (apiNotFound) Error() string { return "ResourceNotFoundException: no such cluster" }

func TestNotFoundErrorSaysWhatAndWhy(t *testing.T) {
	cause := apiNotFound{}
	err := NewNotFoundError(`EKS cluster "prod"`, cause)
	if got, want := err.Error(), `EKS cluster "prod": not found (ResourceNotFoundException: no such cluster)`; got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
	if got, want := NewNotFoundError(`rule "x"`, nil).Error(), `rule "x": not found`; got != want {
		t.Fatalf("Error() without cause = %q, want %q", got, want)
	}
	if !IsA[apiNotFound](err) {
		t.Fatal("the API's error is not reachable through the NotFoundError")
	}
}

func TestIsNotFoundSeesThroughWrapping(t *testing.T) {
	wrapped := fmt.Errorf("reading the tier: %w", NewNotFoundError("cluster", nil))
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{NewNotFoundError("cluster", nil), true},
		{wrapped, true},
		{errors.New("cluster: not found"), false}, // the words alone do not count
		{apiNotFound{}, false},                    // an SDK error must be turned into a NotFoundError by its finder
		{nil, false},
	} {
		if got := IsNotFound(tc.err); got != tc.want {
			t.Errorf("IsNotFound(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

func TestIsAMatchesTheErrorType(t *testing.T) {
	if !IsA[apiNotFound](fmt.Errorf("op: %w", apiNotFound{})) {
		t.Error("wrapped apiNotFound not matched")
	}
	if IsA[apiNotFound](errors.New("other")) || IsA[apiNotFound](nil) {
		t.Error("matched an error of another type")
	}
}
