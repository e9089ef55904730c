// Command moduledocs writes the inputs and outputs tables of each Terraform
// module's README.md from the module's variable and output blocks, between
// the markers BEGIN_TF_DOCS and END_TF_DOCS. Everything outside the markers is
// hand-written prose and stays as it is.
//
//	moduledocs [-check] MODULE_DIR...
//
// With -check it writes nothing and exits 1 when a README differs from what
// it would write (the drift check CI runs).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	check := flag.Bool("check", false, "report stale READMEs instead of rewriting them")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: moduledocs [-check] MODULE_DIR...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}

	stale := 0
	for _, dir := range flag.Args() {
		changed, err := syncReadme(dir, *check)
		if err != nil {
			fmt.Fprintf(os.Stderr, "moduledocs: %s: %v\n", dir, err)
			os.Exit(1)
		}
		if changed {
			stale++
			readme := filepath.Join(dir, "README.md")
			if *check {
				fmt.Fprintf(os.Stderr, "%s: inputs/outputs tables are stale: run 'make generate' and commit the result\n", readme)
			} else {
				fmt.Printf("moduledocs: updated %s\n", readme)
			}
		}
	}
	if *check && stale > 0 {
		os.Exit(1)
	}
}

// syncReadme renders the tables of the module in dir and, unless check is
// set, writes them into its README.md. It reports whether the README differs.
func syncReadme(dir string, check bool) (bool, error) {
	mod, err := loadModule(dir)
	if err != nil {
		return false, err
	}
	path := filepath.Join(dir, "README.md")
	old, err := os.ReadFile(path)
	if err != nil {
		return false, err
	}
	updated, err := replaceBetweenMarkers(string(old), renderTables(mod))
	if err != nil {
		return false, fmt.Errorf("%s: %w", path, err)
	}
	if updated == string(old) {
		return false, nil
	}
	if !check {
		if err := os.WriteFile(path, []byte(updated), 0o644); err != nil {
			return false, err
		}
	}
	return true, nil
}
