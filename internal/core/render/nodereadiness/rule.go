package nodereadiness

// Rule is the input for one NodeReadinessRule.
type Rule struct {
	Name string

	// Presets name components the nodes wait on (see Presets); Conditions
	// add free-form node conditions. Together 1-32, all must hold (allOf).
	Presets    []string
	Conditions []Condition

	// Taint is kept on a node until the conditions hold. Key defaults to
	// readiness.k8s.io/<name>, value to "pending", effect to NoSchedule.
	Taint Taint

	// NodePools selects the nodes of these Karpenter NodePools
	// (karpenter.sh/nodepool In ...); NodeSelector adds matchLabels. At
	// least one of the two is required: an empty selector would match
	// every node in the cluster.
	NodePools    []string
	NodeSelector map[string]string

	// EnforcementMode is bootstrap-only (default: gate each node once) or
	// continuous (taint again whenever a condition fails).
	EnforcementMode string
	DryRun          bool

	// Guide holds fields of the API the usual guides invent; any of them
	// set is an error that names the real field.
	Guide GuideFields
}

// GuideFields are the invented NodeReadinessRule fields of the usual
// guides, kept only to reject them with the real form.
type GuideFields struct {
	// APIVersion may be set to the real apiVersion; anything else (the
	// guides write nodereadiness.k8s.io/...) is rejected.
	APIVersion         string
	RequiredDaemonSets []string
	ReadinessTimeout   string
}

// Condition is one node condition the rule waits on.
type Condition struct {
	Type string
	// RequiredStatus is True (default), False or Unknown.
	RequiredStatus string
	// DefaultStatus is how a missing condition is evaluated (controller
	// v0.4.1 and later); not allowed with bootstrap-only.
	DefaultStatus string
}

// Taint is the node taint the rule manages.
type Taint struct {
	Key, Value, Effect string
}

// WithDefaults returns r with the defaults filled in.
func (r Rule) WithDefaults() Rule {
	if r.EnforcementMode == "" {
		r.EnforcementMode = DefaultEnforcementMode
	}
	if r.Taint.Key == "" && r.Name != "" {
		r.Taint.Key = TaintPrefix + r.Name
	}
	if r.Taint.Value == "" {
		r.Taint.Value = DefaultTaintValue
	}
	if r.Taint.Effect == "" {
		r.Taint.Effect = DefaultTaintEffect
	}
	conds := make([]Condition, 0, len(r.Presets)+len(r.Conditions))
	for _, p := range r.Presets {
		conds = append(conds, Condition{Type: Presets[p].ConditionType, RequiredStatus: DefaultRequiredStatus})
	}
	for _, c := range r.Conditions {
		if c.RequiredStatus == "" {
			c.RequiredStatus = DefaultRequiredStatus
		}
		conds = append(conds, c)
	}
	r.Conditions, r.Presets = conds, nil
	return r
}

// StartupTaint is the taint to list in the NodePool's startup_taints, so
// nodes register already tainted and Karpenter expects the taint to go
// away on its own.
func (r Rule) StartupTaint() Taint {
	return r.WithDefaults().Taint
}

// Reporters lists, for each preset the rule uses, how its condition is fed.
func (r Rule) Reporters() []Preset {
	out := make([]Preset, 0, len(r.Presets))
	for _, p := range r.Presets {
		if pr, ok := Presets[p]; ok {
			out = append(out, pr)
		}
	}
	return out
}
