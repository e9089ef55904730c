package estimate

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var _ function.Function = (*warmPoolForCoverageFunction)(nil)

func newWarmPoolForCoverageFunction() function.Function { return &warmPoolForCoverageFunction{} }

type warmPoolForCoverageFunction struct{}

func (f *warmPoolForCoverageFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "warm_pool_for_coverage"
}

func (f *warmPoolForCoverageFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Warm pods that absorb a share of your observed bursts completely.",
		MarkdownDescription: "Returns the smallest warm pool that absorbs at least the share `coverage` of the observed `bursts` completely " +
			"(burst <= pool): the ceil(coverage x n)-th smallest burst. Sizes warm capacity from real traffic instead of the guide's " +
			"\"10 % warm serves 90 % of bursts\". `warm_pool_for_coverage([12, 8, 15, 40, 9], 0.8)` is 15. The same figure as " +
			"`scaling_strategy`'s and `scaling_warm_pool`'s `warm_pods_for_coverage`; the guide *Choosing warm capacity* shows how to get the bursts.",
		Parameters: []function.Parameter{
			function.ListParameter{Name: "bursts", ElementType: types.NumberType, MarkdownDescription: fmt.Sprintf("Observed bursts, in pods above the baseline "+
				"(e.g. daily peak minus daily trough): 1 to %d entries, each %s.", sizing.MaxObservedBursts, sizing.BurstBound.Describe())},
			function.NumberParameter{Name: "coverage", CustomType: framework.RealNumberType{Min: 0, Max: 1}, MarkdownDescription: "Share of the bursts to absorb completely, in (0, 1], e.g. 0.9."},
		},
		Return: function.Int64Return{},
	}
}

func (f *warmPoolForCoverageFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var values []types.Number
	var coverage framework.RealNumber
	resp.Error = req.Arguments.Get(ctx, &values, &coverage)
	if resp.Error != nil {
		return
	}
	bursts, ps := framework.WholeList("bursts", values, sizing.BurstBound)
	if ps.HasErrors() {
		resp.Error = function.NewArgumentFuncError(0, ps[0].Message)
		return
	}
	if _, err := sizing.ValidateBursts(bursts); err != nil {
		resp.Error = function.NewArgumentFuncError(0, "bursts: "+err.Error())
		return
	}
	c := coverage.ValueFloat64()
	if err := sizing.ValidateCoverage(c); err != nil {
		resp.Error = function.NewArgumentFuncError(1, err.Error())
		return
	}
	resp.Error = resp.Result.Set(ctx, sizing.WarmForCoverage(bursts, c))
}
