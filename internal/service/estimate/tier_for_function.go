package estimate

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var _ function.Function = (*tierForFunction)(nil)

func newTierForFunction() function.Function { return &tierForFunction{} }

type tierForFunction struct{}

func (f *tierForFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "tier_for"
}

func (f *tierForFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Smallest EKS control-plane tier for a pod scheduling rate and API concurrency.",
		MarkdownDescription: fmt.Sprintf("Returns the smallest tier whose pod scheduling rate (pods/s) and API request concurrency (seats) "+
			"both reach what you need, from the launch figures (tier-xl 167 pods/s and 1,700 seats, tier-2xl 283 and 3,400, tier-4xl 400 and 6,800). "+
			"`standard` is not published; it is assumed at %d pods/s (kube-scheduler's client QPS default) and %d seats (kube-apiserver's in-flight defaults). "+
			"Needs beyond tier-4xl fail: tier-8xl may fit but has no published figures. "+
			"Needing a burst of N pods bound in T seconds is a rate of N / T.",
			tiers.StandardAssumedPodSchedulingRate, tiers.StandardAssumedAPIRequestConcurrency),
		Parameters: []function.Parameter{
			function.NumberParameter{Name: "pod_scheduling_rate_per_second", CustomType: framework.RealNumberType{Min: 0, Max: 1_000_000}, MarkdownDescription: "Pods per second the scheduler must bind (0 or more)."},
			function.NumberParameter{Name: "api_request_concurrency", CustomType: framework.RealNumberType{Min: 0, Max: 1_000_000}, MarkdownDescription: "Concurrent API request seats needed (0 when only the rate matters)."},
		},
		Return: function.StringReturn{},
	}
}

func (f *tierForFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var rate, seats framework.RealNumber
	resp.Error = req.Arguments.Get(ctx, &rate, &seats)
	if resp.Error != nil {
		return
	}
	tier, err := tiers.SmallestFor(rate.ValueFloat64(), seats.ValueFloat64())
	if err != nil {
		resp.Error = function.NewFuncError(err.Error())
		return
	}
	resp.Error = resp.Result.Set(ctx, tier)
}
