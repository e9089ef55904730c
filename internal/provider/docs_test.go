package provider_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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
