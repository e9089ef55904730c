package acctest

import (
	"regexp"
	"strings"
)

// MessagePattern matches the literal message msg however terraform wraps
// its lines: each run of white space in msg matches any run of white
// space. It is a pattern to combine with others in one regexp.
func MessagePattern(msg string) string {
	return strings.Join(strings.Fields(regexp.QuoteMeta(msg)), `\s+`)
}

// MessageRegexp is MessagePattern compiled, for ExpectError.
func MessageRegexp(msg string) *regexp.Regexp {
	return regexp.MustCompile(MessagePattern(msg))
}
