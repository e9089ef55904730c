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

// reason reads the `# reason: ...` first line of an invalid fixture.
func reason(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	line, _ := bufio.NewReader(f).ReadString('\n')
	if r, ok := strings.CutPrefix(strings.TrimSpace(line), "# reason:"); ok {
		return strings.TrimSpace(r)
	}
	return ""
}
