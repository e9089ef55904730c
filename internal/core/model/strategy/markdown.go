package strategy

import (
	"fmt"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/cost"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/latency"
)

// Markdown renders the recommendation for a pull-request comment.
func (r Recommendation) Markdown(title string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s: `%s`\n\n", title, r.Strategy)
	for _, c := range r.Components {
		b.WriteString("- " + c + "\n")
	}
	b.WriteString("\n**Why**\n\n")
	for i, reason := range r.Reasons {
		fmt.Fprintf(&b, "%d. %s\n", i+1, reason)
	}
	fmt.Fprintf(&b, "\n| estimate | value |\n|---|---:|\n")
	fmt.Fprintf(&b, "| scale-out p95 (typical) | %s (%s) |\n", latency.Seconds(r.Latency.Total.P95), latency.Seconds(r.Latency.Total.Typical))
	fmt.Fprintf(&b, "| dominant stage | %s |\n", r.Latency.Dominant)
	fmt.Fprintf(&b, "| control-plane tier | %s |\n", r.Tier)
	fmt.Fprintf(&b, "| standing capacity | %d pods |\n", r.WarmPods)
	fmt.Fprintf(&b, "| extra per cluster / month | %s |\n", cost.USD(r.ExtraMonthlyUSD))
	if r.Latency.MeetsSLO != nil {
		fmt.Fprintf(&b, "| meets the %s target | %t |\n", latency.Seconds(*r.Latency.Target), *r.Latency.MeetsSLO)
	}
	if r.WithinBudget != nil {
		fmt.Fprintf(&b, "| within budget | %t |\n", *r.WithinBudget)
	}
	for _, w := range r.Latency.Warnings {
		fmt.Fprintf(&b, "\n> **Warning** %s\n", w)
	}
	b.WriteString("\n<details><summary>Assumptions</summary>\n\n")
	for _, a := range r.Assumptions {
		b.WriteString("- " + a + "\n")
	}
	b.WriteString("\n</details>\n")
	return b.String()
}
