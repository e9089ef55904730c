package provider_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// The IAM permissions page is derived from the code: scanAWSCalls reads
// the service packages (internal/service/*) and finds, for each resource
// and data source, every AWS SDK operation it can reach: calls on an SDK
// client (conn.DescribeCluster(...), r.Client.ECR.CreatePullThroughCacheRule(...)),
// paginators (eks.NewListUpdatesPaginator), through the package's own
// functions and methods. It works on the syntax, so a call it cannot
// attribute to a client fails the test instead of being missed.

const sdkService = "github.com/aws/aws-sdk-go-v2/service/"

// sdkOps are the operations of each SDK client, from its method set.
var sdkOps = map[string]map[string]bool{
	"eks":        methods(&eks.Client{}),
	"ecr":        methods(&ecr.Client{}),
	"cloudwatch": methods(&cloudwatch.Client{}),
	"sts":        methods(&sts.Client{}),
}

// clientFields are the AWSClient fields that hold each service's client.
var clientFields = map[string]string{"EKS": "eks", "ECR": "ecr", "CloudWatch": "cloudwatch", "STS": "sts"}

func methods(client any) map[string]bool {
	out := map[string]bool{}
	t := reflect.TypeOf(client)
	for i := range t.NumMethod() {
		if name := t.Method(i).Name; name != "Options" {
			out[name] = true
		}
	}
	return out
}

var paginator = regexp.MustCompile(`^New(\w+?)(Paginator|Waiter)$`)

// serviceDir holds the service packages, from this package's directory.
const serviceDir = "../service"

// scanned is what the scan learns of one Terraform object.
type scanned struct {
	ops []string // IAM actions, sorted
	// awsClient: it embeds framework.AWSResource or AWSDataSource, which
	// need a region and valid credentials before any call.
	awsClient bool
}

// scanAWSCalls returns, per Terraform type name, its IAM actions
// ("eks:DescribeCluster"), sorted; objects that call nothing are absent.
func scanAWSCalls(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for name, s := range scanServices(t) {
		if len(s.ops) > 0 {
			out[name] = s.ops
		}
	}
	return out
}

// scanServices scans every service package, by Terraform type name.
func scanServices(t *testing.T) map[string]scanned {
	t.Helper()
	dirs, err := os.ReadDir(serviceDir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]scanned{}
	for _, d := range dirs {
		if d.IsDir() {
			for name, s := range scanPackage(t, filepath.Join(serviceDir, d.Name())) {
				out[name] = s
			}
		}
	}
	return out
}

type fn struct {
	recv string // receiver type, "" for a function
	decl *ast.FuncDecl
	file *ast.File
}

func scanPackage(t *testing.T, dir string) map[string]scanned {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	funcs := map[string]fn{} // "recv.name" or "name"
	typeNames := map[string]string{}
	fieldSvc := map[string]string{} // struct field name -> service, for fields of type *svc.Client
	awsClient := map[string]bool{}  // type name -> embeds framework.AWSResource or AWSDataSource
	{
		for _, f := range files {
			imports := importsOf(f)
			for _, decl := range f.Decls {
				switch d := decl.(type) {
				case *ast.FuncDecl:
					recv := receiverType(d)
					key := d.Name.Name
					if recv != "" {
						key = recv + "." + key
					}
					funcs[key] = fn{recv: recv, decl: d, file: f}
					if d.Name.Name == "Metadata" && recv != "" {
						if name := typeNameIn(d); name != "" {
							typeNames[recv] = name
						}
					}
				case *ast.GenDecl:
					for _, spec := range d.Specs {
						if ts, ok := spec.(*ast.TypeSpec); ok {
							if st, ok := ts.Type.(*ast.StructType); ok && embedsAWSClient(st) {
								awsClient[ts.Name.Name] = true
							}
						}
					}
					ast.Inspect(d, func(n ast.Node) bool {
						if st, ok := n.(*ast.StructType); ok {
							for _, field := range st.Fields.List {
								if svc := clientType(field.Type, imports); svc != "" {
									for _, n := range field.Names {
										fieldSvc[n.Name] = svc
									}
								}
							}
						}
						return true
					})
				}
			}
		}
	}
	// Direct operations and edges to the package's own functions, per function.
	direct := map[string]map[string]bool{}
	edges := map[string][]string{}
	for key, f := range funcs {
		direct[key] = map[string]bool{}
		imports := importsOf(f.file)
		params := map[string]string{} // parameter or variable name -> service
		ast.Inspect(f.decl, func(n ast.Node) bool {
			if field, ok := n.(*ast.Field); ok {
				if svc := clientType(field.Type, imports); svc != "" {
					for _, name := range field.Names {
						params[name.Name] = svc
					}
				}
			}
			return true
		})
		recvName := receiverName(f.decl)
		ast.Inspect(f.decl.Body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Ident:
				if isPkgFunc(funcs, x) {
					edges[key] = append(edges[key], x.Name)
				}
			case *ast.SelectorExpr:
				if id, ok := x.X.(*ast.Ident); ok && id.Name == recvName && recvName != "" {
					if _, ok := funcs[f.recv+"."+x.Sel.Name]; ok {
						edges[key] = append(edges[key], f.recv+"."+x.Sel.Name)
					}
				}
			case *ast.CallExpr:
				sel, ok := x.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				// svc.NewXPaginator(conn, ...): operation X.
				if id, ok := sel.X.(*ast.Ident); ok && strings.HasPrefix(imports[id.Name], sdkService) {
					if m := paginator.FindStringSubmatch(sel.Sel.Name); m != nil {
						svc := strings.TrimPrefix(imports[id.Name], sdkService)
						direct[key][svc+":"+m[1]] = true
					}
					return true
				}
				op := sel.Sel.Name
				svc := receiverService(sel.X, params, fieldSvc)
				switch {
				case svc != "" && sdkOps[svc][op]:
					direct[key][svc+":"+op] = true
				case svc == "" && isAnyOp(op) && !isOwnMethod(funcs, op):
					t.Errorf("%s: %s calls %s on something the scan cannot tie to an SDK client; pass the client as a *<svc>.Client parameter or use Client.<Service>",
						fset.Position(x.Pos()), key, op)
				}
			}
			return true
		})
	}
	// Each Terraform object: every operation its methods reach.
	out := map[string]scanned{}
	for recv, name := range typeNames {
		seen := map[string]bool{}
		ops := map[string]bool{}
		var walk func(string)
		walk = func(k string) {
			if seen[k] {
				return
			}
			seen[k] = true
			for op := range direct[k] {
				ops[op] = true
			}
			for _, next := range edges[k] {
				walk(next)
			}
		}
		for k, f := range funcs {
			if f.recv == recv {
				walk(k)
			}
		}
		list := make([]string, 0, len(ops))
		for op := range ops {
			list = append(list, op)
		}
		sort.Strings(list)
		out[name] = scanned{ops: list, awsClient: awsClient[recv]}
	}
	return out
}

