package imageprepull

import (
	"regexp"
	"strings"
)

// Image references as the distribution reference grammar writes them:
// [host[:port]/]path[:tag][@algo:hex]; path components are lowercase.
var (
	reHost      = regexp.MustCompile(`^([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*(:[0-9]+)?$`)
	rePathPart  = regexp.MustCompile(`^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*$`)
	reTag       = regexp.MustCompile(`^[\w][\w.-]{0,127}$`)
	reDigest    = regexp.MustCompile(`^sha256:[a-f0-9]{64}$`)
	reAnyDigest = regexp.MustCompile(`^[a-z0-9]+([+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$`)
)

// ref is a parsed image reference.
type ref struct {
	name, tag, digest string
}

// parseRef splits an image reference, or says what is wrong with it.
func parseRef(s string) (ref, string) {
	if s == "" {
		return ref{}, "is empty"
	}
	if len(s) > 1024 || strings.ContainsAny(s, " \t\n\r\"'`$;|&<>\\") {
		return ref{}, "is not an image reference (no spaces or shell characters)"
	}
	var r ref
	rest := s
	if i := strings.Index(rest, "@"); i >= 0 {
		r.digest, rest = rest[i+1:], rest[:i]
		if !reAnyDigest.MatchString(r.digest) {
			return ref{}, "has a malformed digest (expected @sha256:<64 hex characters>)"
		}
		if strings.HasPrefix(r.digest, "sha256:") && !reDigest.MatchString(r.digest) {
			return ref{}, "has a malformed sha256 digest (64 lowercase hex characters)"
		}
	}
	// A tag is after the last ':' that follows the last '/'.
	lastSlash := strings.LastIndex(rest, "/")
	if i := strings.LastIndex(rest, ":"); i > lastSlash {
		r.tag, rest = rest[i+1:], rest[:i]
		if !reTag.MatchString(r.tag) {
			return ref{}, "has a malformed tag (letters, digits, '_', '.', '-', at most 128)"
		}
	}
	r.name = rest
	parts := strings.Split(rest, "/")
	if len(parts) > 1 && (strings.ContainsAny(parts[0], ".:") || parts[0] == "localhost") {
		if !reHost.MatchString(parts[0]) {
			return ref{}, "has a malformed registry host"
		}
		parts = parts[1:]
	}
	for _, p := range parts {
		if !rePathPart.MatchString(p) {
			return ref{}, "has a malformed repository path (lowercase letters, digits and . _ - separators)"
		}
	}
	if len(rest) > 255 {
		return ref{}, "has a repository name longer than 255 characters"
	}
	return r, ""
}
