package alerts

import (
	"strings"
	"unicode"
)

// keywords are PromQL's operator and modifier words. Where an operand is
// expected (at the start, after an operator or '(') PromQL reads them as
// metric names, as it does aggregation and function names not followed
// by their parentheses.
var keywords = map[string]bool{
	"and": true, "or": true, "unless": true, "by": true, "without": true, "on": true,
	"ignoring": true, "group_left": true, "group_right": true, "bool": true,
	"offset": true, "atan2": true, "start": true, "end": true,
}

// labelListWords are followed by a parenthesised list of label names.
var labelListWords = map[string]bool{
	"by": true, "without": true, "on": true, "ignoring": true, "group_left": true, "group_right": true,
}

// aggregations may take their by/without clause before the parentheses.
var aggregations = map[string]bool{
	"sum": true, "min": true, "max": true, "avg": true, "group": true, "stddev": true, "stdvar": true,
	"count": true, "count_values": true, "bottomk": true, "topk": true, "quantile": true,
	"limitk": true, "limit_ratio": true,
}

// modifierFollows reports whether the next word after rs[j:] is by or without.
func modifierFollows(rs []rune, j int) bool {
	for j < len(rs) && unicode.IsSpace(rs[j]) {
		j++
	}
	k := j
	for k < len(rs) && isIdentPart(rs[k]) {
		k++
	}
	w := strings.ToLower(string(rs[j:k]))
	return w == "by" || w == "without"
}

// MetricNames returns the metric names a PromQL expression selects, in
// order of appearance, without duplicates. It reads the expression as a
// lexer does: strings, label matchers ({...}), ranges ([...]) and the label
// lists of by/without/on/ignoring/group_left/group_right are skipped,
// function names (followed by '(') and keywords are not metrics.
// test/conformance checks it against Prometheus' own parser. unbalanced is
// true when brackets or quotes do not close.
func MetricNames(expr string) (names []string, unbalanced bool) {
	seen := map[string]bool{}
	rs := []rune(expr)
	var stack []rune // open parentheses
	skipLabels := false
	// operand: the last token ended an operand (a name, number, string or
	// closing bracket), so a keyword now is an operator, not a name.
	operand, prev := false, rune(0)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
			continue
		case r == '"' || r == '\'' || r == '`':
			j := closeQuote(rs, i)
			if j < 0 {
				return names, true
			}
			i, operand, prev = j+1, true, r
			continue
		case r == '#': // comment to the end of the line (\n or \r, as Prometheus' lexer reads it)
			for i < len(rs) && rs[i] != '\n' && rs[i] != '\r' {
				i++
			}
			continue
		case r == '{' || r == '[':
			// Label matchers and ranges hold no metric names (a name
			// inside {__name__="x"} is deliberately not followed).
			j := closeBracket(rs, i)
			if j < 0 {
				return names, true
			}
			i, operand, prev = j+1, true, rs[j]
			continue
		case r == '(':
			if skipLabels {
				j := closeBracket(rs, i)
				if j < 0 {
					return names, true
				}
				i, skipLabels, operand, prev = j+1, false, false, ')'
				continue
			}
			stack = append(stack, r)
			operand = false
		case r == ')':
			if len(stack) == 0 {
				return names, true
			}
			stack = stack[:len(stack)-1]
			operand = true
		case r == '}' || r == ']':
			return names, true
		case r >= '0' && r <= '9' || r == '.':
			operand = true
		case isIdentStart(r):
			j := i
			for j < len(rs) && isIdentPart(rs[j]) {
				j++
			}
			word := string(rs[i:j])
			next := nextNonSpace(rs, j)
			lower := strings.ToLower(word)
			switch {
			case isDigitBefore(rs, i):
				// Part of a number or duration such as 1e3 or 5m.
			case next == '(':
				// A function or aggregation call, or a label list.
				skipLabels = labelListWords[lower]
				operand = false
			case aggregations[lower] && modifierFollows(rs, j):
				// sum by (x) (...): an aggregation with its modifier first.
				operand = false
			case lower == "inf" || lower == "nan":
				operand = true
			case keywords[lower] && (operand || (lower == "bool" && strings.ContainsRune("=<>", prev))):
				operand = false
			default:
				if !seen[word] {
					seen[word] = true
					names = append(names, word)
				}
				operand = true
			}
			i, prev = j, 'a'
			continue
		default:
			operand = false
		}
		prev = r
		i++
	}
	return names, len(stack) > 0
}

func closeQuote(rs []rune, i int) int {
	q := rs[i]
	for j := i + 1; j < len(rs); j++ {
		if rs[j] == '\\' && q != '`' {
			j++
			continue
		}
		if rs[j] == q {
			return j
		}
	}
	return -1
}

// closeBracket finds the bracket that closes rs[i], skipping strings.
func closeBracket(rs []rune, i int) int {
	depth := 0
	for j := i; j < len(rs); j++ {
		switch rs[j] {
		case '"', '\'', '`':
			k := closeQuote(rs, j)
			if k < 0 {
				return -1
			}
			j = k
		case '(', '{', '[':
			depth++
		case ')', '}', ']':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

func nextNonSpace(rs []rune, i int) rune {
	for ; i < len(rs); i++ {
		if !unicode.IsSpace(rs[i]) {
			return rs[i]
		}
	}
	return 0
}

func isDigitBefore(rs []rune, i int) bool {
	return i > 0 && (rs[i-1] >= '0' && rs[i-1] <= '9' || rs[i-1] == '.')
}

func isIdentStart(r rune) bool {
	return r == '_' || r == ':' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

func isIdentPart(r rune) bool { return isIdentStart(r) || (r >= '0' && r <= '9') }