func embedsAWSClient(st *ast.StructType) bool {
	for _, f := range st.Fields.List {
		if sel, ok := f.Type.(*ast.SelectorExpr); ok && len(f.Names) == 0 {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "framework" && (sel.Sel.Name == "AWSResource" || sel.Sel.Name == "AWSDataSource") {
				return true
			}
		}
	}
	return false
}

func importsOf(f *ast.File) map[string]string {
	out := map[string]string{}
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		name := filepath.Base(p)
		if imp.Name != nil {
			name = imp.Name.Name
		}
		out[name] = p
	}
	return out
}

// clientType is the service of a *svc.Client type expression, or "".
func clientType(e ast.Expr, imports map[string]string) string {
	star, ok := e.(*ast.StarExpr)
	if !ok {
		return ""
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Client" {
		return ""
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok || !strings.HasPrefix(imports[id.Name], sdkService) {
		return ""
	}
	svc := strings.TrimPrefix(imports[id.Name], sdkService)
	if _, known := sdkOps[svc]; !known {
		return ""
	}
	return svc
}

// receiverService is the service whose client x is: a parameter or
// variable of type *svc.Client, a struct field of that type, or the
// AWSClient field (r.Client.ECR).
func receiverService(x ast.Expr, params, fieldSvc map[string]string) string {
	switch e := x.(type) {
	case *ast.Ident:
		return params[e.Name]
	case *ast.SelectorExpr:
		if svc, ok := clientFields[e.Sel.Name]; ok {
			return svc
		}
		return fieldSvc[e.Sel.Name]
	}
	return ""
}

func receiverType(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return ""
	}
	e := d.Recv.List[0].Type
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

func receiverName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 || len(d.Recv.List[0].Names) == 0 {
		return ""
	}
	return d.Recv.List[0].Names[0].Name
}

// typeNameIn finds resp.TypeName = "scaling_..." in a Metadata method.
func typeNameIn(d *ast.FuncDecl) string {
	name := ""
	ast.Inspect(d.Body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if s, _ := strconv.Unquote(lit.Value); strings.HasPrefix(s, "scaling_") {
				name = s
			}
		}
		return true
	})
	return name
}

func isPkgFunc(funcs map[string]fn, id *ast.Ident) bool {
	f, ok := funcs[id.Name]
	return ok && f.recv == ""
}

func isAnyOp(name string) bool {
	for _, ops := range sdkOps {
		if ops[name] {
			return true
		}
	}
	return false
}

func isOwnMethod(funcs map[string]fn, name string) bool {
	for _, f := range funcs {
		if f.recv != "" && f.decl.Name.Name == name {
			return true
		}
	}
	return false
}

// formatPermissions is the page's table rows for the scan's result.
func formatPermissions(perms map[string][]string) string {
	names := make([]string, 0, len(perms))
	for n := range perms {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		actions := make([]string, len(perms[n]))
		for i, a := range perms[n] {
			actions[i] = "`" + a + "`"
		}
		fmt.Fprintf(&b, "| `%s` | %s |\n", n, strings.Join(actions, ", "))
	}
	return b.String()
}
