package alerts

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// KPI names, as the strategy names them.
const (
	KPIScaleOutP95      = "scale_out_p95"
	KPIPendingPods      = "pods_pending"
	KPIWarmPool         = "warm_pool_exhausted"
	KPISpotInterruption = "spot_interruption_rate"
	KPIProvisioning     = "karpenter_provisioning_errors"
	KPICostPerPod       = "cost_per_pod"
	KPIScaler           = "scaler_errors"
	KPIExtra            = "extra"
)

// Rule is one Prometheus alerting rule and what it reads.
type Rule struct {
	Alert, KPI, Expr string
	// For is how long the condition must hold ("" = fire at once).
	For       string
	Severity  string
	Threshold float64
	Summary   string
	// Metrics are the metrics the expression reads, resolved in the catalog.
	Metrics []MetricRef
}

// MetricRef is a metric a rule reads and where it is defined.
type MetricRef struct {
	Name, Type, Component, Version, File, Source, Doc string
}

// kpiRules builds the strategy's KPI rules for the spec (after defaults).
func kpiRules(s Spec) (rules []Rule, skipped []Skipped) {
	if w := s.Workload; w != nil {
		sel := podSelector(w)
		target := s.TargetP95Seconds - s.DetectionSeconds
		win := windowSeconds(s.Window)
		rules = append(rules, Rule{
			Alert: "ScaleOutP95AboveTarget", KPI: KPIScaleOutP95, For: "1m", Severity: "warning", Threshold: target,
			Expr: fmt.Sprintf("quantile(0.95,\n  (kube_pod_status_ready_time%[1]s - on(namespace, pod, uid) kube_pod_created%[1]s)\n    and on(namespace, pod, uid) ((time() - kube_pod_created%[1]s) < %[2]d)\n) > %[3]s",
				sel, win, num(target)),
			Summary: fmt.Sprintf("p95 of pod creation to Ready for %s/%s pods created in the last %s is above %ss (target p95 %ss minus %ss detection)",
				w.Namespace, w.Name, s.Window, num(target), num(s.TargetP95Seconds), num(s.DetectionSeconds)),
		})
	} else {
		skipped = append(skipped, Skipped{KPI: KPIScaleOutP95, Reason: "needs workload: the p95 is taken over the workload's pods"})
	}
	pending := *s.PendingSeconds
	podSel, scope := "", "any namespace"
	phaseSel := `{phase="Pending"}`
	if w := s.Workload; w != nil {
		podSel = podSelector(w)
		phaseSel = strings.TrimSuffix(podSel, "}") + `,phase="Pending"}`
		scope = w.Namespace + "/" + w.Name
	}
	rules = append(rules, Rule{
		Alert: "PodsPendingTooLong", KPI: KPIPendingPods, Severity: "warning", Threshold: float64(pending),
		Expr:    fmt.Sprintf("count(\n  ((time() - kube_pod_created%s) > %d)\n    and on(namespace, pod, uid) (kube_pod_status_phase%s == 1)\n) > 0", podSel, pending, phaseSel),
		Summary: fmt.Sprintf("pods of %s have been Pending for more than %ds", scope, pending),
	}, Rule{
		Alert: "PodsUnschedulable", KPI: KPIPendingPods, For: fmt.Sprintf("%ds", pending), Severity: "warning", Threshold: 0,
		Expr:    `sum(scheduler_pending_pods{queue="unschedulable"}) > 0`,
		Summary: fmt.Sprintf("the scheduler has had unschedulable pods for %ds: they wait for new capacity", pending),
	})
	if wp := s.WarmPool; wp != nil {
		sel := fmt.Sprintf(`{namespace=%q,deployment=%q}`, wp.Namespace, wp.Deployment)
		rules = append(rules, Rule{
			Alert: "WarmPoolExhausted", KPI: KPIWarmPool, Severity: "critical", Threshold: 0,
			Expr:    fmt.Sprintf("kube_deployment_status_replicas_available%[1]s == 0\n  and on(namespace, deployment) kube_deployment_spec_replicas%[1]s > 0", sel),
			Summary: fmt.Sprintf("no pause pod of the warm pool %s/%s (size %d) is available: the next scale-out waits for new nodes", wp.Namespace, wp.Deployment, wp.Size),
		})
		if low := warmPoolLow(*wp); low > 1 {
			rules = append(rules, Rule{
				Alert: "WarmPoolLow", KPI: KPIWarmPool, For: "2m", Severity: "warning", Threshold: float64(low),
				Expr:    fmt.Sprintf("(kube_deployment_status_replicas_available%[1]s < %[2]d)\n  and (kube_deployment_status_replicas_available%[1]s > 0)", sel, low),
				Summary: fmt.Sprintf("fewer than %d of the warm pool's %d pause pods are available", low, wp.Size),
			})
		}
	} else {
		skipped = append(skipped, Skipped{KPI: KPIWarmPool, Reason: "no warm_pool given"})
	}
	ratio := *s.SpotInterruptionRatio
	rules = append(rules, Rule{
		Alert: "SpotInterruptionRateHigh", KPI: KPISpotInterruption, Severity: "warning", Threshold: ratio,
		Expr:    fmt.Sprintf("sum(increase(karpenter_nodeclaims_disrupted_total{reason=\"spot_interrupted\"}[1h]))\n  / clamp_min(count(karpenter_nodes_allocatable{capacity_type=\"spot\",resource_type=\"cpu\"}), 1)\n> %s", num(ratio)),
		Summary: fmt.Sprintf("more than %s%% of the spot nodes were interrupted in the last hour", num(ratio*100)),
	}, Rule{
		Alert: "KarpenterProvisioningErrors", KPI: KPIProvisioning, Severity: "warning", Threshold: float64(*s.ProvisioningErrors),
		Expr:    fmt.Sprintf("sum by (error) (increase(karpenter_cloudprovider_errors_total{method=\"Create\"}[10m])) >= %d", *s.ProvisioningErrors),
		Summary: fmt.Sprintf("Karpenter failed to launch %d or more NodeClaims in 10 minutes", *s.ProvisioningErrors),
	})
	if s.PricePerPodHour != nil {
		limit := *s.PricePerPodHour * *s.CostTolerance
		poolSel, npSel := `{phase="Running"}`, ""
		if len(s.NodePools) > 0 {
			quoted := make([]string, len(s.NodePools))
			for i, np := range s.NodePools {
				quoted[i] = regexp.QuoteMeta(np)
			}
			re := strings.Join(quoted, "|")
			npSel = fmt.Sprintf(`{nodepool=~%q}`, re)
			poolSel = fmt.Sprintf(`{phase="Running",nodepool=~%q}`, re)
		}
		rules = append(rules, Rule{
			Alert: "CostPerPodAboveBudget", KPI: KPICostPerPod, For: "30m", Severity: "warning", Threshold: limit,
			Expr:    fmt.Sprintf("sum(karpenter_nodepools_cost_total%s)\n  / clamp_min(count(karpenter_pods_state%s), 1)\n> %s", npSel, poolSel, num(limit)),
			Summary: fmt.Sprintf("nodes cost more than $%s per running pod-hour (price per pod-hour %s x tolerance %s) for 30m", num(limit), num(*s.PricePerPodHour), num(*s.CostTolerance)),
		})
	} else {
		skipped = append(skipped, Skipped{KPI: KPICostPerPod, Reason: "no price_per_pod_hour given"})
	}
	if w := s.Workload; w != nil && w.ScaledObject != "" {
		rules = append(rules, Rule{
			Alert: "KEDAScalerErrors", KPI: KPIScaler, Severity: "warning", Threshold: 0,
			Expr:    fmt.Sprintf("sum(increase(keda_scaled_object_errors_total{namespace=%q,scaledObject=%q}[5m])) > 0", w.Namespace, w.ScaledObject),
			Summary: fmt.Sprintf("KEDA cannot read the metrics of ScaledObject %s/%s: scale-out is not detected", w.Namespace, w.ScaledObject),
		})
	}
	return rules, skipped
}

// podSelector matches the pods of a Deployment: <name>-<replicaset
// hash>-<pod suffix>.
func podSelector(w *Workload) string {
	return fmt.Sprintf(`{namespace=%q,pod=~%q}`, w.Namespace, regexp.QuoteMeta(w.Name)+"-[a-z0-9]+-[a-z0-9]+")
}

func warmPoolLow(wp WarmPool) int64 {
	share := DefaultWarmPoolLowShare
	if wp.LowShare != nil {
		share = *wp.LowShare
	}
	return int64(math.Ceil(float64(wp.Size) * share))
}

// windowSeconds reads a Prometheus duration of whole s, m or h units.
func windowSeconds(d string) int64 {
	n, err := strconv.ParseInt(d[:len(d)-1], 10, 64)
	if err != nil {
		return 0
	}
	return n * map[byte]int64{'s': 1, 'm': 60, 'h': 3600}[d[len(d)-1]]
}

// num prints a threshold without float noise.
func num(f float64) string {
	return strconv.FormatFloat(math.Round(f*1e6)/1e6, 'f', -1, 64)
}
