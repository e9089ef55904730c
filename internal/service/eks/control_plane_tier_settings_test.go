package eks_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	awstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

// Issue 16 item 12: the advanced control-plane configuration on
// scaling_control_plane_tier, against the emulator's implementation of
// the API (limits from DescribeClusterVersions, the provisioned-tier rule
// for the HPA sync period, ControlPlaneComponentConfigUpdate updates).

// settings is the HCL of the three component objects.
type settings struct {
	hpa, podGC, strategy, weights, eventTTL, ports string
}

func (s settings) hcl() string {
	var b strings.Builder
	var cm, sched, api []string
	if s.hpa != "" {
		cm = append(cm, fmt.Sprintf("horizontal_pod_autoscaler_sync_period = %q", s.hpa))
	}
	if s.podGC != "" {
		cm = append(cm, "terminated_pod_gc_threshold = "+s.podGC)
	}
	if s.strategy != "" {
		sched = append(sched, fmt.Sprintf("scoring_strategy = %q", s.strategy))
	}
	if s.weights != "" {
		sched = append(sched, "resource_weights = "+s.weights)
	}
	if s.eventTTL != "" {
		api = append(api, fmt.Sprintf("event_ttl = %q", s.eventTTL))
	}
	if s.ports != "" {
		api = append(api, "service_node_port_range = "+s.ports)
	}
	for _, o := range []struct {
		name  string
		lines []string
	}{{"kube_controller_manager_config", cm}, {"kube_scheduler_config", sched}, {"kube_api_server_config", api}} {
		if len(o.lines) > 0 {
			fmt.Fprintf(&b, "  %s = {\n    %s\n  }\n", o.name, strings.Join(o.lines, "\n    "))
		}
	}
	return b.String()
}

// clusterSettings is what DescribeCluster reports, flattened.
func (tg target) clusterSettings(t testing.TB, name string) map[string]string {
	t.Helper()
	out, err := tg.client(t).DescribeCluster(context.Background(), &eks.DescribeClusterInput{Name: aws.String(name)})
	if err != nil {
		t.Fatal(err)
	}
	c := out.Cluster
	m := map[string]string{"tier": string(c.ControlPlaneScalingConfig.Tier)}
	if k := c.KubeControllerManagerConfig; k != nil {
		m["hpa"] = aws.ToString(k.HorizontalPodAutoscalerControllerConfig.HorizontalPodAutoscalerSyncPeriod)
		m["pod_gc"] = fmt.Sprint(aws.ToInt32(k.PodGcControllerConfig.TerminatedPodGcThreshold))
	}
	if s := c.KubeSchedulerConfig; s != nil {
		st := s.NodeResourcesFit.ScoringStrategy
		m["strategy"] = string(st.Type)
		var ws []string
		for _, r := range st.Resources {
			ws = append(ws, fmt.Sprintf("%s=%d", aws.ToString(r.Name), aws.ToInt32(r.Weight)))
		}
		sort.Strings(ws)
		m["weights"] = strings.Join(ws, ",")
	}
	if a := c.KubeApiServerConfig; a != nil {
		m["event_ttl"] = aws.ToString(a.EventTtl)
		m["ports"] = fmt.Sprintf("%d-%d", a.ServiceNodePortRange.MinPort, a.ServiceNodePortRange.MaxPort)
	}
	return m
}

// checkClusterSettings asserts the cluster's settings.
func (tg target) checkClusterSettings(t testing.TB, name string, want map[string]string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got := tg.clusterSettings(t, name)
		for k, v := range want {
			if got[k] != v {
				return fmt.Errorf("cluster %s: %s = %q, want %q (all: %v)", name, k, got[k], v, got)
			}
		}
		return nil
	}
}

// updateTypes are the types of the cluster's updates, oldest first.
func (tg target) updateTypes(t testing.TB, cluster string) []string {
	t.Helper()
	ctx := context.Background()
	out, err := tg.client(t).ListUpdates(ctx, &eks.ListUpdatesInput{Name: aws.String(cluster)})
	if err != nil {
		t.Fatal(err)
	}
	type upd struct {
		at  time.Time
		typ string
	}
	var us []upd
	for _, id := range out.UpdateIds {
		u, err := tg.client(t).DescribeUpdate(ctx, &eks.DescribeUpdateInput{Name: aws.String(cluster), UpdateId: aws.String(id)})
		if err != nil {
			t.Fatal(err)
		}
		us = append(us, upd{aws.ToTime(u.Update.CreatedAt), string(u.Update.Type)})
	}
	sort.SliceStable(us, func(i, j int) bool { return us[i].at.Before(us[j].at) })
	types := make([]string, len(us))
	for i, u := range us {
		types[i] = strings.TrimSuffix(strings.TrimPrefix(u.typ, "ControlPlane"), "Update")
	}
	return types
}

