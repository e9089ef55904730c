package kubernetes

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/scalingkit/terraform-provider-scaling/internal/conns"
)

// rpcProvider serves only scaling_kubernetes_objects, configured for one
// cluster, so tests can drive the resource through the same protocol calls
// Terraform makes (plan, apply with its private state, read) and cancel the
// context of one of them.
type rpcProvider struct{ k conns.KubernetesConfig }

func (p *rpcProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "scaling"
}
func (p *rpcProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}
func (p *rpcProvider) Configure(_ context.Context, _ provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	resp.ResourceData = &conns.AWSClient{Kubernetes: p.k}
}
func (p *rpcProvider) Resources(context.Context) []func() resource.Resource {
	return Resources()
}
func (p *rpcProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

const typeName = "scaling_kubernetes_objects"

// rpc is a configured provider server and the resource's value type.
type rpc struct {
	t      *testing.T
	server tfprotov6.ProviderServer
	typ    tftypes.Object
}

func newRPC(t *testing.T, k conns.KubernetesConfig) *rpc {
	t.Helper()
	ctx := context.Background()
	server, err := providerserver.NewProtocol6WithError(&rpcProvider{k: k})()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	empty, _ := tfprotov6.NewDynamicValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{}}, tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{}}, map[string]tftypes.Value{}))
	cresp, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &empty})
	if err != nil || len(cresp.Diagnostics) > 0 {
		t.Fatalf("configure: %v %s", err, diagsText(cresp.Diagnostics))
	}
	return &rpc{t: t, server: server, typ: schemas.ResourceSchemas[typeName].ValueType().(tftypes.Object)}
}

// config is the resource's configuration with yaml and the attributes in
// set set, the others null.
func (r *rpc) config(yaml string, set map[string]tftypes.Value) tftypes.Value {
	vals := map[string]tftypes.Value{}
	for name, typ := range r.typ.AttributeTypes {
		vals[name] = tftypes.NewValue(typ, nil)
	}
	for name, v := range set {
		vals[name] = v
	}
	vals["yaml"] = tftypes.NewValue(tftypes.String, yaml)
	return tftypes.NewValue(r.typ, vals)
}

func (r *rpc) dv(v tftypes.Value) *tfprotov6.DynamicValue {
	d, err := tfprotov6.NewDynamicValue(r.typ, v)
	if err != nil {
		r.t.Fatal(err)
	}
	return &d
}

func (r *rpc) value(d *tfprotov6.DynamicValue) tftypes.Value {
	v, err := d.Unmarshal(r.typ)
	if err != nil {
		r.t.Fatal(err)
	}
	return v
}

// state is a resource state: its value and private data.
type state struct {
	value   tftypes.Value
	private []byte
}

// apply plans a configuration with only yaml set against prior (null value
// for a create) and applies the plan with ctx. It returns the new state and
// the apply's diagnostics.
func (r *rpc) apply(ctx context.Context, prior state, yaml string) (state, []*tfprotov6.Diagnostic) {
	r.t.Helper()
	return r.applyConfig(ctx, prior, r.config(yaml, nil))
}

// applyConfig is apply for any configuration (see config).
func (r *rpc) applyConfig(ctx context.Context, prior state, cfg tftypes.Value) (state, []*tfprotov6.Diagnostic) {
	r.t.Helper()
	if prior.value.IsNull() || !prior.value.IsKnown() {
		prior.value = tftypes.NewValue(r.typ, nil)
	}
	plan := r.planConfig(prior, cfg)
	resp, err := r.server.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName: typeName, PriorState: r.dv(prior.value), PlannedState: plan.PlannedState,
		Config: r.dv(cfg), PlannedPrivate: plan.PlannedPrivate,
	})
	if err != nil {
		r.t.Fatal(err)
	}
	return state{value: r.value(resp.NewState), private: resp.Private}, resp.Diagnostics
}

// planConfig plans cfg against prior (a null value for a create).
func (r *rpc) planConfig(prior state, cfg tftypes.Value) *tfprotov6.PlanResourceChangeResponse {
	r.t.Helper()
	plan, err := r.server.PlanResourceChange(context.Background(), &tfprotov6.PlanResourceChangeRequest{
		TypeName: typeName, PriorState: r.dv(prior.value), ProposedNewState: r.dv(proposed(prior.value, cfg)),
		Config: r.dv(cfg), PriorPrivate: prior.private,
	})
	if err != nil || hasError(plan.Diagnostics) {
		r.t.Fatalf("plan: %v %s", err, diagsText(plan.Diagnostics))
	}
	return plan
}

// planned is the planned new value of a configuration with only yaml set.
func (r *rpc) planned(prior state, yaml string) tftypes.Value {
	r.t.Helper()
	return r.value(r.planConfig(prior, r.config(yaml, nil)).PlannedState)
}

// destroy applies a null plan.
func (r *rpc) destroy(prior state) []*tfprotov6.Diagnostic {
	r.t.Helper()
	null := tftypes.NewValue(r.typ, nil)
	resp, err := r.server.ApplyResourceChange(context.Background(), &tfprotov6.ApplyResourceChangeRequest{
		TypeName: typeName, PriorState: r.dv(prior.value), PlannedState: r.dv(null),
		Config: r.dv(null), PlannedPrivate: prior.private,
	})
	if err != nil {
		r.t.Fatal(err)
	}
	return resp.Diagnostics
}

// read refreshes a state.
func (r *rpc) read(prior state) state {
	r.t.Helper()
	resp, err := r.server.ReadResource(context.Background(), &tfprotov6.ReadResourceRequest{
		TypeName: typeName, CurrentState: r.dv(prior.value), Private: prior.private,
	})
	if err != nil || hasError(resp.Diagnostics) {
		r.t.Fatalf("read: %v %s", err, diagsText(resp.Diagnostics))
	}
	return state{value: r.value(resp.NewState), private: resp.Private}
}

// objects is the objects attribute of a state, by key.
func objectsOf(t *testing.T, v tftypes.Value) map[string]string {
	t.Helper()
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		t.Fatal(err)
	}
	var m map[string]tftypes.Value
	if err := attrs["objects"].As(&m); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for k, e := range m {
		var s string
		if err := e.As(&s); err != nil {
			t.Fatal(err)
		}
		out[k] = s
	}
	return out
}

// proposed is Terraform's proposed new state: config values, and prior
// values for computed attributes the config leaves null.
func proposed(prior, cfg tftypes.Value) tftypes.Value {
	if prior.IsNull() {
		return cfg
	}
	var p, c map[string]tftypes.Value
	_ = prior.As(&p)
	_ = cfg.As(&c)
	out := map[string]tftypes.Value{}
	for k, v := range c {
		out[k] = v
		if v.IsNull() {
			out[k] = p[k]
		}
	}
	return tftypes.NewValue(cfg.Type(), out)
}

func hasError(diags []*tfprotov6.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}

// diagsText renders diagnostics for failure messages.
func diagsText(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "[%s] %s: %s\n", d.Severity, d.Summary, d.Detail)
	}
	return b.String()
}
