package estimate

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
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
			function.NumberParameter{Name: "baseline_replicas", CustomType: replicasType, MarkdownDescription: "Replicas at baseline (0 or more)."},
			function.NumberParameter{Name: "peak_replicas", CustomType: replicasType, MarkdownDescription: "Replicas at peak (not below baseline)."},
			function.NumberParameter{Name: "safety_factor", CustomType: safetyFactorType, MarkdownDescription: "Share of the basis kept warm, in (0, 1], e.g. 0.15."},
			function.StringParameter{Name: "basis", MarkdownDescription: "`peak_delta` or `peak`."},
		},
		Return: function.Int64Return{},
	}
}

// arguments are the parameter names in order: a sizing problem's path
// names the argument it is about.
var arguments = []string{"baseline_replicas", "peak_replicas", "safety_factor", "basis"}

func (f *warmPoolSizeFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var baseline, peak framework.WholeNumber
	var safety framework.RealNumber
	var basis string
	resp.Error = req.Arguments.Get(ctx, &baseline, &peak, &safety, &basis)
	if resp.Error != nil {
		return
	}
	in := sizing.Input{BaselineReplicas: baseline.ValueInt64(), PeakReplicas: peak.ValueInt64(),
		SafetyFactor: safety.ValueFloat64(), Basis: sizing.Basis(basis)}
	n, ps := sizing.WarmReplicas(in)
	if ps.HasErrors() {
		p := ps[0]
		resp.Error = function.NewArgumentFuncError(int64(max(slices.Index(arguments, p.Path.String()), 0)), p.Message)
		return
	}
	resp.Error = resp.Result.Set(ctx, n)
}
