package nodereadiness

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sname"
)

// The CRD's CEL rules for the taint key's name part and the taint value.
var (
	reTaintName  = regexp.MustCompile(`^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$`)
	reTaintValue = regexp.MustCompile(`^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$`)
)

// Validate reports every problem the API server (CRD schema and CEL) or the
// controller's admission webhook would reject, with the attribute and fix.
func (r Rule) Validate() problem.List {
	var probs problem.List
	validateGuideFields(&probs, r.Guide)
	if msg := k8sname.SubdomainError(r.Name); msg != "" {
		problem.Under(&probs, "name").Addf("%s (e.g. \"vpc-cni-ready\")", msg)
	}
	d := r.WithDefaults()
	validateConditions(&probs, r, d.EnforcementMode)
	validateTaint(problem.Under(&probs, "taint"), r.Taint, d.Taint, d.EnforcementMode)
	validateSelector(&probs, r)
	if !slices.Contains(EnforcementModes, d.EnforcementMode) {
		problem.Under(&probs, "enforcement_mode").Addf("%q is not an enforcement mode: use bootstrap-only (gate each new node once) or continuous (taint again whenever a condition fails)", d.EnforcementMode)
	}
	return probs
}

func validateGuideFields(probs *problem.List, g GuideFields) {
	if g.APIVersion != "" && g.APIVersion != APIVersion {
		problem.Under(probs, "api_version").Addf("%q does not exist: the Node Readiness Controller serves %s (group readiness.node.x-k8s.io, not nodereadiness.k8s.io); leave api_version unset", g.APIVersion, APIVersion)
	}
	if len(g.RequiredDaemonSets) > 0 {
		problem.Under(probs, "required_daemon_sets").Addf("NodeReadinessRule has no requiredDaemonSets field: the controller watches node conditions, not DaemonSets. List the conditions instead (presets = [\"vpc_cni\", \"ebs_csi\"] or conditions = [{ type = \"example.com/AgentReady\" }]) and run a reporter that sets them")
	}
	if g.ReadinessTimeout != "" {
		problem.Under(probs, "readiness_timeout").Addf("NodeReadinessRule has no readinessTimeout field: the taint stays until the conditions hold, with no timeout. Watch the rule's status (nodeEvaluations, failedNodes) and alert on nodes that stay tainted; preview a new rule with dry_run = true")
	}
}

func validateConditions(probs *problem.List, r Rule, mode string) {
	total := len(r.Presets) + len(r.Conditions)
	switch {
	case total == 0:
		problem.Under(probs, "conditions").Addf("at least one condition is required: set presets (%s) or conditions", strings.Join(PresetNames(), ", "))
	case total > 32:
		problem.Under(probs, "conditions").Addf("at most 32 conditions in total (presets and conditions), got %d", total)
	}
	seen := map[string]string{}
	for i, p := range r.Presets {
		at := problem.Under(probs, "presets", i)
		if !isPreset(p) {
			at.Addf("%q is not a preset: use %s, or list the condition under conditions", p, strings.Join(PresetNames(), ", "))
			continue
		}
		checkDuplicate(at, seen, Presets[p].ConditionType, fmt.Sprintf("presets[%d]", i))
	}
	for i, c := range r.Conditions {
		at := problem.Under(probs, "conditions", i)
		switch {
		case c.Type == "":
			at.Child("type").Addf("is required, e.g. \"example.com/AgentReady\"")
		case len(c.Type) > 316:
			at.Child("type").Addf("must be at most 316 characters, got %d", len(c.Type))
		case k8sname.ControlCharError(c.Type) != "":
			at.Child("type").Addf("%s", k8sname.ControlCharError(c.Type))
		case !strings.Contains(c.Type, "/"):
			at.Child("type").Warnf("%q has no domain: kubelet's own conditions (Ready, MemoryPressure...) are unqualified; a reporter's condition reads better as \"example.com/%s\"", c.Type, c.Type)
		}
		if c.Type != "" {
			checkDuplicate(at.Child("type"), seen, c.Type, fmt.Sprintf("conditions[%d]", i))
		}
		if c.RequiredStatus != "" && !slices.Contains(Statuses, c.RequiredStatus) {
			at.Child("required_status").Addf("%q must be True, False or Unknown", c.RequiredStatus)
		}
		if c.DefaultStatus != "" {
			switch {
			case !slices.Contains(Statuses, c.DefaultStatus):
				at.Child("default_status").Addf("%q must be True, False or Unknown", c.DefaultStatus)
			case mode == "bootstrap-only":
				at.Child("default_status").Addf("is not allowed with enforcement_mode = \"bootstrap-only\" (the gate must wait for the condition to be reported); remove default_status or use enforcement_mode = \"continuous\"")
			}
		}
	}
}

