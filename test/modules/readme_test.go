package modules

import (
	"fmt"
	"strings"
)

// coverage is what a module README declares under "## Settings coverage":
// which data sources and resources it wraps, through which variable paths
// (one table row per way to reach one, paths joined within a row), and the
// attributes deliberately not exposed, with the reason.
type coverage struct {
	rows       []coverageRow
	exceptions []exception
	// uses are data sources the module reads for a figure of its own
	// (`| uses | why |`), not to hand their settings to the user.
	uses []exception
}

type coverageRow struct {
	wraps   string
	through []string
}

type exception struct {
	wraps, attr, why string
}

const (
	coverageHeading   = "## Settings coverage"
	exceptionsHeading = "### Not exposed"
)

// parseCoverage reads the two tables of the "## Settings coverage" section:
// `| wraps | through |` and, under "### Not exposed", `| wraps | attribute | why |`.
func parseCoverage(readme string) (coverage, error) {
	var c coverage
	_, section, ok := strings.Cut(readme, "\n"+coverageHeading+"\n")
	if !ok {
		return c, fmt.Errorf("no %q section", coverageHeading)
	}
	if i := strings.Index(section, "\n## "); i >= 0 {
		section = section[:i]
	}
	main, excepted, _ := strings.Cut(section, "\n"+exceptionsHeading+"\n")
	for _, cells := range tableRows(main, "wraps", "through") {
		r := coverageRow{wraps: unquote(cells[0])}
		for _, p := range strings.Split(cells[1], ",") {
			r.through = append(r.through, unquote(p))
		}
		c.rows = append(c.rows, r)
	}
	if len(c.rows) == 0 {
		return c, fmt.Errorf("%q has no | wraps | through | rows", coverageHeading)
	}
	for _, cells := range tableRows(section, "uses", "why") {
		u := exception{wraps: unquote(cells[0]), why: strings.TrimSpace(cells[1])}
		if u.why == "" {
			return c, fmt.Errorf("uses %s: give the reason", u.wraps)
		}
		c.uses = append(c.uses, u)
	}
	for _, cells := range tableRows(excepted, "wraps", "attribute", "why") {
		e := exception{wraps: unquote(cells[0]), attr: unquote(cells[1]), why: strings.TrimSpace(cells[2])}
		if e.why == "" {
			return c, fmt.Errorf("not exposed %s %s: give the reason", e.wraps, e.attr)
		}
		c.exceptions = append(c.exceptions, e)
	}
	return c, nil
}

// tableRows returns the cells of the Markdown table whose header row has
// exactly the given column names.
func tableRows(text string, header ...string) [][]string {
	var rows [][]string
	in := false
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "|") {
			in = false
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		switch {
		case !in && equalCells(cells, header):
			in = true
		case in && strings.HasPrefix(cells[0], "---"):
		case in && len(cells) == len(header):
			rows = append(rows, cells)
		}
	}
	return rows
}

func equalCells(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func unquote(s string) string { return strings.Trim(strings.TrimSpace(s), "`") }
