package conns

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// TagsConfig is the provider's default_tags and ignore_tags, with the
// meaning hashicorp/aws gives them: default tags go on every taggable
// resource under its own tags (a resource's value wins), and ignored keys
// (exact or by prefix) are neither read, nor planned, nor removed, so a
// system outside Terraform may manage them.
type TagsConfig struct {
	Default           map[string]string
	IgnoreKeys        []string
	IgnoreKeyPrefixes []string
	// Unknown says part of them is not known yet (it comes from a resource
	// created in the same apply): a plan cannot tell tags_all. The known
	// parts are filled in.
	Unknown bool
}

// awsReservedPrefix starts the tag keys AWS sets itself; no one may set or
// remove them.
const awsReservedPrefix = "aws:"

// Validate reports default tags the APIs would refuse.
func (c TagsConfig) Validate() error {
	for _, k := range sortedKeys(c.Default) {
		switch {
		case k == "" || len(k) > 128:
			return fmt.Errorf("default_tags.tags: key %q must be 1-128 characters", k)
		case strings.HasPrefix(strings.ToLower(k), awsReservedPrefix):
			return fmt.Errorf("default_tags.tags: key %q starts with aws:, which is reserved for AWS; rename it", k)
		case len(c.Default[k]) > 256:
			return fmt.Errorf("default_tags.tags: the value of %q must be at most 256 characters", k)
		}
	}
	for _, p := range append(append([]string(nil), c.IgnoreKeys...), c.IgnoreKeyPrefixes...) {
		if p == "" {
			return fmt.Errorf("ignore_tags: an empty key or key prefix would ignore every tag; remove it")
		}
	}
	return nil
}

// Ignored reports whether the provider ignores tag key.
func (c TagsConfig) Ignored(key string) bool {
	if slices.Contains(c.IgnoreKeys, key) {
		return true
	}
	for _, p := range c.IgnoreKeyPrefixes {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

// All is the tags a resource carries (its tags_all): the default tags
// overlaid with the resource's own, without the ignored keys.
func (c TagsConfig) All(resource map[string]string) map[string]string {
	all := map[string]string{}
	for k, v := range c.Default {
		if !c.Ignored(k) {
			all[k] = v
		}
	}
	for k, v := range resource {
		if !c.Ignored(k) {
			all[k] = v
		}
	}
	return all
}

// FromAPI splits the tags an API reports into tags_all (every tag but the
// ignored and AWS-reserved ones) and tags (tags_all without the default
// tags it holds unchanged, except keys the configuration sets itself:
// configured names the keys of the resource's tags in the prior state, nil
// on import).
func (c TagsConfig) FromAPI(api map[string]string, configured map[string]string) (tags, all map[string]string) {
	all, tags = map[string]string{}, map[string]string{}
	for k, v := range api {
		if c.Ignored(k) || strings.HasPrefix(strings.ToLower(k), awsReservedPrefix) {
			continue
		}
		all[k] = v
		if d, isDefault := c.Default[k]; isDefault && d == v {
			if _, own := configured[k]; !own {
				continue
			}
		}
		tags[k] = v
	}
	return tags, all
}

// TagChanges is what turns the tags old into new: keys to remove and tags
// to set, both sorted by key.
func TagChanges(old, new map[string]string) (removed []string, set []string) {
	for _, k := range sortedKeys(old) {
		if _, ok := new[k]; !ok {
			removed = append(removed, k)
		}
	}
	for _, k := range sortedKeys(new) {
		if v, ok := old[k]; !ok || v != new[k] {
			set = append(set, k)
		}
	}
	return removed, set
}

func sortedKeys(m map[string]string) []string {
	return slices.Sorted(maps.Keys(m))
}