// checkUpdateTypes asserts the kinds and order of the cluster's updates:
// "ScalingConfig" for a tier change, "ComponentConfig" for settings.
func (tg target) checkUpdateTypes(t testing.TB, cluster string, want ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := tg.updateTypes(t, cluster); !slices.Equal(got, want) {
			return fmt.Errorf("cluster %s updates %v, want %v", cluster, got, want)
		}
		return nil
	}
}

var fastScaleOut = settings{
	hpa: "10s", podGC: "5000", strategy: "MostAllocated", weights: `{ cpu = 2, memory = 1 }`,
	eventTTL: "30m", ports: `{ min_port = 30000, max_port = 32000 }`,
}

// Up to a provisioned tier with a short HPA sync period: the tier changes
// first (standard does not allow 10s), then the settings, in one apply.
// Back to standard: the HPA sync period is reset first (EKS refuses the
// return otherwise), then the tier. Removed settings go back to their
// defaults; destroy resets the rest.
func TestAccControlPlaneTier_settingsOrderedWithTier(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "standard")
	acctest.Test(t, resource.ComposeAggregateTestCheckFunc(
		tg.checkDestroyReverted(t),
		tg.checkClusterSettings(t, cluster, map[string]string{"tier": "standard", "hpa": "15s", "pod_gc": "12500", "strategy": "LeastAllocated",
			"weights": "cpu=1,memory=1", "event_ttl": "60m", "ports": "30000-32767"}),
	), []resource.TestStep{
		{
			Config: tg.tierConfig(t, cluster, "tier-xl", fastScaleOut.hcl()),
			Check: resource.ComposeAggregateTestCheckFunc(
				tg.checkClusterSettings(t, cluster, map[string]string{"tier": "tier-xl", "hpa": "10s", "pod_gc": "5000", "strategy": "MostAllocated",
					"weights": "cpu=2,memory=1", "event_ttl": "30m", "ports": "30000-32000"}),
				tg.checkUpdateTypes(t, cluster, "ScalingConfig", "ComponentConfig"),
				resource.TestCheckResourceAttr(addr, "kube_controller_manager_config.horizontal_pod_autoscaler_sync_period", "10s"),
				resource.TestCheckResourceAttr(addr, "kube_scheduler_config.resource_weights.cpu", "2"),
				resource.TestCheckResourceAttr(addr, "previous_tier", "standard"),
			),
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		},
		acctest.ImportStep(addr, cluster),
		{
			// Back to standard; the HPA sync period, weights, event TTL
			// and port range are no longer managed, so they return to
			// their defaults, before the tier changes.
			Config: tg.tierConfig(t, cluster, "standard", settings{podGC: "5000", strategy: "MostAllocated"}.hcl()),
			Check: resource.ComposeAggregateTestCheckFunc(
				tg.checkClusterSettings(t, cluster, map[string]string{"tier": "standard", "hpa": "15s", "pod_gc": "5000", "strategy": "MostAllocated",
					"weights": "cpu=1,memory=1", "event_ttl": "60m", "ports": "30000-32767"}),
				tg.checkUpdateTypes(t, cluster, "ScalingConfig", "ComponentConfig", "ComponentConfig", "ScalingConfig"),
				resource.TestCheckResourceAttr(addr, "previous_tier", "tier-xl"),
			),
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		},
	})
}

// Drift: a setting changed outside Terraform shows in the plan, and apply
// sets it back (waiting for the update, one update only).
func TestAccControlPlaneTier_settingsDrift(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "standard")
	config := tg.tierConfig(t, cluster, "standard", settings{strategy: "MostAllocated", eventTTL: "1h"}.hcl())
	acctest.Test(t, tg.checkDestroyReverted(t), []resource.TestStep{
		{
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(
				tg.checkClusterSettings(t, cluster, map[string]string{"strategy": "MostAllocated", "event_ttl": "60m"}),
				// 1h is the default 60m: only the strategy needed an update.
				tg.checkUpdateTypes(t, cluster, "ComponentConfig"),
			),
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		},
		{
			PreConfig: func() {
				_, err := tg.client(t).UpdateClusterConfig(context.Background(), &eks.UpdateClusterConfigInput{
					Name: aws.String(cluster),
					KubeSchedulerConfig: &awstypes.KubeSchedulerConfigRequest{NodeResourcesFit: &awstypes.NodeResourcesFitConfig{
						ScoringStrategy: &awstypes.ScoringStrategy{Type: awstypes.ScoringStrategyTypeLeastAllocated},
					}},
					KubeApiServerConfig: &awstypes.KubeApiServerConfigRequest{EventTtl: aws.String("20m")},
				})
				if err != nil {
					t.Fatal(err)
				}
				tg.waitUpdatesDone(t, cluster)
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					expectSettingChange("kube_scheduler_config", "scoring_strategy", "LeastAllocated", "MostAllocated"),
					expectSettingChange("kube_api_server_config", "event_ttl", "20m", "1h"),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				tg.checkClusterSettings(t, cluster, map[string]string{"strategy": "MostAllocated", "event_ttl": "1h"}),
				tg.checkUpdateTypes(t, cluster, "ComponentConfig", "ComponentConfig", "ComponentConfig"),
			),
		},
	})
}

