package server

import (
	"sort"
	"sync"
)

// CallLog counts API calls per service and operation, so tests and
// benchmarks can assert how many calls a refresh or an apply makes.
type CallLog struct {
	mu     sync.Mutex
	counts map[string]int
	order  []string
}

// NewCallLog is an empty call log.
func NewCallLog() *CallLog { return &CallLog{counts: map[string]int{}} }

func callKey(svc, op string) string { return svc + ":" + op }

func (c *CallLog) record(svc, op string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := callKey(svc, op)
	c.counts[k]++
	c.order = append(c.order, k)
}

// Count is how many times svc:op was called since the last Clear.
func (c *CallLog) Count(svc, op string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.counts[callKey(svc, op)]
}

// Counts returns every "service:Operation" count.
func (c *CallLog) Counts() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]int, len(c.counts))
	for k, v := range c.counts {
		out[k] = v
	}
	return out
}

// Sequence returns the calls in the order they arrived.
func (c *CallLog) Sequence() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.order...)
}

// Total is the number of calls since the last Clear.
func (c *CallLog) Total() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.order)
}

// Keys returns the recorded "service:Operation" keys, sorted.
func (c *CallLog) Keys() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := make([]string, 0, len(c.counts))
	for k := range c.counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Clear resets the counts.
func (c *CallLog) Clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.counts = map[string]int{}
	c.order = nil
}
