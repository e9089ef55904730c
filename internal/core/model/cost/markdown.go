package cost

import (
	"fmt"
	"sort"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// Markdown renders the bill for a pull-request comment.
func (r Result) Markdown(title string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n", title)
	fmt.Fprintf(&b, "| item | per cluster / month | fleet (%d x %d) / month | how |\n|---|---:|---:|---|\n", r.Clusters, r.Regions)
	for _, it := range r.Items {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", it.Name, USD(it.PerCluster), USD(it.Fleet), it.Formula)
	}
	fmt.Fprintf(&b, "| **total** | **%s** | **%s** | |\n\n", USD(r.PerCluster), USD(r.Fleet))
	if r.TierExtraOverStd != 0 {
		fmt.Fprintf(&b, "The control-plane tier adds %s per cluster over the standard fee.\n", USD(r.TierExtraOverStd))
	}
	if r.WithinBudget != nil {
		verdict := "within"
		if !*r.WithinBudget {
			verdict = "**over**"
		}
		fmt.Fprintf(&b, "%s per cluster is %s the %s budget.\n", USD(r.PerCluster), verdict, USD(*r.Budget))
	}
	b.WriteString("\n<details><summary>Assumptions</summary>\n\n")
	for _, a := range r.Assumptions {
		b.WriteString("- " + a + "\n")
	}
	b.WriteString("\n</details>\n")
	return b.String()
}

// Count formats a whole number with thousands separators.
func Count(v float64) string {
	s := USD(v)
	return strings.TrimPrefix(s[:len(s)-3], "$")
}

// USD formats dollars with thousands separators and cents.
func USD(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	whole, cents := s[:len(s)-3], s[len(s)-3:]
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var out []byte
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, whole[i])
	}
	if neg {
		return "-$" + string(out) + cents
	}
	return "$" + string(out) + cents
}

// sortProblems orders problems by path so output is deterministic.
func sortProblems(ps problem.List) problem.List {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Path.String() < ps[j].Path.String() })
	return ps
}
