package karpenterv1

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/robfig/cron/v3"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// Patterns copied from the v1.14.1 CRDs, so a value passes here exactly
// when it passes the API server's schema.
var (
	// consolidateAfter, expireAfter: Go-style durations of s/m/h, or Never.
	reDurationOrNever = regexp.MustCompile(`^(([0-9]+(s|m|h))+|Never)$`)
	// terminationGracePeriod: no Never.
	reDuration = regexp.MustCompile(`^([0-9]+(s|m|h))+$`)
	// budgets[].duration: hours and minutes only.
	reBudgetDuration = regexp.MustCompile(`^((([0-9]+(h|m))|([0-9]+h[0-9]+m))(0s)?)$`)
	// budgets[].nodes: "10%" or "5".
	reBudgetNodes = regexp.MustCompile(`^((100|[0-9]{1,2})%|[0-9]+)$`)
	// Resource quantities (limits, kubelet reserved).
	reQuantity         = regexp.MustCompile(`^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$`)
	reDNS1123Subdomain = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)
	reCronDescriptor   = regexp.MustCompile(`^@(annually|yearly|monthly|weekly|daily|midnight|hourly)$`)
)

func checkDurationOrNever(p *problem.At, v, example string) {
	if !reDurationOrNever.MatchString(v) {
		p.Addf("%q is not a duration: use a number with s, m or h (e.g. %s), or Never", v, example)
	}
}

func checkDuration(p *problem.At, v, example string) {
	if !reDuration.MatchString(v) {
		p.Addf("%q is not a duration: use a number with s, m or h (e.g. %s); Never is not allowed here", v, example)
	}
}

// cronError checks a budget schedule the way Karpenter parses it (standard
// five-field cron or a @descriptor, always UTC).
func cronError(s string) string {
	if strings.HasPrefix(s, "TZ=") || strings.HasPrefix(s, "CRON_TZ=") {
		return "budget schedules are always UTC; remove the time zone prefix and convert the hours to UTC"
	}
	if strings.HasPrefix(s, "@") {
		if !reCronDescriptor.MatchString(s) {
			return fmt.Sprintf("%q is not supported: use five cron fields (e.g. \"0 9 * * mon-fri\") or one of @yearly, @monthly, @weekly, @daily, @hourly", s)
		}
		return ""
	}
	if len(strings.Fields(s)) != 5 || strings.ContainsAny(s, "\t\n\r") || strings.Contains(s, "  ") || strings.TrimSpace(s) != s {
		return fmt.Sprintf("%q must have exactly five fields separated by single spaces: minute hour day-of-month month day-of-week (e.g. \"0 9 * * mon-fri\")", s)
	}
	if _, err := cron.ParseStandard(s); err != nil {
		return fmt.Sprintf("%q is not a valid cron expression (%v); e.g. \"0 9 * * mon-fri\"", s, err)
	}
	return ""
}

// restrictedLabelError applies Karpenter's label rules (CRD CEL and
// runtime validation): the karpenter.sh and karpenter.k8s.aws domains are
// reserved except for well-known labels, and the node pool and hostname
// labels are set by Karpenter itself.
func restrictedLabelError(key string) string {
	switch key {
	case LabelNodePool:
		return "karpenter.sh/nodepool is set by Karpenter on every node of the pool; remove it"
	case LabelHostname:
		return "kubernetes.io/hostname is restricted (set per node); use topology.kubernetes.io/zone or a custom label"
	}
	// As the CRD's CEL rule does: the domain is everything before the first
	// '/', or the whole key when there is none.
	domain, _, _ := strings.Cut(key, "/")
	if strings.HasSuffix(domain, "karpenter.sh") && key != LabelCapacityType {
		return fmt.Sprintf("label domain karpenter.sh is restricted (only %s is allowed); use your own domain, e.g. example.com/%s", LabelCapacityType, strings.TrimPrefix(key, domain+"/"))
	}
	if strings.HasSuffix(domain, "karpenter.k8s.aws") && !wellKnownAWSLabels[key] {
		return fmt.Sprintf("label domain karpenter.k8s.aws is restricted to Karpenter's well-known labels (e.g. %s, %s); use your own domain", LabelInstanceFamily, LabelInstanceCategory)
	}
	return ""
}

// wellKnownAWSLabels are the karpenter.k8s.aws keys the CRD allows.
var wellKnownAWSLabels = setOf(
	"karpenter.k8s.aws/instance-tenancy", "karpenter.k8s.aws/capacity-reservation-type",
	"karpenter.k8s.aws/capacity-reservation-id", "karpenter.k8s.aws/capacity-reservation-interruptible",
	"karpenter.k8s.aws/ec2nodeclass", "karpenter.k8s.aws/instance-encryption-in-transit-supported",
	"karpenter.k8s.aws/instance-category", "karpenter.k8s.aws/instance-hypervisor",
	"karpenter.k8s.aws/instance-family", "karpenter.k8s.aws/instance-generation",
	"karpenter.k8s.aws/instance-local-nvme", "karpenter.k8s.aws/instance-size",
	"karpenter.k8s.aws/instance-cpu", "karpenter.k8s.aws/instance-cpu-manufacturer",
	"karpenter.k8s.aws/instance-cpu-sustained-clock-speed-mhz", "karpenter.k8s.aws/instance-memory",
	"karpenter.k8s.aws/instance-ebs-bandwidth", "karpenter.k8s.aws/instance-network-bandwidth",
	"karpenter.k8s.aws/instance-gpu-name", "karpenter.k8s.aws/instance-gpu-manufacturer",
	"karpenter.k8s.aws/instance-gpu-count", "karpenter.k8s.aws/instance-gpu-memory",
	"karpenter.k8s.aws/instance-accelerator-name", "karpenter.k8s.aws/instance-accelerator-manufacturer",
	"karpenter.k8s.aws/instance-accelerator-count", "karpenter.k8s.aws/instance-capability-flex",
	"karpenter.k8s.aws/placement-group-id", "karpenter.k8s.aws/placement-group-partition",
)

func setOf(vals ...string) map[string]bool {
	m := make(map[string]bool, len(vals))
	for _, v := range vals {
		m[v] = true
	}
	return m
}

func isNonNegativeInt(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 0
}
