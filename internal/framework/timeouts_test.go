package framework

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestTimeoutsBlockRejectsZeroNegativeAndHuge(t *testing.T) {
	ctx := context.Background()
	b := DescribedTimeoutsBlock(ctx, timeouts.Opts{Create: true, Delete: true}, "creating the thing").(schema.SingleNestedBlock)
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

func TestWithTimeoutBoundsTheOperation(t *testing.T) {
	ctx := context.Background()
	block := func(create attr.Value) timeouts.Value {
		return timeouts.Value{Object: types.ObjectValueMust(map[string]attr.Type{"create": types.StringType}, map[string]attr.Value{"create": create})}
	}
	for _, tc := range []struct {
		name    string
		value   timeouts.Value
		want    time.Duration // 0: no deadline
		wantErr bool
	}{
		{"unset: the default", block(types.StringNull()), 10 * time.Minute, false},
		{"set", block(types.StringValue("45s")), 45 * time.Second, false},
		{"unreadable", block(types.StringValue("soon")), 0, true},
	} {
		var diags diag.Diagnostics
		start := time.Now()
		opCtx, cancel := WithTimeout(ctx, tc.value.Create, 10*time.Minute, &diags)
		deadline, ok := opCtx.Deadline()
		cancel()
		if diags.HasError() != tc.wantErr {
			t.Errorf("%s: diagnostics %v, want error %v", tc.name, diags, tc.wantErr)
		}
		if ok != (tc.want > 0) {
			t.Errorf("%s: deadline set %v, want %v", tc.name, ok, tc.want > 0)
			continue
		}
		if got := deadline.Sub(start); ok && (got < tc.want || got > tc.want+time.Minute/2) {
			t.Errorf("%s: deadline in %v, want about %v", tc.name, got, tc.want)
		}
	}
}

// The block keeps the duration check and documents itself.
func TestDescribedTimeoutsBlock(t *testing.T) {
	b := DescribedTimeoutsBlock(context.Background(), timeouts.Opts{Create: true, Delete: true}, "creating the thing").(schema.SingleNestedBlock)
	if len(b.Attributes) != 2 || b.MarkdownDescription == "" {
		t.Fatalf("block: %+v", b)
	}
	for name, a := range b.Attributes {
		s := a.(schema.StringAttribute)
		if s.MarkdownDescription == "" {
			t.Errorf("%s has no description", name)
		}
		found := false
		for _, v := range s.Validators {
			if _, ok := v.(timeoutDuration); ok {
				found = true
			}
		}
		if !found {
			t.Errorf("%s lost the duration check", name)
		}
	}
}

func TestDurationText(t *testing.T) {
	for d, want := range map[time.Duration]string{2 * time.Hour: "2h", 10 * time.Minute: "10m", 90 * time.Minute: "1h30m", 30 * time.Second: "30s", 300 * time.Millisecond: "300ms"} {
		if got := DurationText(d); got != want {
			t.Errorf("DurationText(%v) = %q, want %q", d, got, want)
		}
	}
}
