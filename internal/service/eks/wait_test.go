package eks

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

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

// setTier waits for a missing cluster to become visible only for the
// propagation it is given: destroy passes 0 and asks once, since there a
// missing cluster is simply gone.
func TestSetTierWaitsForAMissingClusterOnlyForPropagation(t *testing.T) {
	emu, client := startEmulator(t)
	conn := client()
	for _, tc := range []struct {
		propagation time.Duration
		atLeast     int
		atMost      int
	}{
		{0, 1, 1},
		{300 * time.Millisecond, 2, 1 << 30},
	} {
		emu.Calls.Clear()
		_, err := setTier(context.Background(), conn, "no-such-cluster", "tier-xl", tc.propagation, nil)
		if !tfresource.IsNotFound(err) {
			t.Fatalf("propagation %v: err = %v, want NotFound", tc.propagation, err)
		}
		if n := emu.Calls.Count("eks", "DescribeCluster"); n < tc.atLeast || n > tc.atMost {
			t.Errorf("propagation %v: %d DescribeCluster calls, want %d to %d", tc.propagation, n, tc.atLeast, tc.atMost)
		}
	}
}
