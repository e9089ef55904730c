// Command terraform-provider-scaling is the scaling Terraform provider.
//
// Run with no arguments it serves the provider to Terraform (protocol 6).
// "terraform-provider-scaling emulator" instead runs the local AWS emulator
// the demo and the acceptance tests use.
package main

import (
	"context"
	"flag"
	"log"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/cli"
	"github.com/scalingkit/terraform-provider-scaling/internal/provider"
)

// version is set by goreleaser.
var version = "dev"

// The registry address; tfplugindocs and dev_overrides use it too.
const address = "registry.terraform.io/scalingkit/scaling"

func main() {
	if len(os.Args) > 1 && os.Args[1] == "emulator" {
		os.Exit(cli.Run(os.Args[2:]))
	}
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run with support for debuggers like delve")
	flag.Parse()
	if err := quietSDKLogsUnlessAsked(os.Environ(), os.Setenv); err != nil {
		log.Fatal(err)
	}
	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: address,
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
