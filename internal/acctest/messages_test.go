package acctest

import "testing"

func TestMessageRegexpMatchesWrappedLinesLiterally(t *testing.T) {
	re := MessageRegexp("name (1-255 characters) is taken.")
	for text, want := range map[string]bool{
		"Error: name (1-255 characters) is taken.":         true,
		"Error: name (1-255\n   characters) is\ttaken.":    true,
		"Error: name 1-255 characters is taken.":           false, // parentheses are literal
		"Error: name (1-255 characters) is taken, or not.": false, // the dot is literal
		"Error: name (1-255 characters)is taken.":          false, // a space needs white space
	} {
		if got := re.MatchString(text); got != want {
			t.Errorf("%q: match %v, want %v", text, got, want)
		}
	}
}
