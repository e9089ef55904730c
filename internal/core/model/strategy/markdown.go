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
	for _, p := range r.Latency.Parts {
		if len(r.Latency.Parts) > 1 {
			fmt.Fprintf(&b, "| - %d pods %s | p95 %s |\n", p.Pods, partText[p.Name], latency.Seconds(p.Total.P95))
		}
	}
	if r.QueueWait != nil {
		fmt.Fprintf(&b, "| queue wait p95 (typical), by design | %s (%s) |\n", latency.Seconds(r.QueueWait.P95), latency.Seconds(r.QueueWait.Typical))
	}
	if r.PrescaleLead != nil {
		fmt.Fprintf(&b, "| start the schedule this early (p95) | %s |\n", latency.Seconds(r.PrescaleLead.P95))
	}
	dominant := r.Latency.Dominant
	if dominant == "" {
		dominant = "none: nothing scales out"
	}
	fmt.Fprintf(&b, "| dominant stage | %s |\n", dominant)
	fmt.Fprintf(&b, "| control-plane tier | %s |\n", r.Tier)
	fmt.Fprintf(&b, "| standing capacity | %d pods |\n", r.WarmPods)
	if r.BurstCoverage != nil {
		fmt.Fprintf(&b, "| observed bursts absorbed | %.0f%% |\n", *r.BurstCoverage*100)
		fmt.Fprintf(&b, "| warm pods for the target coverage | %d |\n", *r.WarmForCoverage)
	}
	fmt.Fprintf(&b, "| extra per cluster / month | %s |\n", cost.USD(r.ExtraMonthlyUSD))
	if r.Latency.MeetsSLO != nil {
		fmt.Fprintf(&b, "| meets the %s target | %t |\n", latency.Seconds(*r.Latency.Target), *r.Latency.MeetsSLO)
	}
	if r.WithinBudget != nil {
		fmt.Fprintf(&b, "| within budget | %t |\n", *r.WithinBudget)
	}
	if len(r.KueueObjects) > 0 {
		b.WriteString("\nRender with `scaling_kueue_queues`:\n\n")
		for _, o := range r.KueueObjects {
			b.WriteString("- " + o + "\n")
		}
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(&b, "\n> **Warning** %s\n", w)
	}
	b.WriteString("\n<details><summary>Assumptions</summary>\n\n")
	for _, a := range r.Assumptions {
		b.WriteString("- " + a + "\n")
	}
	b.WriteString("\n</details>\n")
	return b.String()
}

var partText = map[string]string{
	latency.PartRunning:  "on replicas already running",
	latency.PartWarm:     "on warm capacity",
	latency.PartOverflow: "on new nodes",
	latency.PartAll:      "",
}
