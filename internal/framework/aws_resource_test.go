package framework

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

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
