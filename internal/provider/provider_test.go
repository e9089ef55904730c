package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// The whole schema (provider, every resource, data source and function) must
// be served without diagnostics: the framework validates it here.
func TestProviderSchemaIsValid(t *testing.T) {
	server, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		t.Errorf("%s: %s: %s", d.Severity, d.Summary, d.Detail)
	}
	if resp.Provider == nil || len(resp.Provider.Block.Attributes) == 0 {
		t.Fatal("provider schema is empty")
	}
	for name, s := range resp.ResourceSchemas {
		if s.Block.Description == "" {
			t.Errorf("resource %s has no description", name)
		}
	}
	for name, s := range resp.DataSourceSchemas {
		if s.Block.Description == "" {
			t.Errorf("data source %s has no description", name)
		}
	}
}
