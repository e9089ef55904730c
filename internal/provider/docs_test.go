package provider_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/provider"
)

var subcategory = regexp.MustCompile(`(?m)^subcategory: "([^"]*)"$`)

func subcategoryOf(t *testing.T, page string) string {
	t.Helper()
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	m := subcategory.FindSubmatch(src)
	if m == nil {
		return ""
	}
	return string(m[1])
}

// Every page is in a subcategory, and a data source that lists or
// describes a resource's objects (scaling_ecr_pull_through_cache_rules)
// is in its resource's, so the registry shows them together.
func TestDocsGroupDataSourcesWithTheirResources(t *testing.T) {
	pages, _ := filepath.Glob("../../docs/*/*.md")
	if len(pages) < 15 {
		t.Fatalf("only %d pages under docs/: run make generate", len(pages))
	}
	for _, p := range pages {
		if subcategoryOf(t, p) == "" {
			t.Errorf("%s has no subcategory", p)
		}
	}
	dataSources, _ := filepath.Glob("../../docs/data-sources/*.md")
	for _, ds := range dataSources {
		res := filepath.Join("../../docs/resources", strings.TrimSuffix(filepath.Base(ds), "s.md")+".md")
		if _, err := os.Stat(res); err != nil {
			continue
		}
		if a, b := subcategoryOf(t, ds), subcategoryOf(t, res); a != b {
			t.Errorf("%s is in %q, its resource %s in %q", ds, a, res, b)
		}
	}
}

// Every importable resource's page shows an import block (Terraform 1.5+),
// not only the terraform import command.
func TestDocsShowAnImportBlockForEveryImportableResource(t *testing.T) {
	p := provider.New("test")()
	for _, f := range p.Resources(context.Background()) {
		r := f()
		if _, ok := r.(resource.ResourceWithImportState); !ok {
			continue
		}
		var meta resource.MetadataResponse
		r.Metadata(context.Background(), resource.MetadataRequest{ProviderTypeName: provider.TypeName}, &meta)
		page := filepath.Join("../../docs/resources", strings.TrimPrefix(meta.TypeName, provider.TypeName+"_")+".md")
		src, err := os.ReadFile(page)
		if err != nil {
			t.Errorf("%s: %v", meta.TypeName, err)
			continue
		}
		if !regexp.MustCompile("(?s)```terraform\\s*\\n[^`]*import \\{[^`]*to\\s*=\\s*" + meta.TypeName + "\\.").Match(src) {
			t.Errorf("%s shows no import block for %s", page, meta.TypeName)
		}
	}
}
