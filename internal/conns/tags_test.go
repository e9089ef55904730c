package conns

import (
	"maps"
	"slices"
	"testing"
)

func TestTagsConfigAllOverlaysResourceTagsAndDropsIgnored(t *testing.T) {
	c := TagsConfig{
		Default:           map[string]string{"team": "platform", "env": "prod", "cost-center": "42"},
		IgnoreKeys:        []string{"cost-center"},
		IgnoreKeyPrefixes: []string{"kubernetes.io/"},
	}
	got := c.All(map[string]string{"env": "staging", "app": "checkout", "kubernetes.io/cluster": "owned"})
	want := map[string]string{"team": "platform", "env": "staging", "app": "checkout"}
	if !maps.Equal(got, want) {
		t.Fatalf("All = %v, want %v", got, want)
	}
	if !c.Ignored("kubernetes.io/x") || !c.Ignored("cost-center") || c.Ignored("cost") {
		t.Fatal("Ignored is wrong")
	}
}

func TestTagsConfigFromAPI(t *testing.T) {
	c := TagsConfig{Default: map[string]string{"team": "platform", "env": "prod"}, IgnoreKeys: []string{"owner"}}
	api := map[string]string{"team": "platform", "env": "staging", "app": "x", "owner": "ops", "aws:cloudformation:stack-name": "s"}
	for _, tc := range []struct {
		name       string
		configured map[string]string
		wantTags   map[string]string
	}{
		// A default tag unchanged is not the resource's own; one the
		// resource overrides is.
		{"import", nil, map[string]string{"env": "staging", "app": "x"}},
		// A key the configuration sets itself stays, even with the default value.
		{"configured duplicate of a default", map[string]string{"team": "platform", "app": "x"}, map[string]string{"team": "platform", "env": "staging", "app": "x"}},
	} {
		tags, all := c.FromAPI(api, tc.configured)
		if !maps.Equal(tags, tc.wantTags) {
			t.Errorf("%s: tags = %v, want %v", tc.name, tags, tc.wantTags)
		}
		if want := map[string]string{"team": "platform", "env": "staging", "app": "x"}; !maps.Equal(all, want) {
			t.Errorf("%s: all = %v, want %v", tc.name, all, want)
		}
	}
}

func TestTagChanges(t *testing.T) {
	removed, set := TagChanges(map[string]string{"a": "1", "b": "2", "c": "3"}, map[string]string{"b": "2", "c": "4", "d": "5"})
	if !slices.Equal(removed, []string{"a"}) || !slices.Equal(set, []string{"c", "d"}) {
		t.Fatalf("removed %v, set %v", removed, set)
	}
}

func TestTagsConfigValidate(t *testing.T) {
	for _, c := range []TagsConfig{
		{Default: map[string]string{"aws:owner": "x"}},
		{Default: map[string]string{"": "x"}},
		{IgnoreKeyPrefixes: []string{""}},
	} {
		if c.Validate() == nil {
			t.Errorf("%+v: want an error", c)
		}
	}
	if err := (TagsConfig{Default: map[string]string{"team": ""}}).Validate(); err != nil {
		t.Errorf("an empty value is allowed: %v", err)
	}
}
