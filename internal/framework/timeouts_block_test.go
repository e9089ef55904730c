package framework

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// The described block keeps TimeoutsBlock's checks and documents itself.
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
