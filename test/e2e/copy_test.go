package e2e

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyExample copies an example and the modules it sources into a temporary
// tree with the same layout (examples/<name>, modules/), so state, lock file
// and .terraform never land in the checkout. It returns the example's copy.
func copyExample(t *testing.T, name string) string {
	t.Helper()
	root, dst := repoRoot(t), t.TempDir()
	for _, rel := range []string{filepath.Join("examples", name), "modules"} {
		if err := copyTree(filepath.Join(root, rel), filepath.Join(dst, rel)); err != nil {
			t.Fatalf("copy %s: %v", rel, err)
		}
	}
	return filepath.Join(dst, "examples", name)
}

// copyCompleteExample copies examples/complete as CI applies it: with
// existing-cluster/eks.tf (a cluster that exists) in place of eks.tf (the
// terraform-aws-modules/eks platform, which cannot be downloaded here).
func copyCompleteExample(t *testing.T) string {
	t.Helper()
	dir := copyExample(t, "complete")
	standIn := filepath.Join(dir, "existing-cluster", "eks.tf")
	if err := os.Rename(standIn, filepath.Join(dir, "eks.tf")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() && d.Name() == ".terraform" {
			return filepath.SkipDir
		}
		if !d.IsDir() && (d.Name() == ".terraform.lock.hcl" || strings.HasSuffix(d.Name(), ".tfstate") || strings.Contains(d.Name(), ".tfstate.")) {
			return nil
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		in, err := os.Open(path)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(target)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}
