package dryrun

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

// fixtures globs patterns relative to the repository root, sorted, with
// paths shown relative to it.
func fixtures(t *testing.T, patterns ...string) (root string, files []string) {
	t.Helper()
	root, err := cluster.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range patterns {
		found, err := filepath.Glob(filepath.Join(root, p))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, found...)
	}
	sort.Strings(files)
	return root, files
}

func rel(root, path string) string {
	r, err := filepath.Rel(root, path)
	if err != nil {
		return path
	}
	return r
}

// header reads an invalid fixture's leading comments: the required first line
// `# reason: ...` and optional `# expect: ...` lines, each a piece of text the
// server's rejection must contain (so a fixture rejected for another reason,
// e.g. a missing required field, does not pass unnoticed).
func header(path string) (reason string, expect []string) {
	f, err := os.Open(path)
	if err != nil {
		return "", nil
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for first := true; sc.Scan(); first = false {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "#") {
			break
		}
		if r, ok := strings.CutPrefix(line, "# reason:"); ok && first {
			reason = strings.TrimSpace(r)
		}
		if e, ok := strings.CutPrefix(line, "# expect:"); ok {
			expect = append(expect, strings.TrimSpace(e))
		}
	}
	return reason, expect
}
