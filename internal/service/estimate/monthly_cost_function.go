package estimate

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var _ function.Function = (*monthlyCostFunction)(nil)

// maxHoursPerMonth is a 31-day month.
const maxHoursPerMonth = 744.0

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
			function.NumberParameter{Name: "hourly_price_usd", CustomType: framework.RealNumberType{Min: 0, Max: 1_000_000}, MarkdownDescription: "Price per hour (0 or more)."},
		},
		VariadicParameter: function.NumberParameter{Name: "hours_per_month", CustomType: framework.RealNumberType{Min: 0, Max: maxHoursPerMonth},
			MarkdownDescription: fmt.Sprintf("Optional, at most one: hours in the month (default %g).", tiers.HoursPerMonth)},
		Return: function.Float64Return{},
	}
}

func (f *monthlyCostFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var hourly framework.RealNumber
	var hours []framework.RealNumber
	resp.Error = req.Arguments.Get(ctx, &hourly, &hours)
	if resp.Error != nil {
		return
	}
	month := tiers.HoursPerMonth
	switch {
	case len(hours) > 1:
		resp.Error = function.NewArgumentFuncError(2, fmt.Sprintf("pass at most one hours_per_month, got %d", len(hours)))
		return
	case len(hours) == 1:
		if hours[0].ValueFloat64() == 0 {
			resp.Error = function.NewArgumentFuncError(1, fmt.Sprintf("hours_per_month must be in (0, %g] (a 31-day month), got 0", maxHoursPerMonth))
			return
		}
		month = hours[0].ValueFloat64()
	}
	resp.Error = resp.Result.Set(ctx, hourly.ValueFloat64()*month)
}
