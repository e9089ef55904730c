package framework

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestTimeoutsBlockRejectsZeroNegativeAndHuge(t *testing.T) {
	ctx := context.Background()
	b := TimeoutsBlock(ctx, timeouts.Opts{Create: true, Delete: true}).(schema.SingleNestedBlock)
	if len(b.Attributes) != 2 {
		t.Fatalf("attributes: %v", b.Attributes)
	}
	create := b.Attributes["create"].(schema.StringAttribute)
	for value, wantErr := range map[string]string{
		"45m": "", "24h": "", "1ns": "",
		"0s": "more than 0", "-5m": "more than 0", "25h": "at most 24h0m0s",
		"soon": "", // unparsable: the timeouts package's own check reports it
	} {
		var last *validator.StringResponse
		for _, v := range create.Validators {
			resp := &validator.StringResponse{}
			v.ValidateString(ctx, validator.StringRequest{Path: path.Root("timeouts").AtName("create"), ConfigValue: types.StringValue(value)}, resp)
			if _, ok := v.(timeoutDuration); ok {
				last = resp
			}
		}
		got := ""
		if last.Diagnostics.HasError() {
			got = last.Diagnostics.Errors()[0].Detail()
		}
		if (wantErr == "") != (got == "") || !strings.Contains(got, wantErr) {
			t.Errorf("%q: got %q, want an error containing %q", value, got, wantErr)
		}
		if got != "" && !strings.Contains(got, "timeouts.create") {
			t.Errorf("%q: the error does not name the attribute: %q", value, got)
		}
	}
}