func checkDuplicate(at *problem.At, seen map[string]string, condType, where string) {
	if prev, dup := seen[condType]; dup {
		at.Addf("condition %q is listed twice (also in %s); each condition type may appear once", condType, prev)
		return
	}
	seen[condType] = where
}

func validateTaint(at *problem.At, given, t Taint, mode string) {
	keyAt := at.Child("key")
	name, hasPrefix := strings.CutPrefix(t.Key, TaintPrefix)
	switch {
	case t.Key == "":
		keyAt.Addf("is required when name is not set, e.g. %q", TaintPrefix+"vpc-cni")
	case !hasPrefix:
		keyAt.Addf("%q must start with %s (the CRD reserves that domain for readiness taints), e.g. %q", t.Key, TaintPrefix, TaintPrefix+lastSegment(t.Key))
	case len(t.Key) > 253:
		keyAt.Addf("must be at most 253 characters")
	case name == "" || len(name) > 63 || !reTaintName.MatchString(name):
		what := "the rule name"
		if given.Key != "" {
			what = "the key"
		}
		keyAt.Addf("%q: the part after %s must be 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (it defaults to %s; set taint.key to shorten it)", t.Key, TaintPrefix, what)
	}
	if len(t.Value) > 63 || !reTaintValue.MatchString(t.Value) {
		at.Child("value").Addf("%q must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit", t.Value)
	}
	switch {
	case !slices.Contains(TaintEffects, t.Effect):
		at.Child("effect").Addf("%q is not a taint effect: use NoSchedule (default), PreferNoSchedule or NoExecute", t.Effect)
	case t.Effect == "NoExecute" && mode == "continuous":
		at.Child("effect").Warnf("NoExecute with continuous enforcement evicts every pod without a toleration whenever a condition fails; NoSchedule only keeps new pods off")
	}
}

func lastSegment(key string) string {
	if i := strings.LastIndex(key, "/"); i >= 0 {
		key = key[i+1:]
	}
	if key == "" {
		return "component-not-ready"
	}
	return key
}

func validateSelector(probs *problem.List, r Rule) {
	if len(r.NodePools) == 0 && len(r.NodeSelector) == 0 {
		problem.Under(probs, "node_pools").Addf("set node_pools (the Karpenter NodePools whose nodes wait) or node_selector: an empty selector would match every node in the cluster, which the CRD rejects")
	}
	seen := map[string]bool{}
	for i, p := range r.NodePools {
		at := problem.Under(probs, "node_pools", i)
		if msg := k8sname.SubdomainError(p); msg != "" || len(p) > 63 {
			at.Addf("%q is not a NodePool name (at most 63 lowercase letters, digits, '-' or '.')", p)
		} else if seen[p] {
			at.Addf("%q is listed twice", p)
		}
		seen[p] = true
	}
	sel := problem.Under(probs, "node_selector")
	for _, k := range slices.Sorted(maps.Keys(r.NodeSelector)) {
		if msg := k8sname.QualifiedNameError(k); msg != "" {
			sel.Key(k).Addf("label key %q is invalid: %s", k, msg)
		}
		if msg := k8sname.LabelValueError(r.NodeSelector[k]); msg != "" {
			sel.Key(k).Addf("label value %s", msg)
		}
		if k == NodePoolLabel && len(r.NodePools) > 0 {
			sel.Key(k).Addf("selects NodePools twice: list them in node_pools only")
		}
	}
}
