package estimate

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
)

var _ function.Function = (*warmPoolSizeFunction)(nil)

func newWarmPoolSizeFunction() function.Function { return &warmPoolSizeFunction{} }

type warmPoolSizeFunction struct{}

func (f *warmPoolSizeFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "warm_pool_size"
}

func (f *warmPoolSizeFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Warm pods for a traffic pattern: ceil(basis x safety factor).",
		MarkdownDescription: "Returns how many warm pods to keep: `ceil(basis x safety_factor)`, where basis is `peak - baseline` " +
			"(`" + string(sizing.BasisPeakDelta) + "`, the guide's formula) or `peak` (`" + string(sizing.BasisPeak) + "`, what the guide's cost table used). " +
			"The guide's example: `warm_pool_size(20, 120, 0.15, \"peak_delta\")` is 15. The same formula as `scaling_cost_estimate` and the warm pool data source.",
		Parameters: []function.Parameter{
			function.Int64Parameter{Name: "baseline_replicas", MarkdownDescription: "Replicas at baseline (0 or more)."},
			function.Int64Parameter{Name: "peak_replicas", MarkdownDescription: "Replicas at peak (not below baseline)."},
			function.Float64Parameter{Name: "safety_factor", MarkdownDescription: "Share of the basis kept warm, in (0, 1], e.g. 0.15."},
			function.StringParameter{Name: "basis", MarkdownDescription: "`peak_delta` or `peak`."},
		},
		Return: function.Int64Return{},
	}
}

// argumentOf maps a sizing error to the argument it is about.
func argumentOf(msg string) int64 {
	for i, prefix := range []string{"baseline_replicas", "peak_replicas", "safety_factor", "basis"} {
		if strings.HasPrefix(msg, prefix) {
			return int64(i)
		}
	}
	return 0
}

func (f *warmPoolSizeFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var in sizing.Input
	var basis string
	resp.Error = req.Arguments.Get(ctx, &in.BaselineReplicas, &in.PeakReplicas, &in.SafetyFactor, &basis)
	if resp.Error != nil {
		return
	}
	in.Basis = sizing.Basis(basis)
	n, err := sizing.WarmReplicas(in)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(argumentOf(err.Error()), fmt.Sprint(err))
		return
	}
	resp.Error = resp.Result.Set(ctx, n)
}
