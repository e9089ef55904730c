package workload

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Issue 13 item 8: a schedule window whose replicas are not above the base
// size changes nothing (windows only raise the pool). The plan says so on
// the window, instead of rendering no CronJob in silence.
// terraform-plugin-testing cannot assert warnings, so this reads in process.
func TestWarmPoolScheduleThatDoesNothingWarns(t *testing.T) {
	ctx := context.Background()
	d := newWarmPoolDataSource()
	var sresp datasource.SchemaResponse
	d.Schema(ctx, datasource.SchemaRequest{}, &sresp)
	typ := sresp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	num := func(v int64) tftypes.Value { return tftypes.NewValue(tftypes.Number, new(big.Float).SetInt64(v)) }
	str := func(v string) tftypes.Value { return tftypes.NewValue(tftypes.String, v) }
	window := typ.AttributeTypes["schedule"].(tftypes.List).ElementType.(tftypes.Object)
	night := tftypes.NewValue(window, map[string]tftypes.Value{
		"name": str("night"), "start": str("0 22 * * *"), "end": str("0 6 * * *"), "time_zone": str("UTC"), "replicas": num(2),
	})
	set := map[string]tftypes.Value{
		"replicas": num(10), "cpu": str("500m"), "node_pool": str("general"),
		"schedule": tftypes.NewValue(typ.AttributeTypes["schedule"], []tftypes.Value{night}),
	}
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		if v, ok := set[name]; ok {
			vals[name] = v
		} else {
			vals[name] = tftypes.NewValue(at, nil)
		}
	}
	raw := tftypes.NewValue(typ, vals)
	resp := datasource.ReadResponse{State: tfsdk.State{Schema: sresp.Schema, Raw: raw}}
	d.(*warmPoolDataSource).Read(ctx, datasource.ReadRequest{Config: tfsdk.Config{Schema: sresp.Schema, Raw: raw}}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("errors: %v", resp.Diagnostics)
	}
	w := resp.Diagnostics.Warnings()
	if len(w) != 1 || !strings.Contains(w[0].Detail(), "not above the base size 10") || !strings.Contains(w[0].Summary(), "schedule[0].replicas") {
		t.Fatalf("want one warning on schedule[0].replicas, got %v", resp.Diagnostics)
	}
}