// expectSettingChange asserts the plan moves one setting from one value
// to another.
func expectSettingChange(object, attr, from, to string) plancheck.PlanCheck {
	return settingChangeCheck{object, attr, from, to}
}

type settingChangeCheck struct{ object, attr, from, to string }

func (c settingChangeCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != addr {
			continue
		}
		get := func(v any) any {
			m, _ := v.(map[string]any)
			o, _ := m[c.object].(map[string]any)
			return o[c.attr]
		}
		if before, after := get(rc.Change.Before), get(rc.Change.After); before != c.from || after != c.to {
			resp.Error = fmt.Errorf("plan moves %s.%s %v -> %v, want %s -> %s", c.object, c.attr, before, after, c.from, c.to)
		}
		return
	}
	resp.Error = fmt.Errorf("%s not in the plan", addr)
}

// A settings update that fails in AWS is an error with AWS's message;
// state keeps what is in effect, so the next apply retries.
func TestAccControlPlaneTier_settingsUpdateFails(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "tier-xl")
	const awsMessage = "The control plane configuration could not be applied."
	acctest.Test(t, tg.checkDestroyReverted(t), []resource.TestStep{
		{Config: tg.tierConfig(t, cluster, "tier-xl", settings{eventTTL: "30m"}.hcl())},
		{
			PreConfig:   func() { tg.Emu.EKS().FailNextUpdate(cluster, awsMessage) },
			Config:      tg.tierConfig(t, cluster, "tier-xl", settings{eventTTL: "20m"}.hcl()),
			ExpectError: regexp.MustCompile(`(?s)ended\s+Failed:.*` + acctest.MessagePattern(awsMessage) + `.*event_ttl=30m`),
		},
		{
			Config:   tg.tierConfig(t, cluster, "tier-xl", settings{eventTTL: "30m"}.hcl()),
			PlanOnly: true,
		},
		{
			Config: tg.tierConfig(t, cluster, "tier-xl", settings{eventTTL: "20m"}.hcl()),
			Check:  tg.checkClusterSettings(t, cluster, map[string]string{"event_ttl": "20m"}),
		},
	})
}

// An interrupted settings update: the apply fails, state holds the
// settings being applied, and setting the configuration back plans the
// change back (as for the tier, item 2).
func TestAccControlPlaneTier_settingsUpdateInterrupted(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "tier-xl")
	acctest.Test(t, tg.checkDestroyReverted(t), []resource.TestStep{
		{Config: tg.tierConfig(t, cluster, "tier-xl", settings{hpa: "12s"}.hcl())},
		{
			PreConfig:   func() { tg.Emu.EKS().SetUpdateDelay(cluster, interruptedDelay) },
			Config:      tg.tierConfig(t, cluster, "tier-xl", settings{hpa: "10s"}.hcl()+timeoutsBlock("update", shortTimeout)),
			ExpectError: regexp.MustCompile(`(?s)context\s+deadline\s+exceeded.*configuration\s+update.*still\s+in\s+progress`),
		},
		{
			PreConfig: func() { tg.Emu.EKS().SetUpdateDelay(cluster, acctest.UpdateDelay) },
			Config:    tg.tierConfig(t, cluster, "tier-xl", settings{hpa: "12s"}.hcl()+timeoutsBlock("update", "1m")),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{expectSettingChange("kube_controller_manager_config", "horizontal_pod_autoscaler_sync_period", "10s", "12s")},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				tg.checkClusterSettings(t, cluster, map[string]string{"hpa": "12s"}),
				tg.checkUpdateTypes(t, cluster, "ComponentConfig", "ComponentConfig", "ComponentConfig"),
			),
		},
	})
}

// wrappedRegexp is pattern with each space matching any run of white
// space, as terraform wraps long messages.
func wrappedRegexp(pattern string) *regexp.Regexp {
	return regexp.MustCompile(strings.ReplaceAll(pattern, " ", `\s+`))
}

