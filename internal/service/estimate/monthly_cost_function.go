package estimate

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
)

var _ function.Function = (*monthlyCostFunction)(nil)

func newMonthlyCostFunction() function.Function { return &monthlyCostFunction{} }

type monthlyCostFunction struct{}

func (f *monthlyCostFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "monthly_cost"
}

func (f *monthlyCostFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Monthly cost from an hourly price.",
		MarkdownDescription: fmt.Sprintf("Returns `hourly_price_usd x hours`, over a %g-hour month (the month AWS pricing pages use, as for "+
			"control-plane tiers) unless you pass the hours: the guide prices warm pods over %g hours. "+
			"`monthly_cost(1.65)` is 1204.5 (tier-xl); `monthly_cost(15 * 0.05, 720)` is 540 (the guide's warm pool).",
			tiers.HoursPerMonth, sizing.HoursPerMonth),
		Parameters: []function.Parameter{
			function.Float64Parameter{Name: "hourly_price_usd", MarkdownDescription: "Price per hour (0 or more)."},
		},
		VariadicParameter: function.Float64Parameter{Name: "hours_per_month",
			MarkdownDescription: fmt.Sprintf("Optional, at most one: hours in the month (default %g).", tiers.HoursPerMonth)},
		Return: function.Float64Return{},
	}
}

func (f *monthlyCostFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var hourly float64
	var hours []float64
	resp.Error = req.Arguments.Get(ctx, &hourly, &hours)
	if resp.Error != nil {
		return
	}
	if hourly < 0 {
		resp.Error = function.NewArgumentFuncError(0, fmt.Sprintf("hourly_price_usd must be 0 or more, got %v", hourly))
		return
	}
	month := tiers.HoursPerMonth
	switch {
	case len(hours) > 1:
		resp.Error = function.NewArgumentFuncError(2, fmt.Sprintf("pass at most one hours_per_month, got %d", len(hours)))
		return
	case len(hours) == 1:
		if !(hours[0] > 0 && hours[0] <= 744) {
			resp.Error = function.NewArgumentFuncError(1, fmt.Sprintf("hours_per_month must be in (0, 744] (a 31-day month), got %v", hours[0]))
			return
		}
		month = hours[0]
	}
	resp.Error = resp.Result.Set(ctx, hourly*month)
}
