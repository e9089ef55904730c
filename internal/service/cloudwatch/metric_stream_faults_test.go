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
	cases := []acctest.FaultCase{
		{Name: "throttled put", Kind: emulator.FaultThrottle, Count: 2, Operation: "PutMetricStream"},
		{Name: "throttled stop", Kind: emulator.FaultThrottle, Count: 1, Operation: "StopMetricStreams"},
		{Name: "5xx on get", Kind: emulator.FaultServerError, Count: 2, Operation: "GetMetricStream"},
		{Name: "503 on tags", Kind: emulator.FaultUnavailable, Count: 1, Operation: "ListTagsForResource"},
		{Name: "not visible after create", Kind: emulator.FaultNotFound, Count: 3, Operation: "GetMetricStream"},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			tg := newTarget(t, true)
			t.Parallel()
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             tg.checkDestroyed(t),
				Steps: []resource.TestStep{{
					PreConfig: func() { tc.Inject(t, tg.emu, "cloudwatch") },
					Config:    tg.providerConfig(t) + streamConfig("scaling-faults", "json", "  state = \"stopped\"\n  tags = { team = \"platform\" }"),
					Check: resource.ComposeAggregateTestCheckFunc(
						resource.TestCheckResourceAttr(address, "state", "stopped"),
						tc.CheckRiddenOut(tg.emu, "cloudwatch"),
						func(*terraform.State) error {
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