// Plan-time checks against DescribeClusterVersions for the cluster's
// version and the planned tier, each naming the attribute.
func TestAccControlPlaneTier_settingsPlanTimeErrors(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "standard")
	step := func(tier string, s settings, want string) resource.TestStep {
		return resource.TestStep{Config: tg.tierConfig(t, cluster, tier, s.hcl()), PlanOnly: true, ExpectError: wrappedRegexp(want)}
	}
	acctest.Test(t, nil, []resource.TestStep{
		step("standard", settings{hpa: "10s"}, `(?s)kube_controller_manager_config.horizontal_pod_autoscaler_sync_period.*10s is not\s+allowed on tier standard.*DescribeClusterVersions.*needs a provisioned\s+control-plane tier`),
		step("tier-xl", settings{hpa: "5s"}, `(?s)horizontal_pod_autoscaler_sync_period.*must be between 10s and 15s for Kubernetes\s+1.33 on tier tier-xl \(DescribeClusterVersions\), got 5s`),
		step("tier-xl", settings{eventTTL: "5m"}, `(?s)kube_api_server_config.event_ttl.*must be between 10m and 60m`),
		step("tier-xl", settings{ports: `{ min_port = 8000, max_port = 32767 }`}, `(?s)service_node_port_range.min_port.*must be between 10260 and 32767`),
		step("tier-xl", settings{weights: `{ "example.com/foo" = 1 }`}, `(?s)resource_weights.*"example.com/foo" cannot be weighted`),
		// Offline checks, before any call.
		step("tier-xl", settings{hpa: "10 s"}, `(?s)horizontal_pod_autoscaler_sync_period.*single-unit duration`),
		step("tier-xl", settings{eventTTL: "1h30m"}, `(?s)event_ttl.*single-unit duration`),
		step("tier-xl", settings{weights: `{ cpu = 1.5 }`}, `(?s)kube_scheduler_config.resource_weights\["cpu"\]: must be a whole number between 1 and 100 .*got 1.5`),
		step("tier-xl", settings{weights: `{ cpu = 150 }`}, `(?s)resource_weights\["cpu"\]: must be a whole number between 1 and 100`),
		step("tier-xl", settings{weights: `{}`}, `(?s)resource_weights.*must weight at least one resource`),
		step("tier-xl", settings{podGC: "10.5"}, `(?s)terminated_pod_gc_threshold.*whole number between 1 and 1000000, got 10.5`),
		step("tier-xl", settings{podGC: "1e12"}, `(?s)terminated_pod_gc_threshold.*whole number between 1 and 1000000`),
		step("tier-xl", settings{ports: `{ min_port = 32000, max_port = 31000 }`}, `(?s)service_node_port_range.*min_port \(32000\) must be less than or equal to\s+max_port \(31000\)`),
		step("tier-xl", settings{ports: `{ min_port = 30000, max_port = 70000 }`}, `(?s)max_port.*whole number between 1 and 65535`),
		step("tier-xl", settings{strategy: "RequestedToCapacityRatio"}, `(?s)scoring_strategy value must be one of`),
	})
}

// Without the cluster (it is created in the same apply) the settings are
// checked against the published limits.
func TestAccControlPlaneTier_settingsPlanTimeErrorsOffline(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	acctest.Test(t, nil, []resource.TestStep{{
		Config:      tg.tierConfig(t, randomName("not-yet"), "standard", settings{hpa: "12s"}.hcl()),
		PlanOnly:    true,
		ExpectError: wrappedRegexp(`(?s)12s is not allowed on tier standard.*EKS user guide.*needs a provisioned control-plane tier`),
	}})
}

// A return to standard while the cluster's HPA sync period, set outside
// this resource, is not its default fails at plan time, naming the fix.
func TestAccControlPlaneTier_settingsUnmanagedBlockStandard(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "tier-xl")
	acctest.Test(t, tg.checkDestroyReverted(t), []resource.TestStep{
		{
			Config: tg.tierConfig(t, cluster, "tier-xl", ""),
			Check: func(*terraform.State) error {
				_, err := tg.client(t).UpdateClusterConfig(context.Background(), &eks.UpdateClusterConfigInput{
					Name: aws.String(cluster),
					KubeControllerManagerConfig: &awstypes.KubeControllerManagerConfigRequest{
						HorizontalPodAutoscalerControllerConfig: &awstypes.HorizontalPodAutoscalerControllerConfigRequest{HorizontalPodAutoscalerSyncPeriod: aws.String("10s")},
					},
				})
				tg.waitUpdatesDone(t, cluster)
				return err
			},
		},
		{
			Config:      tg.tierConfig(t, cluster, "standard", ""),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)cannot return to standard.*horizontal_pod_autoscaler_sync_period set\s+outside this resource.*10s`),
		},
		{
			// Managing it with its default resets it before the tier.
			Config: tg.tierConfig(t, cluster, "standard", settings{hpa: "15s"}.hcl()),
			Check: resource.ComposeAggregateTestCheckFunc(
				tg.checkClusterSettings(t, cluster, map[string]string{"tier": "standard", "hpa": "15s"}),
				tg.checkUpdateTypes(t, cluster, "ComponentConfig", "ComponentConfig", "ScalingConfig"),
			),
		},
	})
}
