package tfresource

import (
	"errors"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
)

// MayHaveTakenEffect reports whether a failed create or update may still
// have happened: the service answered 5xx (a reply lost after the change,
// as the SDK's retries can end on), or did not answer at all (a canceled
// context, a deadline, a dropped connection), so the object may exist.
// A 4xx answer, throttling included, is a refusal: nothing changed.
func MayHaveTakenEffect(err error) bool {
	if err == nil {
		return true
	}
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		// 0: the SDK's wrapper for a request that got no answer.
		code := re.HTTPStatusCode()
		return code < 400 || code >= 500
	}
	return true
}
