package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const testVariables = `
variable "name" {
  description = "Name | with a pipe."
  type        = string
  default     = "web"
}

variable "cpu" {
  description = <<-EOT
    CPU per pod,
    on two lines.
  EOT
  type        = string
}

variable "shape" {
  type = object({
    a = optional(string)
  })
  default = { "k/x" = ["a", "b"], n = 0.15, off = false }
}

variable "nothing" {
  type    = number
  default = null
}
`

const testOutputs = `
output "first" {
  description = "First output."
  value       = 1
}
`

const testReadme = "# Module\n\nProse before.\n\n" + beginMarker + "\nold table\n" + endMarker + "\n\nProse after.\n"

func writeModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{"variables.tf": testVariables, "outputs.tf": testOutputs, "README.md": testReadme} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func readReadme(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSyncReadmeWritesTablesAndKeepsProse(t *testing.T) {
	dir := writeModule(t)
	changed, err := syncReadme(dir, false)
	if err != nil || !changed {
		t.Fatalf("syncReadme = %v, %v; want changed", changed, err)
	}
	want := "# Module\n\nProse before.\n\n" + beginMarker + "\n" +
		"## Inputs\n\n" +
		"| name | description | type | default | required |\n|---|---|---|---|:---:|\n" +
		"| `name` | Name \\| with a pipe. | `string` | `\"web\"` | no |\n" +
		"| `cpu` | CPU per pod, on two lines. | `string` |  | yes |\n" +
		"| `shape` |  | `object(...)` | `{ \"k/x\" = [\"a\", \"b\"], n = 0.15, off = false }` | no |\n" +
		"| `nothing` |  | `number` | `null` | no |\n" +
		"\n## Outputs\n\n" +
		"| name | description |\n|---|---|\n" +
		"| `first` | First output. |\n" +
		endMarker + "\n\nProse after.\n"
	if got := readReadme(t, dir); got != want {
		t.Errorf("README:\n%s\nwant:\n%s", got, want)
	}

	// A second run is a no-op: the generator is re-runnable.
	if changed, err := syncReadme(dir, false); err != nil || changed {
		t.Errorf("second run = %v, %v; want unchanged", changed, err)
	}
}

func TestCheckReportsDriftWithoutWriting(t *testing.T) {
	dir := writeModule(t)
	if _, err := syncReadme(dir, false); err != nil {
		t.Fatal(err)
	}
	if changed, err := syncReadme(dir, true); err != nil || changed {
		t.Fatalf("check on a fresh README = %v, %v; want clean", changed, err)
	}

	// A module change the README does not reflect yet.
	extra := "\nvariable \"added\" {\n  type = bool\n  default = true\n}\n"
	f, err := os.OpenFile(filepath.Join(dir, "variables.tf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(extra); err != nil {
		t.Fatal(err)
	}
	f.Close()

	before := readReadme(t, dir)
	changed, err := syncReadme(dir, true)
	if err != nil || !changed {
		t.Fatalf("check after adding a variable = %v, %v; want stale", changed, err)
	}
	if readReadme(t, dir) != before {
		t.Error("check mode rewrote the README")
	}
}

func TestMissingMarkersIsAnError(t *testing.T) {
	dir := writeModule(t)
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("# no markers\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := syncReadme(dir, false)
	if err == nil || !strings.Contains(err.Error(), beginMarker) {
		t.Fatalf("err = %v; want one naming the markers", err)
	}
}

func TestBrokenModuleIsAnError(t *testing.T) {
	dir := writeModule(t)
	if err := os.WriteFile(filepath.Join(dir, "variables.tf"), []byte("variable \"x\" {\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := syncReadme(dir, false); err == nil {
		t.Fatal("want an error for a module that does not parse")
	}
}
