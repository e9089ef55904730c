package framework

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// DescribedTimeoutsBlock is TimeoutsBlock with descriptions for the docs:
// what names the operations the timeouts bound, with their defaults.
func DescribedTimeoutsBlock(ctx context.Context, opts timeouts.Opts, what string) schema.Block {
	b, ok := TimeoutsBlock(ctx, opts).(schema.SingleNestedBlock)
	if !ok {
		panic("framework: TimeoutsBlock is no longer a SingleNestedBlock")
	}
	attrs := make(map[string]schema.Attribute, len(b.Attributes))
	for name, a := range b.Attributes {
		s, ok := a.(schema.StringAttribute)
		if !ok {
			panic("framework: timeouts attribute " + name + " is no longer a string")
		}
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
