package awsstandin

import (
	"errors"
	"strings"

	"github.com/aws/smithy-go"
)

// isNotFound is any of the APIs' not-found errors.
func isNotFound(err error) bool {
	var apiErr smithy.APIError
	return errors.As(err, &apiErr) && strings.Contains(apiErr.ErrorCode(), "NotFound")
}
