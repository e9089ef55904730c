package eks

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
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

// setTier waits out an update already moving the cluster to the tier and
// adopts it (an earlier, interrupted apply started it): no second update,
// previous tier and update ID from it.
func TestSetTierAdoptsTheUpdateItWaitedFor(t *testing.T) {
	emu, client := startEmulator(t)
	conn := client()
	ctx := context.Background()
	if err := emu.EKS().SeedCluster(emulator.ClusterSeed{Name: "c", Version: "1.33"}); err != nil {
		t.Fatal(err)
	}
	emu.EKS().SetUpdateDelay("c", 500*time.Millisecond)
	out, err := conn.UpdateClusterConfig(ctx, &eks.UpdateClusterConfigInput{
		Name:                      aws.String("c"),
		ControlPlaneScalingConfig: &types.ControlPlaneScalingConfig{Tier: types.ProvisionedControlPlaneTierTierXl},
	})
	if err != nil {
		t.Fatal(err)
	}
	change, err := setTier(ctx, conn, "c", "tier-xl", 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if change.Update == nil || aws.ToString(change.Update.Id) != aws.ToString(out.Update.Id) || change.Previous != "standard" {
		t.Fatalf("change = %+v, want the running update adopted with previous tier standard", change)
	}
	if n := emu.Calls.Count("eks", "UpdateClusterConfig"); n != 1 {
		t.Fatalf("UpdateClusterConfig called %d times, want 1 (the test's own)", n)
	}
	// An update to another tier is waited out, not adopted.
	if _, err := conn.UpdateClusterConfig(ctx, &eks.UpdateClusterConfigInput{
		Name:                      aws.String("c"),
		ControlPlaneScalingConfig: &types.ControlPlaneScalingConfig{Tier: types.ProvisionedControlPlaneTierTier4xl},
	}); err != nil {
		t.Fatal(err)
	}
	change, err = setTier(ctx, conn, "c", "tier-xl", 0, nil)
	if err != nil || change.Previous != "tier-4xl" || change.Update == nil || updateParam(change.Update, types.UpdateParamTypeUpdatedTier) != "tier-xl" {
		t.Fatalf("change = %+v, %v; want a new update from tier-4xl", change, err)
	}
}
