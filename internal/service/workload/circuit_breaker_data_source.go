package workload

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/circuitbreaker"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSourceWithValidateConfig = (*circuitBreakerDataSource)(nil)
	_ framework.ComputedModel                 = (*circuitBreakerModel)(nil)
)

func newCircuitBreakerDataSource() datasource.DataSource { return &circuitBreakerDataSource{} }

type circuitBreakerDataSource struct {
	framework.OfflineDataSource[circuitBreakerModel, *circuitBreakerModel]
}

func (d *circuitBreakerDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_circuit_breaker"
}

type circuitBreakerModel struct {
	Name                    types.String          `tfsdk:"name"`
	Namespace               types.String          `tfsdk:"namespace"`
	Host                    types.String          `tfsdk:"host"`
	RequestsPerSecondPerPod framework.RealNumber  `tfsdk:"requests_per_second_per_pod"`
	ConcurrencyPerPod       framework.WholeNumber `tfsdk:"concurrency_per_pod"`
	ServiceSeconds          framework.RealNumber  `tfsdk:"service_seconds"`
	ReadyReplicas           framework.WholeNumber `tfsdk:"ready_replicas"`
	ClientProxies           framework.WholeNumber `tfsdk:"client_proxies"`
	SecondsUntilReady       framework.RealNumber  `tfsdk:"seconds_until_ready"`
	TargetUtilization       framework.RealNumber  `tfsdk:"target_utilization"`
	MaxQueueWaitSeconds     framework.RealNumber  `tfsdk:"max_queue_wait_seconds"`
	RetryShare              framework.RealNumber  `tfsdk:"retry_share"`
	Consecutive5xxErrors    framework.WholeNumber `tfsdk:"consecutive_5xx_errors"`
	WarmupSeconds           framework.RealNumber  `tfsdk:"warmup_seconds"`
	TrafficPolicy           types.String          `tfsdk:"traffic_policy"`
	Derivation              []derivationStep      `tfsdk:"derivation"`
	DerivationMarkdown      types.String          `tfsdk:"derivation_markdown"`
	Manifest                types.Dynamic         `tfsdk:"manifest"`
	Manifests               types.Dynamic         `tfsdk:"manifests"`
	YAML                    types.String          `tfsdk:"yaml"`
	JSON                    types.String          `tfsdk:"json"`
}

type derivationStep struct {
	Field   types.String `tfsdk:"field"`
	Value   types.String `tfsdk:"value"`
	Formula types.String `tfsdk:"formula"`
	Why     types.String `tfsdk:"why"`
}

