package eks_test

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/provider"
)

// protoProvider talks to the provider about scaling_control_plane_tier as
// terraform does, one RPC at a time, so a test can cancel the context of one ApplyResourceChange the
// way SIGINT does (terraform's StopProvider cancels in-flight requests)
// and then drive the following refresh and plan by hand.
type protoProvider struct {
	t       *testing.T
	srv     tfprotov6.ProviderServer
	schemas *tfprotov6.GetProviderSchemaResponse
}

// resourceObject is one resource's state, plan or config as terraform
// sends it, with its private state.
type resourceObject struct {
	Value   *tfprotov6.DynamicValue
	Private []byte
}

func newProtoProvider(t *testing.T, tg target) *protoProvider {
	t.Helper()
	srv, err := acctest.ProtoV6ProviderFactories[provider.TypeName]()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	p := &protoProvider{t: t, srv: srv, schemas: schemas}
	cfg := p.object(schemas.Provider, map[string]tftypes.Value{
		"region":               tftypes.NewValue(tftypes.String, "us-east-1"),
		"endpoint_url":         tftypes.NewValue(tftypes.String, tg.URL),
		"use_test_credentials": tftypes.NewValue(tftypes.Bool, true),
		"max_retries":          tftypes.NewValue(tftypes.Number, big.NewFloat(8)),
	})
	resp, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	p.fatalOnError("ConfigureProvider", resp.Diagnostics)
	return p
}

// object is a value of schema's type: values, and null for the rest.
func (p *protoProvider) object(schema *tfprotov6.Schema, values map[string]tftypes.Value) *tfprotov6.DynamicValue {
	p.t.Helper()
	typ := schema.ValueType().(tftypes.Object)
	attrs := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		attrs[name] = tftypes.NewValue(at, nil)
		if v, ok := values[name]; ok {
			attrs[name] = v
		}
	}
	dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, attrs))
	if err != nil {
		p.t.Fatal(err)
	}
	return &dv
}

func (p *protoProvider) resourceSchema() *tfprotov6.Schema {
	s, ok := p.schemas.ResourceSchemas[resourceType]
	if !ok {
		p.t.Fatalf("no resource %s", resourceType)
	}
	return s
}

// config is a resource configuration: the given arguments, the rest null.
func (p *protoProvider) config(args map[string]tftypes.Value) *tfprotov6.DynamicValue {
	return p.object(p.resourceSchema(), args)
}

// plan plans moving prior (nil: create) to config, as terraform would:
// the proposed new state is the configuration, with the prior state's
// values for what the configuration leaves null.
func (p *protoProvider) plan(ctx context.Context, prior *resourceObject, config *tfprotov6.DynamicValue) (*tfprotov6.PlanResourceChangeResponse, *resourceObject) {
	p.t.Helper()
	schema := p.resourceSchema()
	typ := schema.ValueType()
	priorValue := nullObject(p.t, typ)
	var priorPrivate []byte
	proposed := config
	if prior != nil {
		priorValue, priorPrivate = prior.Value, prior.Private
		proposed = p.merge(typ, config, prior.Value)
	}
	resp, err := p.srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName: resourceType, PriorState: priorValue, ProposedNewState: proposed, Config: config, PriorPrivate: priorPrivate,
	})
	if err != nil {
		p.t.Fatal(err)
	}
	p.fatalOnError("PlanResourceChange", resp.Diagnostics)
	return resp, &resourceObject{Value: resp.PlannedState, Private: resp.PlannedPrivate}
}

// apply applies a planned change with ctx, which the test may cancel.
func (p *protoProvider) apply(ctx context.Context, prior, planned *resourceObject, config *tfprotov6.DynamicValue) (*tfprotov6.ApplyResourceChangeResponse, *resourceObject) {
	p.t.Helper()
	priorValue := nullObject(p.t, p.resourceSchema().ValueType())
	if prior != nil {
		priorValue = prior.Value
	}
	resp, err := p.srv.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName: resourceType, PriorState: priorValue, PlannedState: planned.Value, Config: config, PlannedPrivate: planned.Private,
	})
	if err != nil {
		p.t.Fatal(err)
	}
	return resp, &resourceObject{Value: resp.NewState, Private: resp.Private}
}

// read refreshes a resource, as the plan that follows an apply does.
func (p *protoProvider) read(current *resourceObject) *resourceObject {
	p.t.Helper()
	resp, err := p.srv.ReadResource(context.Background(), &tfprotov6.ReadResourceRequest{
		TypeName: resourceType, CurrentState: current.Value, Private: current.Private,
	})
	if err != nil {
		p.t.Fatal(err)
	}
	p.fatalOnError("ReadResource", resp.Diagnostics)
	return &resourceObject{Value: resp.NewState, Private: resp.Private}
}

// attrs decodes an object's top-level attributes; strings, bools and
// numbers come back as Go strings ("" for null), the rest as "?".
func (p *protoProvider) attrs(o *resourceObject) map[string]string {
	p.t.Helper()
	v, err := o.Value.Unmarshal(p.resourceSchema().ValueType())
	if err != nil {
		p.t.Fatal(err)
	}
	var m map[string]tftypes.Value
	if err := v.As(&m); err != nil {
		p.t.Fatal(err)
	}
	out := map[string]string{}
	for k, av := range m {
		out[k] = valueString(av)
	}
	return out
}

func valueString(v tftypes.Value) string {
	switch {
	case v.IsNull():
		return ""
	case !v.IsKnown():
		return "(unknown)"
	case v.Type().Is(tftypes.String):
		var s string
		_ = v.As(&s)
		return s
	case v.Type().Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)
		if b {
			return "true"
		}
		return "false"
	case v.Type().Is(tftypes.Number):
		var f big.Float
		_ = v.As(&f)
		return f.Text('f', -1)
	}
	return "?"
}

// merge is terraform's proposed new state in short: config, with prior's
// value wherever config is null (computed and optional-computed values).
func (p *protoProvider) merge(typ tftypes.Type, config, prior *tfprotov6.DynamicValue) *tfprotov6.DynamicValue {
	p.t.Helper()
	cv, err := config.Unmarshal(typ)
	if err != nil {
		p.t.Fatal(err)
	}
	pv, err := prior.Unmarshal(typ)
	if err != nil {
		p.t.Fatal(err)
	}
	var cm, pm map[string]tftypes.Value
	if err := cv.As(&cm); err != nil {
		p.t.Fatal(err)
	}
	if err := pv.As(&pm); err != nil {
		p.t.Fatal(err)
	}
	for k, v := range cm {
		if v.IsNull() {
			cm[k] = pm[k]
		}
	}
	dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, cm))
	if err != nil {
		p.t.Fatal(err)
	}
	return &dv
}

// nullObject is the null value of typ: no prior state.
func nullObject(t *testing.T, typ tftypes.Type) *tfprotov6.DynamicValue {
	t.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, nil))
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

func (p *protoProvider) fatalOnError(rpc string, diags []*tfprotov6.Diagnostic) {
	p.t.Helper()
	if hasError(diags) {
		p.t.Fatalf("%s: %s", rpc, diagText(diags))
	}
}

func hasError(diags []*tfprotov6.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}

// diagText is the diagnostics as one string, for messages and matching.
func diagText(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Severity.String() + ": " + d.Summary + ": " + d.Detail + "\n")
	}
	return b.String()
}
