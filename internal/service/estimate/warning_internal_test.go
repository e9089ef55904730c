package estimate

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// readWith runs a data source's Read with the given config attributes (the
// rest null) and returns its diagnostics. terraform-plugin-testing cannot
// assert warnings, so the impossible-target warning is checked here.
func readWith(t *testing.T, d datasource.DataSource, attrs map[string]tftypes.Value) diag.Diagnostics {
	t.Helper()
	ctx := context.Background()
	var sresp datasource.SchemaResponse
	d.Schema(ctx, datasource.SchemaRequest{}, &sresp)
	typ := sresp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		if v, ok := attrs[name]; ok {
			vals[name] = v
		} else {
			vals[name] = tftypes.NewValue(at, nil)
		}
	}
	raw := tftypes.NewValue(typ, vals)
	req := datasource.ReadRequest{Config: tfsdk.Config{Schema: sresp.Schema, Raw: raw}}
	resp := datasource.ReadResponse{State: tfsdk.State{Schema: sresp.Schema, Raw: raw}}
	d.Read(ctx, req, &resp)
	return resp.Diagnostics
}

func TestImpossibleTargetWarnsNamingTheStage(t *testing.T) {
	diags := readWith(t, newLatencyEstimateDataSource(), map[string]tftypes.Value{
		"target_p95_seconds": tftypes.NewValue(tftypes.Number, 5.0),
	})
	if diags.HasError() {
		t.Fatalf("errors: %v", diags)
	}
	warnings := diags.Warnings()
	if len(warnings) != 1 {
		t.Fatalf("want one warning, got %v", diags)
	}
	w := warnings[0]
	if wp, ok := w.(diag.DiagnosticWithPath); !ok || wp.Path().String() != "target_p95_seconds" {
		t.Errorf("warning not on target_p95_seconds: %v", w)
	}
	// Default stack: new AL2023 nodes take at least 13 s to become Ready.
	if !strings.Contains(w.Detail(), "stage node_readiness") || !strings.Contains(w.Detail(), "bottlerocket") {
		t.Errorf("warning should name node_readiness and the fix: %s", w.Detail())
	}
}

// Issue 13 item 6: EKS lets you set the sync period to 10-15 s on a
// provisioned tier; on standard it stays 15 s.
func TestSyncPeriodFollowsEKSRules(t *testing.T) {
	diags := readWith(t, newLatencyEstimateDataSource(), map[string]tftypes.Value{
		"hpa_sync_period_seconds": tftypes.NewValue(tftypes.Number, 10.0),
		"control_plane_tier":      tftypes.NewValue(tftypes.String, "tier-xl"),
	})
	if len(diags) != 0 {
		t.Errorf("10s on tier-xl: want no diagnostics, got %v", diags)
	}
	diags = readWith(t, newLatencyEstimateDataSource(), map[string]tftypes.Value{
		"hpa_sync_period_seconds": tftypes.NewValue(tftypes.Number, 10.0),
	})
	if !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), "control_plane_tier") {
		t.Errorf("10s on standard: want an error naming control_plane_tier, got %v", diags)
	}
}

func TestReachableTargetHasNoWarning(t *testing.T) {
	diags := readWith(t, newLatencyEstimateDataSource(), map[string]tftypes.Value{
		"target_p95_seconds": tftypes.NewValue(tftypes.Number, 120.0),
	})
	if len(diags) != 0 {
		t.Errorf("want no diagnostics, got %v", diags)
	}
}
