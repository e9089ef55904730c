package alerts

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/test/conformance/crdvalidate"
)

var updateCatalog = flag.Bool("update-catalog", false, "rewrite internal/core/render/alerts/catalog_gen.go from the pinned sources")

const catalogFile = "../../../internal/core/render/alerts/catalog_gen.go"

// Pinned sources of metric names, matching alerts.Components.
var (
	karpenterCore = crdvalidate.Module{Path: "sigs.k8s.io/karpenter", Version: "v1.14.1"}
	karpenterAWS  = crdvalidate.Module{Path: "github.com/aws/karpenter-provider-aws", Version: "v1.14.1"}
	keda          = crdvalidate.Module{Path: "github.com/kedacore/keda/v2", Version: "v2.21.0"}
	ksm           = crdvalidate.Module{Path: "k8s.io/kube-state-metrics/v2", Version: "v2.18.0"}
	kubernetes    = crdvalidate.Module{Path: "k8s.io/kubernetes", Version: "v1.35.4"}
)

type entry struct{ name, typ, component, file string }

// The catalog of metric names the alert renderer checks rules against is
// generated from the pinned components' own sources: Karpenter's and KEDA's
// and the scheduler's Prometheus metric definitions (Go), and
// kube-state-metrics' metric reference (docs/metrics). This fails when the
// committed catalog is not what the sources say.
func TestAlertMetricCatalog(t *testing.T) {
	var all []entry
	for _, src := range []struct {
		component string
		mods      []crdvalidate.Module
		dirs      []string
	}{
		{"karpenter", []crdvalidate.Module{karpenterCore, karpenterAWS}, []string{"pkg"}},
		{"keda", []crdvalidate.Module{keda}, []string{"pkg/metricscollector"}},
		{"kube-scheduler", []crdvalidate.Module{kubernetes}, []string{"pkg/scheduler"}},
	} {
		got, err := goMetrics(src.component, src.mods, src.dirs)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, got...)
	}
	ksmEntries, err := ksmMetrics()
	if err != nil {
		t.Fatal(err)
	}
	all = append(all, ksmEntries...)
	counts := map[string]int{}
	for _, e := range all {
		counts[e.component]++
	}
	for _, c := range []string{"karpenter", "keda", "kube-scheduler", "kube-state-metrics"} {
		if counts[c] < 10 {
			t.Fatalf("only %d metrics found for %s: the generator misread the sources", counts[c], c)
		}
	}
	src := renderCatalog(all)
	if *updateCatalog {
		if err := os.WriteFile(catalogFile, src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	committed, err := os.ReadFile(catalogFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, src) {
		t.Fatalf("%s is not what the pinned sources say: run go test -run TestAlertMetricCatalog -update-catalog in test/conformance/alerts and review the diff", catalogFile)
	}
	t.Logf("metric catalog: %v", counts)
}

var optsTypes = map[string]string{
	"CounterOpts": "Counter", "GaugeOpts": "Gauge", "HistogramOpts": "Histogram",
	"SummaryOpts": "Summary", "TimingHistogramOpts": "Histogram",
}

// goMetrics reads every prometheus/component-base *Opts{Namespace,
// Subsystem, Name} literal in the modules' dirs (tests and test helpers
// excluded), resolving constant names within the scanned trees.
func goMetrics(component string, mods []crdvalidate.Module, dirs []string) ([]entry, error) {
	type file struct {
		dir, rel string
		f        *ast.File
	}
	var files []file
	consts := map[string]map[string]string{} // package dir base name -> const -> value
	fset := token.NewFileSet()
	for _, m := range mods {
		root, err := m.Dir()
		if err != nil {
			return nil, err
		}
		for _, d := range dirs {
			err := filepath.WalkDir(filepath.Join(root, d), func(path string, de fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				rel, _ := filepath.Rel(root, path)
				if de.IsDir() {
					if b := de.Name(); b == "test" || b == "testing" || b == "fake" || b == "testdata" {
						return filepath.SkipDir
					}
					return nil
				}
				if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
					return nil
				}
				f, err := parser.ParseFile(fset, path, nil, 0)
				if err != nil {
					return err
				}
				dir := filepath.Base(filepath.Dir(path))
				if consts[dir] == nil {
					consts[dir] = map[string]string{}
				}
				for _, decl := range f.Decls {
					g, ok := decl.(*ast.GenDecl)
					if !ok || (g.Tok != token.CONST && g.Tok != token.VAR) {
						continue
					}
					for _, spec := range g.Specs {
						vs := spec.(*ast.ValueSpec)
						for i, n := range vs.Names {
							if i < len(vs.Values) {
								if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
									v, _ := strconv.Unquote(lit.Value)
									consts[dir][n.Name] = v
								}
							}
						}
					}
				}
				files = append(files, file{dir: dir, rel: m.Path + "@" + m.Version + "/" + filepath.ToSlash(rel), f: f})
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	resolve := func(e ast.Expr, dir string) (string, error) {
		switch v := e.(type) {
		case *ast.BasicLit:
			return strconv.Unquote(v.Value)
		case *ast.Ident:
			if s, ok := consts[dir][v.Name]; ok {
				return s, nil
			}
		case *ast.SelectorExpr:
			if pkg, ok := v.X.(*ast.Ident); ok {
				if s, ok := consts[pkg.Name][v.Sel.Name]; ok {
					return s, nil
				}
			}
		}
		return "", fmt.Errorf("cannot resolve %T at %s", e, fset.Position(e.Pos()))
	}
	var out []entry
	for _, fl := range files {
		var err error
		ast.Inspect(fl.f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok || err != nil {
				return err == nil
			}
			var typeName string
			switch t := lit.Type.(type) {
			case *ast.SelectorExpr:
				typeName = t.Sel.Name
			case *ast.Ident:
				typeName = t.Name
			}
			typ, ok := optsTypes[typeName]
			if !ok {
				return true
			}
			parts := map[string]string{}
			for _, el := range lit.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				key, _ := kv.Key.(*ast.Ident)
				if key == nil || (key.Name != "Namespace" && key.Name != "Subsystem" && key.Name != "Name") {
					continue
				}
				v, rerr := resolve(kv.Value, fl.dir)
				if rerr != nil {
					err = rerr
					return false
				}
				parts[key.Name] = v
			}
			var name []string
			for _, k := range []string{"Namespace", "Subsystem", "Name"} {
				if parts[k] != "" {
					name = append(name, parts[k])
				}
			}
			if parts["Name"] != "" {
				out = append(out, entry{strings.Join(name, "_"), typ, component, fl.rel})
			}
			return true
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

var ksmRow = regexp.MustCompile("^\\|\\s*(kube_[a-z0-9_]+)\\s*\\|\\s*([A-Za-z]+)\\s*\\|")

// ksmMetrics reads kube-state-metrics' metric tables (docs/metrics/**.md).
func ksmMetrics() ([]entry, error) {
	root, err := ksm.Dir()
	if err != nil {
		return nil, err
	}
	var out []entry
	err = filepath.WalkDir(filepath.Join(root, "docs", "metrics"), func(path string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(root, path)
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if m := ksmRow.FindStringSubmatch(sc.Text()); m != nil {
				out = append(out, entry{m[1], m[2], "kube-state-metrics", ksm.Path + "@" + ksm.Version + "/" + filepath.ToSlash(rel)})
			}
		}
		return sc.Err()
	})
	return out, err
}

var typeConst = map[string]string{
	"counter": "Counter", "gauge": "Gauge", "histogram": "Histogram", "summary": "Summary", "info": "Info", "stateset": "StateSet",
}

// renderCatalog writes the Go source of catalog_gen.go: one entry per
// metric name (the first definition found when a name is defined twice).
func renderCatalog(all []entry) []byte {
	sort.SliceStable(all, func(i, j int) bool { return all[i].name < all[j].name })
	var b bytes.Buffer
	b.WriteString("// Code generated by test/conformance/alerts (go test -run TestAlertMetricCatalog -update-catalog). DO NOT EDIT.\n\n")
	b.WriteString("package alerts\n\n")
	b.WriteString("// generatedMetrics are the metric names the pinned Components export,\n// read from their sources.\n")
	b.WriteString("var generatedMetrics = []Metric{\n")
	seen := map[string]bool{}
	for _, e := range all {
		if seen[e.name] {
			continue
		}
		seen[e.name] = true
		typ := typeConst[strings.ToLower(e.typ)]
		if typ == "" {
			typ = "Gauge"
		}
		fmt.Fprintf(&b, "\t{%q, %s, %q, %q},\n", e.name, typ, e.component, e.file)
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		panic(err)
	}
	return src
}
