package cluster

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// BinDir returns the directory holding the control-plane binaries, kwok, its
// stages and the CRDs: $K8S_BIN_DIR when set, otherwise the output of
// scripts/k8s-tools.sh, which builds them on first use (cold: ~10 min).
func BinDir() (string, error) {
	if dir := os.Getenv("K8S_BIN_DIR"); dir != "" {
		return dir, nil
	}
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("bash", filepath.Join(root, "scripts", "k8s-tools.sh"))
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("scripts/k8s-tools.sh: %v\n%s", err, stderr.String())
	}
	return strings.TrimSpace(stdout.String()), nil
}

// repoRoot walks up from the working directory to the provider's go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "scripts", "k8s-tools.sh")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("scripts/k8s-tools.sh not found above the working directory; set K8S_BIN_DIR")
		}
		dir = parent
	}
}

// RepoRoot is the repository root, for tests that read testdata elsewhere.
func RepoRoot() (string, error) { return repoRoot() }
