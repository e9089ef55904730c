package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	mirrorOnce sync.Once
	mirrorCfg  string
	mirrorErr  error
)

// repoRoot is two levels above this module.
func repoRoot(t testing.TB) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root, err := filepath.Abs(filepath.Join(wd, "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "scripts", "tf-mirror.sh")); err != nil {
		t.Fatalf("repository root not found from %s: %v", wd, err)
	}
	return root
}

// providerMirror builds our provider (from this checkout) and
// hashicorp/kubernetes into the filesystem mirror once per test binary and
// returns the Terraform CLI config that installs from it.
func providerMirror(t testing.TB) string {
	t.Helper()
	mirrorOnce.Do(func() {
		var stdout, stderr bytes.Buffer
		cmd := exec.Command("bash", filepath.Join(repoRoot(t), "scripts", "tf-mirror.sh"), "--kubernetes")
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local")
		if err := cmd.Run(); err != nil {
			mirrorErr = err
			mirrorCfg = stderr.String()
			return
		}
		lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
		mirrorCfg = lines[len(lines)-1]
	})
	if mirrorErr != nil {
		t.Fatalf("scripts/tf-mirror.sh --kubernetes: %v\n%s", mirrorErr, mirrorCfg)
	}
	return mirrorCfg
}

// providerBinary is the provider binary the mirror was built from; its
// `emulator` command serves the local AWS emulator.
func providerBinary(t testing.TB) string {
	t.Helper()
	providerMirror(t)
	return filepath.Join(repoRoot(t), ".cache", "tf-providers", "terraform-provider-scaling")
}
