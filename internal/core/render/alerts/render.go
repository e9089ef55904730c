package alerts

import (
	"fmt"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// APIVersion of the PrometheusRule (prometheus-operator v0.95.2).
const APIVersion = "monitoring.coreos.com/v1"

// Result is what the renderer produced.
type Result struct {
	// PrometheusRule holding every rule (the KPI group, then the extra one).
	Object k8sobj.Object
	Rules  []Rule
	// Skipped lists KPIs with no Prometheus rule, and why.
	Skipped []Skipped
	// Alarms are the CloudWatch alarms (empty unless Spec.CloudWatch).
	Alarms []Alarm
	// AlarmsSkipped lists KPIs with no CloudWatch alarm, and why.
	AlarmsSkipped []Skipped
}

// Render validates the spec and renders the rules and alarms; on errors it
// returns nothing but the problems.
func (s Spec) Render() (Result, problem.List) {
	s = withDefaults(s)
	var probs problem.List
	validate(s, &probs)
	if probs.HasErrors() {
		return Result{}, probs
	}
	rules, skipped := kpiRules(s)
	for _, e := range s.ExtraRules {
		sev := e.Severity
		if sev == "" {
			sev = "warning"
		}
		rules = append(rules, Rule{Alert: e.Alert, KPI: KPIExtra, Expr: e.Expr, For: e.For, Severity: sev, Summary: e.Summary})
	}
	for i := range rules {
		rules[i].Metrics = metricRefs(rules[i].Expr)
	}
	res := Result{Rules: rules, Skipped: skipped, Object: prometheusRule(s, rules)}
	if s.CloudWatch {
		res.Alarms, res.AlarmsSkipped = cloudWatchAlarms(s)
	}
	return res, probs
}

func metricRefs(expr string) []MetricRef {
	names, _ := MetricNames(expr)
	var out []MetricRef
	for _, n := range names {
		m, ok := Lookup(n)
		if !ok {
			out = append(out, MetricRef{Name: n, Component: "user"})
			continue
		}
		c, _ := ComponentByID(m.Component)
		out = append(out, MetricRef{Name: n, Type: string(m.Type), Component: c.Name, Version: c.Version, File: m.File, Source: c.Source, Doc: c.Doc})
	}
	return out
}

func prometheusRule(s Spec, rules []Rule) k8sobj.Object {
	groups := map[string][]any{}
	var order []string
	for _, r := range rules {
		group := s.Name
		if r.KPI == KPIExtra {
			group = s.Name + "-extra"
		}
		if _, ok := groups[group]; !ok {
			order = append(order, group)
		}
		rule := map[string]any{
			"alert":  r.Alert,
			"expr":   r.Expr,
			"labels": map[string]any{"severity": r.Severity, "kpi": r.KPI},
		}
		if r.For != "" {
			rule["for"] = r.For
		}
		ann := map[string]any{}
		if r.Summary != "" {
			ann["summary"] = r.Summary
		}
		if len(r.Metrics) > 0 {
			ann["metrics"] = metricsNote(r.Metrics)
		}
		if len(ann) > 0 {
			rule["annotations"] = ann
		}
		groups[group] = append(groups[group], rule)
	}
	var specGroups []any
	for _, g := range order {
		specGroups = append(specGroups, map[string]any{"name": g, "rules": groups[g]})
	}
	obj := k8sobj.New(APIVersion, "PrometheusRule", s.Name, s.Namespace)
	labels := map[string]any{"app.kubernetes.io/managed-by": managedBy}
	for k, v := range s.Labels {
		labels[k] = v
	}
	obj["metadata"].(map[string]any)["labels"] = labels
	obj["spec"] = map[string]any{"groups": specGroups}
	return obj
}

// metricsNote names each metric and its source in the rule's annotations,
// so whoever gets paged sees where the numbers come from.
func metricsNote(refs []MetricRef) string {
	note := ""
	for i, m := range refs {
		if i > 0 {
			note += "; "
		}
		if m.Version == "" {
			note += m.Name
			continue
		}
		note += fmt.Sprintf("%s (%s %s)", m.Name, m.Component, m.Version)
	}
	return note
}
