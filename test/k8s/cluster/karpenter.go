package cluster

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// KarpenterKwokDir returns the directory with the karpenter-kwok binary and
// its CRDs: $K8S_KARPENTER_DIR, or what `scripts/k8s-tools.sh karpenter-kwok`
// builds (cold: ~4 min).
func KarpenterKwokDir() (string, error) {
	if dir := os.Getenv("K8S_KARPENTER_DIR"); dir != "" {
		return dir, nil
	}
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("bash", filepath.Join(root, "scripts", "k8s-tools.sh"), "karpenter-kwok")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("scripts/k8s-tools.sh karpenter-kwok: %v\n%s", err, stderr.String())
	}
	return strings.TrimSpace(stdout.String()), nil
}

// KarpenterNamespace is where Karpenter runs (SYSTEM_NAMESPACE).
const KarpenterNamespace = "karpenter"

// KarpenterOptions tune StartKarpenterKwokWith.
type KarpenterOptions struct {
	// FeatureGates is Karpenter's FEATURE_GATES, e.g.
	// "CapacityBuffer=true,StaticCapacity=true"; empty keeps its defaults.
	FeatureGates string
}

// StartKarpenterKwok installs Karpenter core's CRDs (NodePool, NodeClaim,
// NodeOverlay, CapacityBuffer) and KWOKNodeClass, then runs Karpenter with
// its KWOK cloud provider: it launches "instances" as Nodes that this
// cluster's kwok makes Ready. Start the cluster with SkipCRDs: the AWS
// provider's NodePool CRD differs from core's. Stopped with the cluster.
func (c *Cluster) StartKarpenterKwok(ctx context.Context) error {
	return c.StartKarpenterKwokWith(ctx, KarpenterOptions{})
}

// StartKarpenterKwokWith is StartKarpenterKwok with options.
func (c *Cluster) StartKarpenterKwokWith(ctx context.Context, opts KarpenterOptions) error {
	if c.External {
		return fmt.Errorf("karpenter-kwok runs only against the local control plane")
	}
	dir, err := KarpenterKwokDir()
	if err != nil {
		return err
	}
	crds, _ := filepath.Glob(filepath.Join(dir, "crds", "*.yaml"))
	if err := InstallCRDs(ctx, c.Config, crds); err != nil {
		return err
	}
	a, err := c.NewApplier()
	if err != nil {
		return err
	}
	if err := a.EnsureNamespace(ctx, KarpenterNamespace); err != nil {
		return err
	}
	ports, err := freePorts(2)
	if err != nil {
		return err
	}
	env := []string{
		"KUBECONFIG=" + c.Kubeconfig,
		"SYSTEM_NAMESPACE=" + KarpenterNamespace,
		"DISABLE_LEADER_ELECTION=true",
		"METRICS_PORT=" + strconv.Itoa(ports[0]),
		"HEALTH_PROBE_PORT=" + strconv.Itoa(ports[1]),
		"LOG_LEVEL=info",
	}
	if opts.FeatureGates != "" {
		env = append(env, "FEATURE_GATES="+opts.FeatureGates)
	}
	proc, err := startProcessEnv("karpenter-kwok", filepath.Join(dir, "karpenter-kwok"),
		filepath.Join(c.Dir, "logs", "karpenter-kwok.log"), env)
	if err != nil {
		return err
	}
	c.mu.Lock()
	c.procs = append(c.procs, proc)
	c.mu.Unlock()
	return waitHTTP(ctx, proc, &http.Client{}, "http://127.0.0.1:"+strconv.Itoa(ports[1])+"/readyz", "", 90*time.Second)
}
