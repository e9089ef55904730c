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
		{Name: "reply lost after put", Kind: emulator.FaultLostReply, Count: 1, Operation: "PutMetricStream"},
		{Name: "throttled tagging read", Kind: emulator.FaultThrottle, Count: 2, Operation: "ListTagsForResource"},
	}
	acctest.RunFaultCases(t, cases, func(t *testing.T, at acctest.Target, fc acctest.FaultCase) {
		tg := target{at}
		acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
			fc.Step(t, tg.Emu, "cloudwatch", tg.ProviderConfig(t)+streamConfig("scaling-faults", "json", "  state = \"stopped\"\n  tags = { team = \"platform\" }"),
				resource.TestCheckResourceAttr(address, "state", "stopped"),
				func(*terraform.State) error {
					st, ok := tg.Emu.CloudWatch().Stream("scaling-faults")
					if !ok || st.State != "stopped" || st.Tags["team"] != "platform" {
						return fmt.Errorf("stream lost or wrong: %+v", st)
					}
					return nil
				},
			),
		})
	})
}
