package latency

import (
	"fmt"
	"strings"
)

// Markdown renders the estimate for a pull-request comment: one table of
// stages, the totals, the SLO verdict and the assumptions.
func (r Result) Markdown(title string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n", title)
	b.WriteString("| stage | best | typical | p95 | what drives it |\n|---|---:|---:|---:|---|\n")
	for _, s := range r.Stages {
		name := s.Name
		if s.Name == r.Dominant {
			name = "**" + name + "**"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", name, Seconds(s.Best), Seconds(s.Typical), Seconds(s.P95), s.Note)
	}
	fmt.Fprintf(&b, "| **total** | **%s** | **%s** | **%s** | p95 = typical + root-sum-square of stage tails |\n\n",
		Seconds(r.Total.Best), Seconds(r.Total.Typical), Seconds(r.Total.P95))
	if len(r.Parts) > 1 {
		b.WriteString("The burst splits; it is done when the slower part is (the stages above are that part's):\n\n")
		b.WriteString("| part | pods | lands on | best | typical | p95 |\n|---|---:|---|---:|---:|---:|\n")
		for _, p := range r.Parts {
			fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s |\n", p.Name, p.Pods, p.Capacity, Seconds(p.Total.Best), Seconds(p.Total.Typical), Seconds(p.Total.P95))
		}
		b.WriteString("\n")
	}
	if r.QueueWait != nil {
		fmt.Fprintf(&b, "Queued work waits **%s** typical (p95 %s) for admission before the scale-out above starts: by design, not counted in it.\n\n",
			Seconds(r.QueueWait.Typical), Seconds(r.QueueWait.P95))
	}
	fmt.Fprintf(&b, "Dominant stage: **%s**. Fastest possible: %s.\n", r.Dominant, Seconds(r.Floor))
	if r.MeetsSLO != nil {
		verdict := "meets"
		if !*r.MeetsSLO {
			verdict = "**misses**"
		}
		fmt.Fprintf(&b, "p95 %s %s the %s target.\n", Seconds(r.Total.P95), verdict, Seconds(*r.Target))
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

// Seconds formats a duration for people: one decimal under 10 s.
func Seconds(v float64) string {
	if v < 10 {
		return fmt.Sprintf("%.1fs", v)
	}
	return fmt.Sprintf("%.0fs", v)
}
