package modules

import (
	"path/filepath"
	"testing"
)

// stack holds the original of every shared part file.
const stack = "fast-scaling-stack"

// TestSharedPartFiles: a part module's part_*.tf files are byte-for-byte
// copies of the stack's, so the stack (one flat module, fast to plan) and
// the part modules cannot drift apart. Copy the stack's file over the part
// module's after changing it.
func TestSharedPartFiles(t *testing.T) {
	copies := 0
	for _, name := range moduleDirs(t) {
		if name == stack {
			continue
		}
		files, err := filepath.Glob(filepath.Join(modulesDir, name, "part_*.tf"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			got, err := readFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := readFile(filepath.Join(modulesDir, stack, filepath.Base(f)))
			if err != nil {
				t.Errorf("%s: the stack has no %s to copy from: %v", f, filepath.Base(f), err)
				continue
			}
			if got != want {
				t.Errorf("%s differs from modules/%s/%s: cp modules/%[2]s/%[3]s modules/%[4]s/", f, stack, filepath.Base(f), name)
			}
			copies++
		}
	}
	if copies == 0 {
		t.Fatal("no shared part files found")
	}
}
