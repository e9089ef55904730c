package ecr_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
)

func ecrCreate(prefix, url string) *ecr.CreatePullThroughCacheRuleInput {
	return &ecr.CreatePullThroughCacheRuleInput{EcrRepositoryPrefix: aws.String(prefix), UpstreamRegistryUrl: aws.String(url)}
}

// Faults: apply succeeds and nothing is lost. Throttling and 5xx are
// retried by the SDK; NotFound right after create is delayed visibility,
// which the resource waits out.
func TestAccPullThroughCacheRule_faults(t *testing.T) {
	cases := []struct {
		name  string
		kind  emulator.FaultKind
		count int
		op    string
	}{
		{"throttled create", emulator.FaultThrottle, 2, "CreatePullThroughCacheRule"},
		{"throttled read", emulator.FaultThrottle, 2, "DescribePullThroughCacheRules"},
		{"5xx on create", emulator.FaultServerError, 2, "CreatePullThroughCacheRule"},
		{"503 on validate", emulator.FaultUnavailable, 1, "ValidatePullThroughCacheRule"},
		{"not visible after create", emulator.FaultNotFound, 3, "DescribePullThroughCacheRules"},
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
					Config:    tg.providerConfig(t) + ruleConfig("k8s", "registry.k8s.io", ""),
					Check: resource.ComposeAggregateTestCheckFunc(
						resource.TestCheckResourceAttr(address, "upstream_registry", "k8s"),
						func(*terraform.State) error {
							if p := tg.emu.Faults.Pending(); len(p) != 0 {
								return fmt.Errorf("faults not consumed: %+v", p)
							}
							if n := tg.emu.Calls.Count("ecr", tc.op); n < tc.count+1 {
								return fmt.Errorf("%s called %d times, want at least %d", tc.op, n, tc.count+1)
							}
							if _, ok := tg.emu.ECR().Rule("k8s"); !ok {
								return fmt.Errorf("rule lost")
							}
							return nil
						},
					),
				}},
			})
		})
	}
}

// A create whose reply is lost (500 after the rule was made) is retried by
// the SDK into AlreadyExists; the resource recognises its own rule.
func TestAccPullThroughCacheRule_createReplyLost(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             tg.checkDestroyed(t),
		Steps: []resource.TestStep{{
			PreConfig: func() { tg.emu.ECR().FailAfterCommit("CreatePullThroughCacheRule", 1) },
			Config:    tg.providerConfig(t) + ruleConfig("k8s", "registry.k8s.io", ""),
			Check: func(*terraform.State) error {
				if n := tg.emu.Calls.Count("ecr", "CreatePullThroughCacheRule"); n != 2 {
					return fmt.Errorf("CreatePullThroughCacheRule called %d times, want 2 (one retry)", n)
				}
				return nil
			},
		}},
	})
}
