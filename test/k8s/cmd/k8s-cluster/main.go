// Command k8s-cluster runs the local test control plane in the foreground
// until SIGTERM or SIGINT (scripts/k8s-cluster.sh runs it in the background
// for `make cluster-up` / `make cluster-down`). It writes DIR/kubeconfig, then
// DIR/ready once every component is up and the CRDs are Established
// (-skip-crds: none installed).
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

func main() {
	dir := flag.String("dir", "", "directory for certificates, data, logs and the kubeconfig (required)")
	skipCRDs := flag.Bool("skip-crds", false, "start without the Karpenter and KEDA CRDs (for whatever installs them, e.g. make demo in its apply)")
	flag.Parse()
	if *dir == "" {
		log.Fatal("-dir is required")
	}
	// Always start our own processes, whatever the caller's KUBECONFIG says.
	os.Unsetenv("KUBECONFIG")
	c, err := cluster.Start(context.Background(), cluster.Options{Dir: *dir, Logf: log.Printf, SkipCRDs: *skipCRDs})
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*dir, "ready"), []byte(fmt.Sprintln(os.Getpid())), 0o644); err != nil {
		c.Stop()
		log.Fatal(err)
	}
	log.Printf("ready; stop with SIGTERM (make cluster-down)")
	select {} // the cluster package stops everything on SIGTERM/SIGINT and exits
}
