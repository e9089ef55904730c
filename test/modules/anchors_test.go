package modules

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

const completeDir = "../../examples/complete"

// TestCompleteExampleWiring: examples/complete/eks.tf cannot be applied
// offline (terraform-aws-modules/eks, hashicorp/aws and hashicorp/helm
// cannot be downloaded), so this checks its wiring by name: every
// module.eks.X and module.karpenter.X it reads is a documented output, every
// karpenter input it sets is a documented variable, the role name is fixed
// at plan time, and it gives the stack the same local.platform as
// existing-cluster/eks.tf (the variant CI applies).
func TestCompleteExampleWiring(t *testing.T) {
	names := documentedNames(t, "testdata/terraform-aws-eks-v20.txt")
	body := parseBody(t, filepath.Join(completeDir, "eks.tf"))

	read := map[string]map[string]bool{"eks": {}, "karpenter": {}}
	for _, tr := range traversals(body) {
		if len(tr) < 3 || tr.RootName() != "module" {
			continue
		}
		mod, ok1 := tr[1].(hcl.TraverseAttr)
		out, ok2 := tr[2].(hcl.TraverseAttr)
		if ok1 && ok2 && read[mod.Name] != nil {
			read[mod.Name][out.Name] = true
		}
	}
	for mod, outs := range read {
		if len(outs) == 0 {
			t.Errorf("eks.tf reads no output of module.%s: is the wiring gone?", mod)
		}
		for out := range outs {
			if !names[mod+" outputs"][out] {
				t.Errorf("eks.tf reads module.%s.%s, which terraform-aws-modules/eks v20 does not document as an output", mod, out)
			}
		}
	}
	for _, want := range []string{"cluster_name", "cluster_endpoint", "cluster_certificate_authority_data"} {
		if !read["eks"][want] {
			t.Errorf("eks.tf should take %s from module.eks", want)
		}
	}
	for _, want := range []string{"node_iam_role_name", "queue_name", "service_account"} {
		if !read["karpenter"][want] {
			t.Errorf("eks.tf should take %s from module.karpenter", want)
		}
	}

	karpenter := moduleBlock(t, body, "karpenter")
	for name := range karpenter.Body.Attributes {
		switch name {
		case "source", "version", "providers", "depends_on", "count", "for_each":
			continue
		}
		if !names["karpenter variables"][name] {
			t.Errorf("module.karpenter sets %s, which is not a variable of the v20 karpenter submodule", name)
		}
	}
	if v, diags := karpenter.Body.Attributes["node_iam_role_use_name_prefix"].Expr.Value(nil); diags.HasErrors() || !v.False() {
		t.Error("module.karpenter must set node_iam_role_use_name_prefix = false, or the node role's name is unknown until apply")
	}

	want := platformKeys(t, body)
	got := platformKeys(t, parseBody(t, filepath.Join(completeDir, "existing-cluster", "eks.tf")))
	if strings.Join(want, ",") != strings.Join(got, ",") {
		t.Errorf("local.platform differs: eks.tf has %v, existing-cluster/eks.tf %v", want, got)
	}
	used := map[string]bool{}
	for _, tr := range traversals(parseBody(t, filepath.Join(completeDir, "main.tf"))) {
		if tr.RootName() == "local" && len(tr) >= 3 {
			if a, ok := tr[1].(hcl.TraverseAttr); ok && a.Name == "platform" {
				used[tr[2].(hcl.TraverseAttr).Name] = true
			}
		}
	}
	for k := range used {
		if !slices.Contains(want, k) {
			t.Errorf("main.tf reads local.platform.%s, which eks.tf does not set", k)
		}
	}
}

func documentedNames(t *testing.T, path string) map[string]map[string]bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]map[string]bool{}
	section := ""
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			section = strings.Trim(line, "[]")
			out[section] = map[string]bool{}
		default:
			out[section][line] = true
		}
	}
	return out
}

func parseBody(t *testing.T, path string) *hclsyntax.Body {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return f.Body.(*hclsyntax.Body)
}

// traversals lists every variable reference in the body, nested blocks included.
func traversals(b *hclsyntax.Body) []hcl.Traversal {
	var out []hcl.Traversal
	for _, a := range b.Attributes {
		out = append(out, a.Expr.Variables()...)
	}
	for _, blk := range b.Blocks {
		out = append(out, traversals(blk.Body)...)
	}
	return out
}

func moduleBlock(t *testing.T, b *hclsyntax.Body, name string) *hclsyntax.Block {
	t.Helper()
	for _, blk := range b.Blocks {
		if blk.Type == "module" && len(blk.Labels) == 1 && blk.Labels[0] == name {
			return blk
		}
	}
	t.Fatalf("no module %q", name)
	return nil
}

// platformKeys are the attribute names of local.platform.
func platformKeys(t *testing.T, b *hclsyntax.Body) []string {
	t.Helper()
	for _, blk := range b.Blocks {
		if blk.Type != "locals" {
			continue
		}
		if a, ok := blk.Body.Attributes["platform"]; ok {
			obj, ok := a.Expr.(*hclsyntax.ObjectConsExpr)
			if !ok {
				t.Fatal("local.platform should be an object literal")
			}
			var keys []string
			for _, item := range obj.Items {
				k, diags := item.KeyExpr.Value(nil)
				if diags.HasErrors() {
					t.Fatal(diags)
				}
				keys = append(keys, k.AsString())
			}
			sort.Strings(keys)
			return keys
		}
	}
	t.Fatal("no local.platform")
	return nil
}
