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

// timedModel is a resource model with a timeouts block.
type timedModel struct {
	Name     string
	Timeouts timeouts.Value
}

// modelSource hands out a fixed model, or diagnostics, as a Plan or State would.
type modelSource struct {
	m     timedModel
	diags diag.Diagnostics
}

func (s modelSource) Get(_ context.Context, target any) diag.Diagnostics {
	*target.(*timedModel) = s.m
	return s.diags
}

func TestGetWithTimeoutReadsTheModelThenBoundsTheOperation(t *testing.T) {
	ctx := context.Background()
	block := func(del attr.Value) timeouts.Value {
		return timeouts.Value{Object: types.ObjectValueMust(map[string]attr.Type{"delete": types.StringType}, map[string]attr.Value{"delete": del})}
	}
	var failed diag.Diagnostics
	failed.AddError("cannot read", "state")
	for _, tc := range []struct {
		name    string
		src     modelSource
		before  diag.Diagnostics // diagnostics the caller already holds
		want    time.Duration    // 0: no deadline
		wantOK  bool
		wantErr int
	}{
		{"unset: the default", modelSource{m: timedModel{"a", block(types.StringNull())}}, nil, 10 * time.Minute, true, 0},
		{"set: the model's own", modelSource{m: timedModel{"a", block(types.StringValue("45s"))}}, nil, 45 * time.Second, true, 0},
		{"unreadable timeout", modelSource{m: timedModel{"a", block(types.StringValue("soon"))}}, nil, 0, false, 1},
		{"unreadable model", modelSource{diags: failed}, nil, 0, false, 1},
		{"an earlier error", modelSource{m: timedModel{"a", block(types.StringNull())}}, failed, 0, false, 1},
	} {
		diags := append(diag.Diagnostics(nil), tc.before...)
		var m timedModel
		start := time.Now()
		opCtx, cancel, ok := GetWithTimeout(ctx, tc.src, &m, &m.Timeouts, timeouts.Value.Delete, 10*time.Minute, &diags)
		deadline, hasDeadline := opCtx.Deadline()
		cancel()
		if ok != tc.wantOK || diags.ErrorsCount() != tc.wantErr {
			t.Errorf("%s: ok %v with %v, want ok %v with %d errors", tc.name, ok, diags, tc.wantOK, tc.wantErr)
		}
		if tc.src.diags == nil && m.Name != "a" {
			t.Errorf("%s: model not read: %+v", tc.name, m)
		}
		if hasDeadline != (tc.want > 0) {
			t.Errorf("%s: deadline set %v, want %v", tc.name, hasDeadline, tc.want > 0)
			continue
		}
		if got := deadline.Sub(start); hasDeadline && (got < tc.want || got > tc.want+time.Minute/2) {
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
