// Command profprovider is the provider binary with a CPU profile: each
// process writes $SCALING_CPU_PROFILE_DIR/cpu-<pid>.pprof until it exits.
// `go tool pprof` on all the files shows where a terraform plan spends the
// provider's CPU (see templates/guides/performance.md.tmpl).
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime/pprof"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/scalingkit/terraform-provider-scaling/internal/provider"
)

func main() {
	if dir := os.Getenv("SCALING_CPU_PROFILE_DIR"); dir != "" {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("cpu-%d.pprof", os.Getpid())))
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	err := providerserver.Serve(context.Background(), provider.New("profile"), providerserver.ServeOpts{
		Address: "registry.terraform.io/scalingkit/scaling",
	})
	if err != nil {
		log.Print(err)
	}
}
