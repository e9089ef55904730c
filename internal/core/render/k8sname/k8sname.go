// Package k8sname holds Kubernetes' own rules for names, label keys and
// values (k8s.io/apimachinery/pkg/util/validation), as messages that say
// the fix. Renderers use it so a name passes here exactly when the API
// server accepts it.
package k8sname

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	reLabelValue    = regexp.MustCompile(`^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$`)
	reQualifiedName = regexp.MustCompile(`^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$`)
	reDNS1123Sub    = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)
	reDNS1123Label  = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)
)

// QualifiedNameError checks a label key, annotation key or taint key: an
// optional DNS subdomain prefix (at most 253) and a name of at most 63
// characters. It returns "" when key is valid.
func QualifiedNameError(key string) string {
	if key == "" {
		return "must not be empty"
	}
	prefix, name, hasPrefix := strings.Cut(key, "/")
	if !hasPrefix {
		name, prefix = prefix, ""
	} else if strings.Contains(name, "/") {
		return "may contain at most one '/'"
	}
	if hasPrefix && (prefix == "" || len(prefix) > 253 || !reDNS1123Sub.MatchString(prefix)) {
		return fmt.Sprintf("prefix %q must be a lowercase DNS subdomain (e.g. example.com)", prefix)
	}
	if len(name) > 63 || !reQualifiedName.MatchString(name) {
		return fmt.Sprintf("name part %q must be 1-63 characters of letters, digits, '-', '_' or '.', starting and ending with a letter or digit", name)
	}
	return ""
}

// LabelValueError checks a label value ("" is a valid value).
func LabelValueError(v string) string {
	if len(v) > 63 || !reLabelValue.MatchString(v) {
		return fmt.Sprintf("%q must be at most 63 characters of letters, digits, '-', '_' or '.', starting and ending with a letter or digit", v)
	}
	return ""
}

// SubdomainError checks an object name that must be a DNS subdomain
// (most cluster-scoped and namespaced objects).
func SubdomainError(name string) string {
	if name == "" {
		return "is required: lowercase letters, digits, '-' or '.'"
	}
	if len(name) > 253 || !reDNS1123Sub.MatchString(name) {
		return fmt.Sprintf("%q must be at most 253 lowercase letters, digits, '-' or '.', starting and ending with a letter or digit", name)
	}
	return ""
}

// LabelNameError checks a name that must be a DNS label: namespaces,
// container names, and object names used as label values.
func LabelNameError(name string) string {
	if name == "" {
		return "is required: lowercase letters, digits or '-'"
	}
	if len(name) > 63 || !reDNS1123Label.MatchString(name) {
		return fmt.Sprintf("%q must be at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit", name)
	}
	return ""
}

// Operators are the label selector operators (metav1.LabelSelector).
var Operators = []string{"In", "NotIn", "Exists", "DoesNotExist"}

// TaintEffects are the node taint effects.
var TaintEffects = []string{"NoSchedule", "PreferNoSchedule", "NoExecute"}

// reIAMName is an IAM role name (CreateRole's RoleName).
var reIAMName = regexp.MustCompile(`^[\w+=,.@-]{1,64}$`)

// IAMRoleNameError checks an IAM role name (not an ARN).
func IAMRoleNameError(name string) string {
	switch {
	case strings.HasPrefix(name, "arn:"):
		return fmt.Sprintf("%q is an ARN; set the role name (the part after role/)", name)
	case !reIAMName.MatchString(name):
		return fmt.Sprintf("%q is not an IAM role name: 1-64 letters, digits or +=,.@_-", name)
	}
	return ""
}

// ControlCharError rejects control characters, which no AWS tag, name or
// URL accepts and which YAML cannot carry in a plain string.
func ControlCharError(s string) string {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return fmt.Sprintf("%q contains a control character", s)
		}
	}
	return ""
}
