package tfresource

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

func responseError(status int) error {
	return &awshttp.ResponseError{ResponseError: &smithyhttp.ResponseError{
		Response: &smithyhttp.Response{Response: &http.Response{StatusCode: status}},
		Err:      errors.New("api error"),
	}}
}

func TestMayHaveTakenEffect(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"400 refused", responseError(400), false},
		{"429 throttled", fmt.Errorf("operation error: %w", responseError(429)), false},
		{"500 lost reply", fmt.Errorf("operation error: %w", responseError(500)), true},
		{"503", responseError(503), true},
		{"no answer", responseError(0), true},
		{"canceled", fmt.Errorf("operation error: %w", context.Canceled), true},
		{"deadline", context.DeadlineExceeded, true},
	} {
		if got := MayHaveTakenEffect(tc.err); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
