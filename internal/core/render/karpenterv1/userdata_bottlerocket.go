package karpenterv1

import (
	"bufio"
	"slices"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sname"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// validateBottlerocketRaw catches user data that cannot work on
// Bottlerocket: it takes TOML settings only (no shell, no MIME, no
// cloud-init), and the kubelet refuses to start with node labels in the
// kubernetes.io and k8s.io domains other than its own.
func validateBottlerocketRaw(p *problem.At, raw, alias string) {
	what := "ami_family = \"Bottlerocket\""
	if alias != "" {
		what = "ami_alias " + alias
	}
	first := firstContentLine(raw)
	switch {
	case strings.HasPrefix(first, "#!"):
		p.Addf("is a shell script, but %s takes TOML settings, e.g. [settings.kubernetes] max-pods = 110; use a bootstrap container for commands ([settings.bootstrap-containers.<name>])", what)
		return
	case strings.HasPrefix(strings.ToLower(first), "mime-version:"), strings.HasPrefix(strings.ToLower(first), "content-type:"):
		p.Addf("is MIME multipart, but %s takes plain TOML settings, e.g. [settings.kubernetes] max-pods = 110", what)
		return
	case strings.HasPrefix(first, "#cloud-config"):
		p.Addf("is cloud-init, but %s takes TOML settings, e.g. [settings.kubernetes] max-pods = 110", what)
		return
	case strings.Contains(raw, "/etc/eks/bootstrap.sh") || strings.Contains(raw, "nodeadm"):
		p.Addf("calls the AL2/AL2023 bootstrap, which %s does not have; it takes TOML settings, e.g. [settings.kubernetes] max-pods = 110", what)
		return
	}
	for _, key := range bottlerocketNodeLabels(raw) {
		if msg := nodeLabelError(key); msg != "" {
			p.Addf("settings.kubernetes.node-labels %q: %s", key, msg)
		}
	}
}

func firstContentLine(s string) string {
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" {
			return line
		}
	}
	return ""
}

// bottlerocketNodeLabels reads the keys of [settings.kubernetes.node-labels]
// (table form) and of settings.kubernetes.node-labels."key" = "v" (dotted
// form). It is a reader of the TOML Bottlerocket documents, not a full
// TOML parser.
func bottlerocketNodeLabels(raw string) []string {
	var keys []string
	inTable := false
	sc := bufio.NewScanner(strings.NewReader(raw))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			inTable = strings.Trim(line, "[] \t") == "settings.kubernetes.node-labels"
			continue
		}
		lhs, _, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		lhs = strings.TrimSpace(lhs)
		if rest, dotted := strings.CutPrefix(lhs, "settings.kubernetes.node-labels."); dotted {
			keys = append(keys, unquoteTOMLKey(rest))
		} else if inTable {
			keys = append(keys, unquoteTOMLKey(lhs))
		}
	}
	return keys
}

func unquoteTOMLKey(k string) string {
	k = strings.TrimSpace(k)
	if len(k) >= 2 && (k[0] == '"' || k[0] == '\'') && k[len(k)-1] == k[0] {
		return k[1 : len(k)-1]
	}
	return k
}

// Labels the kubelet may set on its own node (k8s.io/kubelet's
// KubeletLabels and label namespaces); other kubernetes.io and k8s.io
// labels make it refuse to start.
var (
	kubeletLabels = []string{
		"kubernetes.io/hostname", "kubernetes.io/arch", "kubernetes.io/os",
		"beta.kubernetes.io/arch", "beta.kubernetes.io/os", "beta.kubernetes.io/instance-type",
		"node.kubernetes.io/instance-type", "topology.kubernetes.io/zone", "topology.kubernetes.io/region",
		"failure-domain.beta.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/region",
	}
	kubeletLabelNamespaces = []string{"kubelet.kubernetes.io", "node.kubernetes.io"}
)

func nodeLabelError(key string) string {
	if msg := k8sname.QualifiedNameError(key); msg != "" {
		return "is not a valid label key: " + msg
	}
	domain, name, hasDomain := strings.Cut(key, "/")
	if !hasDomain {
		return ""
	}
	isK8s := domain == "kubernetes.io" || domain == "k8s.io" || strings.HasSuffix(domain, ".kubernetes.io") || strings.HasSuffix(domain, ".k8s.io")
	switch {
	case isK8s && !slices.Contains(kubeletLabels, key) && !slices.ContainsFunc(kubeletLabelNamespaces, func(ns string) bool {
		return domain == ns || strings.HasSuffix(domain, "."+ns)
	}):
		return "the " + domain + " domain is restricted: the kubelet refuses to start with it; use your own domain, e.g. example.com/" + name + " (or the NodePool's labels)"
	case strings.HasSuffix(domain, "karpenter.sh") || strings.HasSuffix(domain, "karpenter.k8s.aws"):
		return "the " + domain + " domain belongs to Karpenter; set labels on the NodePool (labels) with your own domain instead"
	}
	return ""
}
