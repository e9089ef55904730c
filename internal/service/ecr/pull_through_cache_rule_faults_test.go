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
	cases := []acctest.FaultCase{
		{Name: "throttled create", Kind: emulator.FaultThrottle, Count: 2, Operation: "CreatePullThroughCacheRule"},
		{Name: "throttled read", Kind: emulator.FaultThrottle, Count: 2, Operation: "DescribePullThroughCacheRules"},
		{Name: "5xx on create", Kind: emulator.FaultServerError, Count: 2, Operation: "CreatePullThroughCacheRule"},
		{Name: "503 on validate", Kind: emulator.FaultUnavailable, Count: 1, Operation: "ValidatePullThroughCacheRule"},
		{Name: "not visible after create", Kind: emulator.FaultNotFound, Count: 3, Operation: "DescribePullThroughCacheRules"},
	}
	acctest.RunFaultCases(t, cases, func(t *testing.T, at acctest.Target, fc acctest.FaultCase) {
		tg := target{at}
		acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
			fc.Step(t, tg.Emu, "ecr", tg.ProviderConfig(t)+ruleConfig("k8s", "registry.k8s.io", ""),
				resource.TestCheckResourceAttr(address, "upstream_registry", "k8s"),
				func(*terraform.State) error {
					if _, ok := tg.Emu.ECR().Rule("k8s"); !ok {
						return fmt.Errorf("rule lost")
					}
					return nil
				},
			),
		})
	})
}

// A create whose reply is lost (500 after the rule was made) is retried by
// the SDK into AlreadyExists; the resource recognises its own rule.
func TestAccPullThroughCacheRule_createReplyLost(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{{
		PreConfig: func() { tg.Emu.ECR().FailAfterCommit("CreatePullThroughCacheRule", 1) },
		Config:    tg.ProviderConfig(t) + ruleConfig("k8s", "registry.k8s.io", ""),
		Check: func(*terraform.State) error {
			if n := tg.Emu.Calls.Count("ecr", "CreatePullThroughCacheRule"); n != 2 {
				return fmt.Errorf("CreatePullThroughCacheRule called %d times, want 2 (one retry)", n)
			}
			return nil
		},
	}})
}
