package eks

import (
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"
)

func TestBackoffDoublesToTheCap(t *testing.T) {
	// The real-use defaults (this package's acceptance tests lower the vars).
	b := &backoff{next: defaultPollMinDelay, max: defaultPollMaxDelay}
	var got []time.Duration
	for range 6 {
		got = append(got, b.delay())
	}
	want := []time.Duration{2 * time.Second, 4 * time.Second, 8 * time.Second, 15 * time.Second, 15 * time.Second, 15 * time.Second}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("delays = %v, want %v", got, want)
		}
	}
}

func TestUpdateErrorCarriesAWSMessages(t *testing.T) {
	u := &types.Update{
		Id:     aws.String("u-1"),
		Status: types.UpdateStatusFailed,
		Errors: []types.ErrorDetail{
			{ErrorCode: types.ErrorCodeUnknown, ErrorMessage: aws.String("first")},
			{ErrorMessage: aws.String("second")},
		},
	}
	err := updateError("c", u)
	if err == nil || !strings.Contains(err.Error(), "ended Failed: Unknown: first; second") {
		t.Fatalf("updateError = %v", err)
	}
	u.Status = types.UpdateStatusSuccessful
	if err := updateError("c", u); err != nil {
		t.Fatalf("successful update gave %v", err)
	}
}
