package framework

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/conns"
)

func TestAWSClientFrom(t *testing.T) {
	var diags diag.Diagnostics
	if c := awsClientFrom(context.Background(), nil, &diags); c != nil || diags.HasError() {
		t.Fatalf("unconfigured provider: got %v, %v", c, diags)
	}
	want := &conns.AWSClient{}
	if c := awsClientFrom(context.Background(), want, &diags); c != want || diags.HasError() {
		t.Fatalf("configured provider: got %v, %v", c, diags)
	}
	if c := awsClientFrom(context.Background(), "not a client", &diags); c != nil || !diags.HasError() {
		t.Fatalf("wrong provider data: got %v, %v", c, diags)
	}
}

// A client that cannot call AWS (here: values known only after apply) is
// an error for the objects that call AWS, titled by the client's reason.
func TestAWSClientFromReportsAClientThatCannotCallAWS(t *testing.T) {
	c, err := conns.Config{Unknown: []string{"region"}}.NewClient(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.Diagnostics
	awsClientFrom(context.Background(), c, &diags)
	if !diags.HasError() || diags[0].Summary() != "Provider configuration not known until apply" {
		t.Fatalf("diags = %v", diags)
	}
}

// ProviderConfigured hands over the same client without asking it about AWS.
func TestProviderConfiguredAsksNothingOfAWS(t *testing.T) {
	c, err := conns.Config{Unknown: []string{"region"}}.NewClient(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var r ProviderConfigured
	var resp resource.ConfigureResponse
	r.Configure(context.Background(), resource.ConfigureRequest{ProviderData: c}, &resp)
	if resp.Diagnostics.HasError() || r.Client != c {
		t.Fatalf("got %v, %v", r.Client, resp.Diagnostics)
	}
}
