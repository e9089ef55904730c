package cloudwatch_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
)

// Faults: apply succeeds and nothing is lost. Throttling and 5xx are
// retried by the SDK; NotFound right after create is delayed visibility,
// which the resource waits out.
func TestAccMetricStream_faults(t *testing.T) {
	cases := []struct {
		name  string
		kind  emulator.FaultKind
		count int
		op    string
	}{
		{"throttled put", emulator.FaultThrottle, 2, "PutMetricStream"},
		{"throttled stop", emulator.FaultThrottle, 1, "StopMetricStreams"},
		{"5xx on get", emulator.FaultServerError, 2, "GetMetricStream"},
		{"503 on tags", emulator.FaultUnavailable, 1, "ListTagsForResource"},
		{"not visible after create", emulator.FaultNotFound, 3, "GetMetricStream"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tg := newTarget(t, true)
			t.Parallel()
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             tg.checkDestroyed(t),
				Steps: []resource.TestStep{{
					PreConfig: func() { tg.inject(t, tc.kind, tc.count, tc.op) },
					Config:    tg.providerConfig(t) + streamConfig("scaling-faults", "json", "  state = \"stopped\"\n  tags = { team = \"platform\" }"),
					Check: resource.ComposeAggregateTestCheckFunc(
						resource.TestCheckResourceAttr(address, "state", "stopped"),
						func(*terraform.State) error {
							if p := tg.emu.Faults.Pending(); len(p) != 0 {
								return fmt.Errorf("faults not consumed: %+v", p)
							}
							if n := tg.emu.Calls.Count("cloudwatch", tc.op); n < tc.count+1 {
								return fmt.Errorf("%s called %d times, want at least %d", tc.op, n, tc.count+1)
							}
							st, ok := tg.emu.CloudWatch().Stream("scaling-faults")
							if !ok || st.State != "stopped" || st.Tags["team"] != "platform" {
								return fmt.Errorf("stream lost or wrong: %+v", st)
							}
							return nil
						},
					),
				}},
			})
		})
	}
}
