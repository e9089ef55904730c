package problem

import (
	"sort"
	"strings"
)

// Suggest returns up to n of the candidates closest to word (by edit
// distance, case-insensitive), nearest first, leaving out those too far
// to be a typo (more than a third of word's length, or 2 for short
// words): the "did you mean" of a problem's message.
func Suggest(word string, candidates []string, n int) []string {
	type scored struct {
		name string
		d    int
	}
	lw := strings.ToLower(word)
	limit := max(2, len(word)/3)
	var near []scored
	for _, c := range candidates {
		if d := distance(lw, strings.ToLower(c)); d <= limit {
			near = append(near, scored{c, d})
		}
	}
	sort.Slice(near, func(i, j int) bool {
		if near[i].d != near[j].d {
			return near[i].d < near[j].d
		}
		return near[i].name < near[j].name
	})
	out := make([]string, 0, n)
	for i := 0; i < len(near) && i < n; i++ {
		out = append(out, near[i].name)
	}
	return out
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
