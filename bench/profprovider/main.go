// Command profprovider is the provider binary with a CPU profile: each
// process writes $SCALING_CPU_PROFILE_DIR/cpu-<pid>.pprof until it exits.
// `go tool pprof` on all the files shows where a terraform plan spends the
// provider's CPU (see templates/guides/performance.md.tmpl). Build it as
// the release is built (-trimpath -ldflags "-s -w" keep the symbols pprof
// needs) to profile what users run.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"

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
	quietSDKLogsUnlessAsked()
	err := providerserver.Serve(context.Background(), provider.New("profile"), providerserver.ServeOpts{
		Address: "registry.terraform.io/scalingkit/scaling",
	})
	if err != nil {
		log.Print(err)
	}
}

// quietSDKLogsUnlessAsked does what the provider's main.go does: the SDK's
// own loggers off unless a TF_LOG* variable is set, so the profile shows
// the provider terraform runs, not TRACE logging it never builds.
func quietSDKLogsUnlessAsked() {
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "TF_LOG") {
			return
		}
	}
	for _, key := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"} {
		os.Setenv(key, "off")
	}
}