func (d *circuitBreakerDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	realNum := func(lo, hi float64, req bool, desc string) schema.NumberAttribute {
		return schema.NumberAttribute{Required: req, Optional: !req, CustomType: framework.RealNumberType{Min: lo, Max: hi}, MarkdownDescription: desc}
	}
	wholeNum := func(lo, hi int64, req bool, desc string) schema.NumberAttribute {
		return schema.NumberAttribute{Required: req, Optional: !req, CustomType: framework.WholeNumberType{Min: lo, Max: hi}, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders an Istio `DestinationRule` (`" + circuitbreaker.APIVersion + "`, Istio 1.32) that keeps a burst " +
			"from cascading while new pods start: connection-pool limits sized from what the ready pods can hold, outlier detection " +
			"timed by how long new pods take to be ready, every number explained in `derivation`. Envoy's limits hold per client " +
			"proxy (sidecar or gateway), so the pods' capacity is shared among `client_proxies`. `traffic_policy` adds or replaces " +
			"fields; they are checked against the DestinationRule schema of Istio 1.32, and the deprecated fields the usual guides " +
			"write (`outlierDetection.consecutiveErrors`, `loadBalancer.simple: LEAST_CONN`, `warmupDurationSecs`) or fields no " +
			"Istio version has (`connectionPool.http.maxPendingRequests`, `trafficPolicy.circuitBreaker`) fail with the correct " +
			"form. (Istio serves v1alpha3, v1beta1 and v1 with one schema: nothing was removed between them.)",
		Attributes: map[string]schema.Attribute{
			"name":                        schema.StringAttribute{Optional: true, MarkdownDescription: "DestinationRule name. Default: the host's first label."},
			"namespace":                   schema.StringAttribute{Optional: true, MarkdownDescription: "Namespace. Default `" + circuitbreaker.DefaultNamespace + "`."},
			"host":                        schema.StringAttribute{Required: true, MarkdownDescription: "The service: `checkout`, `checkout.shop`, `checkout.shop.svc.cluster.local` or `*.example.com`."},
			"requests_per_second_per_pod": realNum(0, 1e6, true, "Requests per second one pod serves at its target load."),
			"concurrency_per_pod":         wholeNum(1, 1_000_000, false, "Requests one pod holds in flight. Default: `requests_per_second_per_pod` x `service_seconds` (Little's law)."),
			"service_seconds":             realNum(0, 600, false, "Time one request takes (its typical latency); needed without `concurrency_per_pod`."),
			"ready_replicas":              wholeNum(1, 100_000, true, "Pods serving while new ones start, e.g. the baseline replicas."),
			"client_proxies":              wholeNum(1, 100_000, false, "Envoy proxies calling the service (gateway replicas, or client pods with sidecars). Default 1."),
			"seconds_until_ready": realNum(0, 3600, true, "How long a new pod takes to be ready, e.g. the capacity and pod-start stages of "+
				"`scaling_latency_estimate` (its `total.p95_seconds` bounds it from above)."),
			"target_utilization":     realNum(0, 1, false, "The autoscaler's target utilization: `1 - target` is the headroom ejections may take. Default 0.7."),
			"max_queue_wait_seconds": realNum(0, 60, false, "How long a request may wait for a connection before Envoy answers 503. Default 1."),
			"retry_share":            realNum(0, 1, false, "Share of the active requests that may be retries at once. Default 0.2."),
			"consecutive_5xx_errors": wholeNum(0, 1<<32-1, false, "5xx in a row that eject a pod (0 turns it off). Default 5, Istio's."),
			"warmup_seconds":         realNum(0, 3600, false, "When set, new pods get a growing share of traffic over this long (`loadBalancer: LEAST_REQUEST` with `warmup`)."),
			"traffic_policy": schema.StringAttribute{Optional: true, MarkdownDescription: "Further `spec.trafficPolicy` fields as YAML or JSON " +
				"(`yamlencode({...})` or a heredoc), merged over the derived ones (objects merge, values replace, `null` removes a derived field)."},
			"derivation": schema.ListNestedAttribute{Computed: true, MarkdownDescription: "Each derived setting: its field, value, formula and why.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"field":   schema.StringAttribute{Computed: true, MarkdownDescription: "Field under `spec.trafficPolicy`."},
					"value":   schema.StringAttribute{Computed: true, MarkdownDescription: "Its value."},
					"formula": schema.StringAttribute{Computed: true, MarkdownDescription: "How it was computed (or that `traffic_policy` replaced it)."},
					"why":     schema.StringAttribute{Computed: true, MarkdownDescription: "Why it protects the service while capacity arrives."},
				}}},
			"derivation_markdown": schema.StringAttribute{Computed: true, MarkdownDescription: "The derivation as a Markdown table, e.g. for a PR comment."},
			"manifest":            schema.DynamicAttribute{Computed: true, MarkdownDescription: "The DestinationRule as an object, for `kubernetes_manifest`."},
			"manifests":           schema.DynamicAttribute{Computed: true, MarkdownDescription: "Every rendered object in apply order (a tuple)."},
			"yaml":                schema.StringAttribute{Computed: true, MarkdownDescription: "The DestinationRule as YAML."},
			"json":                schema.StringAttribute{Computed: true, MarkdownDescription: "The DestinationRule as a JSON array of one object."},
		},
	}
}

func (m circuitBreakerModel) spec() circuitbreaker.Spec {
	return circuitbreaker.Spec{
		Name: m.Name.ValueString(), Namespace: m.Namespace.ValueString(), Host: m.Host.ValueString(),
		RequestsPerSecondPerPod: m.RequestsPerSecondPerPod.ValueFloat64(), ConcurrencyPerPod: m.ConcurrencyPerPod.Int64Pointer(),
		ServiceSeconds: m.ServiceSeconds.ValueFloat64(), ReadyReplicas: m.ReadyReplicas.ValueInt64(),
		ClientProxies: m.ClientProxies.Int64Pointer(), SecondsUntilReady: m.SecondsUntilReady.ValueFloat64(),
		TargetUtilization: m.TargetUtilization.Float64Pointer(), MaxQueueWaitSeconds: m.MaxQueueWaitSeconds.Float64Pointer(),
		RetryShare: m.RetryShare.Float64Pointer(), Consecutive5xxErrors: m.Consecutive5xxErrors.Int64Pointer(),
		WarmupSeconds: m.WarmupSeconds.Float64Pointer(), Overrides: m.TrafficPolicy.ValueString(),
	}
}

// Compute renders the DestinationRule and its derivation.
func (m *circuitBreakerModel) Compute(_ context.Context, diags *diag.Diagnostics) problem.List {
	res, probs := m.spec().Render()
	if probs.HasErrors() {
		return probs
	}
	m.Manifest, _, _ = framework.RenderObject(res.Object, diags)
	m.Manifests, m.YAML, m.JSON = framework.RenderObjects([]k8sobj.Object{res.Object}, diags)
	m.Derivation = nil
	var md strings.Builder
	md.WriteString("| field | value | how |\n|---|---|---|\n")
	for _, st := range res.Derivation {
		m.Derivation = append(m.Derivation, derivationStep{
			Field: types.StringValue(st.Field), Value: types.StringValue(st.Value),
			Formula: types.StringValue(st.Formula), Why: types.StringValue(st.Why),
		})
		fmt.Fprintf(&md, "| `%s` | %s | %s |\n", st.Field, st.Value, st.Formula)
	}
	m.DerivationMarkdown = types.StringValue(md.String())
	return probs
}
