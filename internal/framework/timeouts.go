package framework

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// MaxTimeout bounds every timeout: an apply that waits longer than a day
// for one object is stuck, not slow.
const MaxTimeout = 24 * time.Hour

// WithTimeout bounds ctx by one operation's duration from a resource's
// timeouts block (plan.Timeouts.Create, state.Timeouts.Delete, ...), or def
// when the block does not set it. A value that cannot be read adds its
// diagnostics to diags and leaves ctx unbounded: the caller checks diags
// before it calls anything. Call cancel in every case.
func WithTimeout(ctx context.Context, timeout func(context.Context, time.Duration) (time.Duration, diag.Diagnostics), def time.Duration, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	d, ds := timeout(ctx, def)
	diags.Append(ds...)
	if ds.HasError() {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, d)
}

// ModelSource is where a resource operation reads its model from: the
// request's Plan or State.
type ModelSource interface {
	Get(ctx context.Context, target any) diag.Diagnostics
}

// GetWithTimeout is the start of a Create, Update or Delete: it reads the
// model from src (req.Plan or req.State) into m, then bounds ctx by the
// operation's timeout, which op (timeouts.Value.Create, .Update or
// .Delete) takes from the model's timeouts block t (a field of m; def
// when the block does not set it). ok is false when diags hold an error,
// including one added before the call, and then the caller returns. Call
// cancel in every case.
func GetWithTimeout(ctx context.Context, src ModelSource, m any, t *timeouts.Value,
	op func(timeouts.Value, context.Context, time.Duration) (time.Duration, diag.Diagnostics),
	def time.Duration, diags *diag.Diagnostics,
) (_ context.Context, cancel context.CancelFunc, ok bool) {
	diags.Append(src.Get(ctx, m)...)
	if diags.HasError() {
		return ctx, func() {}, false
	}
	ctx, cancel = WithTimeout(ctx, func(ctx context.Context, def time.Duration) (time.Duration, diag.Diagnostics) {
		return op(*t, ctx, def)
	}, def, diags)
	return ctx, cancel, !diags.HasError()
}

// DescribedTimeoutsBlock is timeouts.Block documented for the docs (what
// names the operations the timeouts bound, with their defaults) and with
// each duration checked at plan time: more than zero (a zero or negative
// timeout would end the wait before the first call) and at most
// MaxTimeout. The package's own check only parses the duration.
func DescribedTimeoutsBlock(ctx context.Context, opts timeouts.Opts, what string) schema.Block {
	b, ok := timeouts.Block(ctx, opts).(schema.SingleNestedBlock)
	if !ok {
		panic("framework: timeouts.Block is no longer a SingleNestedBlock")
	}
	attrs := make(map[string]schema.Attribute, len(b.Attributes))
	for name, a := range b.Attributes {
		s, ok := a.(schema.StringAttribute)
		if !ok {
			panic("framework: timeouts attribute " + name + " is no longer a string")
		}
		s.Validators = append(append([]validator.String(nil), s.Validators...), timeoutDuration{})
		s.Description = ""
		s.MarkdownDescription = fmt.Sprintf("How long the %s may take, as a duration such as `\"30s\"` or `\"10m\"` (more than zero, at most %s).", name, DurationText(MaxTimeout))
		attrs[name] = s
	}
	b.Attributes = attrs
	b.MarkdownDescription = fmt.Sprintf("How long %s may take before Terraform gives up. An operation that runs out of time "+
		"still records what it may have created, so the next apply picks it up.", what)
	return b
}

// DurationText is d as people write it: 2h, 10m, 1h30m (not 2h0m0s).
func DurationText(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// timeoutDuration checks that a parsable duration is in (0, MaxTimeout];
// the timeouts package reports unparsable ones.
type timeoutDuration struct{}

func (timeoutDuration) Description(context.Context) string {
	return fmt.Sprintf("must be a duration more than 0 and at most %s, such as \"45m\"", MaxTimeout)
}

func (v timeoutDuration) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v timeoutDuration) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	d, err := time.ParseDuration(req.ConfigValue.ValueString())
	if err != nil || (d > 0 && d <= MaxTimeout) {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid timeout",
		fmt.Sprintf("%s %s; got %q. A timeout of zero or less would give up before the first call; remove it to use the default.",
			req.Path, v.Description(ctx), req.ConfigValue.ValueString()))
}
