package server

import (
	"sort"
	"strconv"
)

// Page slices the items of a list operation: from nextToken (an index an
// earlier page handed out) at most limit items, and the token of the next
// page, nil on the last. ok is false for a token the emulator did not hand
// out; each service answers that with its own error.
func Page[T any](items []T, limit int, nextToken *string) (page []T, next *string, ok bool) {
	start := 0
	if nextToken != nil && *nextToken != "" {
		n, err := strconv.Atoi(*nextToken)
		if err != nil || n < 0 || n > len(items) {
			return nil, nil, false
		}
		start = n
	}
	end := min(start+limit, len(items))
	if end < len(items) {
		tok := strconv.Itoa(end)
		next = &tok
	}
	return append([]T{}, items[start:end]...), next, true
}

// SortedKeys are a map's keys in order.
func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
