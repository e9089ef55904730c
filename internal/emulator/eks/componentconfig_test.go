package eks_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"
)

// The advanced control-plane configuration, driven through the SDK.

func hpaSync(d string) *types.KubeControllerManagerConfigRequest {
	return &types.KubeControllerManagerConfigRequest{HorizontalPodAutoscalerControllerConfig: &types.HorizontalPodAutoscalerControllerConfigRequest{HorizontalPodAutoscalerSyncPeriod: aws.String(d)}}
}

func mostAllocated(weights ...any) *types.KubeSchedulerConfigRequest {
	var res []types.ResourceWeight
	for i := 0; i+1 < len(weights); i += 2 {
		res = append(res, types.ResourceWeight{Name: aws.String(weights[i].(string)), Weight: aws.Int32(int32(weights[i+1].(int)))})
	}
	return &types.KubeSchedulerConfigRequest{NodeResourcesFit: &types.NodeResourcesFitConfig{ScoringStrategy: &types.ScoringStrategy{Type: types.ScoringStrategyTypeMostAllocated, Resources: res}}}
}

func updateComponents(c *eks.Client, name string, in eks.UpdateClusterConfigInput) (*types.Update, error) {
	in.Name = aws.String(name)
	out, err := c.UpdateClusterConfig(context.Background(), &in)
	if err != nil {
		return nil, err
	}
	return out.Update, nil
}

// invalidParam asserts err is InvalidParameterException naming want.
func invalidParam(t *testing.T, what string, err error, want string) {
	t.Helper()
	var invalid *types.InvalidParameterException
	if !errors.As(err, &invalid) || !strings.Contains(invalid.ErrorMessage(), want) {
		t.Errorf("%s: %v, want InvalidParameterException naming %q", what, err, want)
	}
}

func TestEKSComponentConfigDefaultsAndCreate(t *testing.T) {
	_, c, _ := startEKS(t)
	plain := createCluster(t, c, "plain", "")
	if got := aws.ToString(plain.KubeControllerManagerConfig.HorizontalPodAutoscalerControllerConfig.HorizontalPodAutoscalerSyncPeriod); got != "15s" {
		t.Errorf("default HPA sync period %q", got)
	}
	if got := aws.ToInt32(plain.KubeControllerManagerConfig.PodGcControllerConfig.TerminatedPodGcThreshold); got != 12500 {
		t.Errorf("default terminated pod GC threshold %d", got)
	}
	st := plain.KubeSchedulerConfig.NodeResourcesFit.ScoringStrategy
	if st.Type != types.ScoringStrategyTypeLeastAllocated || len(st.Resources) != 2 || aws.ToString(st.Resources[0].Name) != "cpu" || aws.ToInt32(st.Resources[1].Weight) != 1 {
		t.Errorf("default scoring strategy %+v", st)
	}
	if api := plain.KubeApiServerConfig; aws.ToString(api.EventTtl) != "60m" || api.ServiceNodePortRange.MinPort != 30000 || api.ServiceNodePortRange.MaxPort != 32767 {
		t.Errorf("default API server config %+v %+v", api, api.ServiceNodePortRange)
	}

	ctx := context.Background()
	in := &eks.CreateClusterInput{
		Name: aws.String("tuned"), RoleArn: aws.String("arn:aws:iam::123456789012:role/eks"), Version: aws.String("1.33"),
		ResourcesVpcConfig:          &types.VpcConfigRequest{},
		ControlPlaneScalingConfig:   &types.ControlPlaneScalingConfig{Tier: types.ProvisionedControlPlaneTierTierXl},
		KubeControllerManagerConfig: hpaSync("10s"),
		KubeSchedulerConfig:         mostAllocated("nvidia.com/gpu", 100, "cpu", 10),
		KubeApiServerConfig:         &types.KubeApiServerConfigRequest{EventTtl: aws.String("15m"), ServiceNodePortRange: &types.ServiceNodePortRange{MinPort: 10260, MaxPort: 20000}},
	}
	out, err := c.CreateCluster(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	got := clusterOf(t, c, "tuned")
	if aws.ToString(got.KubeControllerManagerConfig.HorizontalPodAutoscalerControllerConfig.HorizontalPodAutoscalerSyncPeriod) != "10s" ||
		got.KubeSchedulerConfig.NodeResourcesFit.ScoringStrategy.Type != types.ScoringStrategyTypeMostAllocated ||
		aws.ToString(got.KubeSchedulerConfig.NodeResourcesFit.ScoringStrategy.Resources[0].Name) != "nvidia.com/gpu" ||
		aws.ToString(got.KubeApiServerConfig.EventTtl) != "15m" || got.KubeApiServerConfig.ServiceNodePortRange.MaxPort != 20000 ||
		aws.ToInt32(got.KubeControllerManagerConfig.PodGcControllerConfig.TerminatedPodGcThreshold) != 12500 {
		t.Errorf("created config: %+v %+v %+v", got.KubeControllerManagerConfig, got.KubeSchedulerConfig.NodeResourcesFit.ScoringStrategy, got.KubeApiServerConfig)
	}
	if aws.ToString(out.Cluster.KubeApiServerConfig.EventTtl) != "15m" {
		t.Error("CreateCluster's reply lacks the configuration")
	}

	// The tier rule at creation: the HPA sync period needs a provisioned tier.
	in.Name, in.ControlPlaneScalingConfig = aws.String("std"), nil
	_, err = c.CreateCluster(ctx, in)
	invalidParam(t, "10s on standard at creation", err, "horizontalPodAutoscalerSyncPeriod 10s requires a provisioned control plane tier")
	if _, err := c.DescribeCluster(ctx, &eks.DescribeClusterInput{Name: aws.String("std")}); err == nil {
		t.Error("a rejected create left a cluster")
	}
}

func TestEKSComponentConfigUpdateLifecycle(t *testing.T) {
	_, c, clock := startEKS(t)
	createCluster(t, c, "web", "")
	u, err := updateComponents(c, "web", eks.UpdateClusterConfigInput{KubeSchedulerConfig: mostAllocated("cpu", 3, "memory", 1)})
	if err != nil {
		t.Fatal(err)
	}
	if u.Type != types.UpdateTypeControlPlaneComponentConfigUpdate || u.Status != types.UpdateStatusInProgress || len(u.Params) != 1 || u.Params[0].Type != types.UpdateParamTypeKubeSchedulerConfig {
		t.Fatalf("update %+v params %+v", u, u.Params)
	}
	var sent map[string]any
	if err := json.Unmarshal([]byte(aws.ToString(u.Params[0].Value)), &sent); err != nil || !strings.Contains(aws.ToString(u.Params[0].Value), `"type":"MostAllocated"`) {
		t.Fatalf("param value %q is not the requested config as JSON: %v", aws.ToString(u.Params[0].Value), err)
	}
	if got := clusterOf(t, c, "web"); got.Status != types.ClusterStatusUpdating || got.KubeSchedulerConfig.NodeResourcesFit.ScoringStrategy.Type != types.ScoringStrategyTypeLeastAllocated {
		t.Fatalf("while in progress: %s %s", got.Status, got.KubeSchedulerConfig.NodeResourcesFit.ScoringStrategy.Type)
	}
	// Another update meanwhile is refused with 409, of either kind.
	var inUse *types.ResourceInUseException
	if _, err := updateComponents(c, "web", eks.UpdateClusterConfigInput{KubeApiServerConfig: &types.KubeApiServerConfigRequest{EventTtl: aws.String("30m")}}); !errors.As(err, &inUse) {
		t.Fatalf("second component update: %v, want ResourceInUseException", err)
	}
	if _, err := updateTier(c, "web", types.ProvisionedControlPlaneTierTierXl, ""); !errors.As(err, &inUse) {
		t.Fatalf("tier update during a component update: %v, want ResourceInUseException", err)
	}
	clock.Advance(time.Minute)
	if done := describeUpdate(t, c, "web", aws.ToString(u.Id)); done.Status != types.UpdateStatusSuccessful {
		t.Fatalf("after the delay: %s", done.Status)
	}
	got := clusterOf(t, c, "web")
	if got.Status != types.ClusterStatusActive || got.KubeSchedulerConfig.NodeResourcesFit.ScoringStrategy.Type != types.ScoringStrategyTypeMostAllocated ||
		aws.ToInt32(got.KubeSchedulerConfig.NodeResourcesFit.ScoringStrategy.Resources[0].Weight) != 3 {
		t.Fatalf("after success: %s %+v", got.Status, got.KubeSchedulerConfig.NodeResourcesFit.ScoringStrategy)
	}

	// Updates merge: changing the event TTL keeps the scheduler's setting.
	u2, err := updateComponents(c, "web", eks.UpdateClusterConfigInput{KubeApiServerConfig: &types.KubeApiServerConfigRequest{EventTtl: aws.String("30m")}})
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Minute)
	describeUpdate(t, c, "web", aws.ToString(u2.Id))
	got = clusterOf(t, c, "web")
	if aws.ToString(got.KubeApiServerConfig.EventTtl) != "30m" || got.KubeSchedulerConfig.NodeResourcesFit.ScoringStrategy.Type != types.ScoringStrategyTypeMostAllocated ||
		got.KubeApiServerConfig.ServiceNodePortRange.MinPort != 30000 {
		t.Fatalf("merge lost a setting: %+v %+v", got.KubeApiServerConfig, got.KubeSchedulerConfig.NodeResourcesFit.ScoringStrategy)
	}
	// Asking for what is already in force is no change.
	_, err = updateComponents(c, "web", eks.UpdateClusterConfigInput{KubeApiServerConfig: &types.KubeApiServerConfigRequest{EventTtl: aws.String("30m")}})
	invalidParam(t, "no-op update", err, "No changes needed")
}

func TestEKSComponentConfigTierRule(t *testing.T) {
	e, c, clock := startEKS(t)
	createCluster(t, c, "burst", "")
	_, err := updateComponents(c, "burst", eks.UpdateClusterConfigInput{KubeControllerManagerConfig: hpaSync("10s")})
	invalidParam(t, "10s HPA sync on standard", err, "kubeControllerManagerConfig.horizontalPodAutoscalerControllerConfig.horizontalPodAutoscalerSyncPeriod 10s requires a provisioned control plane tier")

	// One kind of change per call: tier and components together are refused.
	_, err = updateComponents(c, "burst", eks.UpdateClusterConfigInput{
		ControlPlaneScalingConfig: &types.ControlPlaneScalingConfig{Tier: types.ProvisionedControlPlaneTierTierXl}, KubeControllerManagerConfig: hpaSync("10s"),
	})
	invalidParam(t, "tier and components in one call", err, "Only one type of update")

	// Upgrade first, then the setting is accepted.
	up, err := updateTier(c, "burst", types.ProvisionedControlPlaneTierTierXl, "")
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Minute)
	describeUpdate(t, c, "burst", aws.ToString(up.Id))
	hpa, err := updateComponents(c, "burst", eks.UpdateClusterConfigInput{KubeControllerManagerConfig: hpaSync("10s")})
	if err != nil {
		t.Fatalf("10s on tier-xl: %v", err)
	}
	clock.Advance(time.Minute)
	describeUpdate(t, c, "burst", aws.ToString(hpa.Id))
	_, err = updateComponents(c, "burst", eks.UpdateClusterConfigInput{KubeControllerManagerConfig: hpaSync("9s")})
	invalidParam(t, "9s on tier-xl", err, "supported values are 10s to 15s")

	// The exit restriction: back to standard only after resetting to 15s.
	_, err = updateTier(c, "burst", types.ProvisionedControlPlaneTierStandard, "")
	invalidParam(t, "revert to standard with 10s", err, "horizontalPodAutoscalerSyncPeriod")
	if st, _ := e.EKS().Cluster("burst"); st.Tier != "tier-xl" {
		t.Fatalf("refused revert changed the tier to %s", st.Tier)
	}
	reset, err := updateComponents(c, "burst", eks.UpdateClusterConfigInput{KubeControllerManagerConfig: hpaSync("15s")})
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Minute)
	describeUpdate(t, c, "burst", aws.ToString(reset.Id))
	if _, err := updateTier(c, "burst", types.ProvisionedControlPlaneTierStandard, ""); err != nil {
		t.Fatalf("revert after reset: %v", err)
	}
}

func TestEKSComponentConfigValidation(t *testing.T) {
	_, c, _ := startEKS(t)
	createCluster(t, c, "v", types.ProvisionedControlPlaneTierTier2xl)
	for _, tc := range []struct {
		name string
		in   eks.UpdateClusterConfigInput
		want string
	}{
		{"HPA 16s", eks.UpdateClusterConfigInput{KubeControllerManagerConfig: hpaSync("16s")}, "horizontalPodAutoscalerSyncPeriod: supported values are 10s to 15s"},
		{"HPA two units", eks.UpdateClusterConfigInput{KubeControllerManagerConfig: hpaSync("1m10s")}, "single-unit duration"},
		{"pod GC 0", eks.UpdateClusterConfigInput{KubeControllerManagerConfig: &types.KubeControllerManagerConfigRequest{PodGcControllerConfig: &types.PodGcControllerConfigRequest{TerminatedPodGcThreshold: aws.Int32(0)}}}, "terminatedPodGcThreshold"},
		{"scoring RequestedToCapacityRatio", eks.UpdateClusterConfigInput{KubeSchedulerConfig: &types.KubeSchedulerConfigRequest{NodeResourcesFit: &types.NodeResourcesFitConfig{ScoringStrategy: &types.ScoringStrategy{Type: "RequestedToCapacityRatio"}}}}, "scoringStrategy.type"},
		{"unknown resource", eks.UpdateClusterConfigInput{KubeSchedulerConfig: mostAllocated("ephemeral-storage", 1)}, `"ephemeral-storage"`},
		{"weight 0", eks.UpdateClusterConfigInput{KubeSchedulerConfig: mostAllocated("cpu", 0)}, "supported weights are 1 to 100"},
		{"weight 101", eks.UpdateClusterConfigInput{KubeSchedulerConfig: mostAllocated("cpu", 101)}, "supported weights are 1 to 100"},
		{"duplicate resource", eks.UpdateClusterConfigInput{KubeSchedulerConfig: mostAllocated("cpu", 1, "cpu", 2)}, "Duplicate resource"},
		{"event TTL 5m", eks.UpdateClusterConfigInput{KubeApiServerConfig: &types.KubeApiServerConfigRequest{EventTtl: aws.String("5m")}}, "eventTtl: supported values are 10m to 60m"},
		{"event TTL 2h", eks.UpdateClusterConfigInput{KubeApiServerConfig: &types.KubeApiServerConfigRequest{EventTtl: aws.String("2h")}}, "eventTtl"},
		{"node port 8080", eks.UpdateClusterConfigInput{KubeApiServerConfig: &types.KubeApiServerConfigRequest{ServiceNodePortRange: &types.ServiceNodePortRange{MinPort: 8080, MaxPort: 30000}}}, "between 10260 and 32767"},
		{"node port min > max", eks.UpdateClusterConfigInput{KubeApiServerConfig: &types.KubeApiServerConfigRequest{ServiceNodePortRange: &types.ServiceNodePortRange{MinPort: 31000, MaxPort: 30000}}}, "minPort must be less than or equal to maxPort"},
	} {
		_, err := updateComponents(c, "v", tc.in)
		invalidParam(t, tc.name, err, tc.want)
	}
}

func TestEKSComponentConfigFailedUpdateKeepsConfig(t *testing.T) {
	e, c, clock := startEKS(t)
	createCluster(t, c, "f", "")
	e.EKS().FailNextUpdate("f", "injected")
	u, err := updateComponents(c, "f", eks.UpdateClusterConfigInput{KubeApiServerConfig: &types.KubeApiServerConfigRequest{EventTtl: aws.String("20m")}})
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Minute)
	if got := describeUpdate(t, c, "f", aws.ToString(u.Id)); got.Status != types.UpdateStatusFailed {
		t.Fatalf("status %s", got.Status)
	}
	if ttl := aws.ToString(clusterOf(t, c, "f").KubeApiServerConfig.EventTtl); ttl != "60m" {
		t.Fatalf("a failed update changed eventTtl to %s", ttl)
	}
}

func TestEKSDescribeClusterVersionsComponentConfig(t *testing.T) {
	_, c, _ := startEKS(t)
	out, err := c.DescribeClusterVersions(context.Background(), &eks.DescribeClusterVersionsInput{IncludeAll: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, v := range out.ClusterVersions {
		cfg := v.ControlPlaneComponentConfig
		if aws.ToString(v.ClusterVersion) == "1.30" {
			if cfg != nil {
				t.Error("1.30 reports a component configuration; it starts at 1.31")
			}
			continue
		}
		seen++
		hpa := cfg.KubeControllerManagerConfig.HorizontalPodAutoscalerControllerConfig.HorizontalPodAutoscalerSyncPeriod
		ttl := cfg.KubeApiServerConfig.EventTtl
		ports := cfg.KubeApiServerConfig.ServiceNodePortRange
		scoring := cfg.KubeSchedulerConfig.NodeResourcesFit.ScoringStrategy
		gc := cfg.KubeControllerManagerConfig.PodGcControllerConfig.TerminatedPodGcThreshold
		if aws.ToString(hpa.DefaultValue) != "15s" || aws.ToString(hpa.Constraints.Min) != "15s" || aws.ToString(hpa.Constraints.Max) != "15s" ||
			aws.ToString(ttl.DefaultValue) != "60m" || aws.ToString(ttl.Constraints.Min) != "10m" || aws.ToString(ttl.Constraints.Max) != "60m" ||
			ports.DefaultValue.MinPort != 30000 || aws.ToInt32(ports.Constraints.MinPort.Min) != 10260 || aws.ToInt32(ports.Constraints.MaxPort.Max) != 32767 ||
			strings.Join(scoring.Constraints.ScoringStrategy.AllowedValues, ",") != "LeastAllocated,MostAllocated" ||
			len(scoring.Constraints.Resources.Name.AllowedValues) != 5 || aws.ToInt32(scoring.Constraints.Resources.Weight.Max) != 100 ||
			scoring.DefaultValue.Type != types.ScoringStrategyTypeLeastAllocated || aws.ToInt32(gc.Constraints.Max) != 1000000 {
			t.Errorf("%s: controlPlaneComponentConfig %+v", aws.ToString(v.ClusterVersion), cfg)
		}
		for _, tier := range v.ControlPlaneScalingTiers {
			o := tier.ControlPlaneComponentConfigOverrides
			if aws.ToString(tier.TierName) == "standard" {
				if o != nil {
					t.Errorf("standard has overrides %+v", o)
				}
				continue
			}
			c := o.KubeControllerManagerConfig.HorizontalPodAutoscalerControllerConfig.HorizontalPodAutoscalerSyncPeriod.Constraints
			if aws.ToString(c.Min) != "10s" || aws.ToString(c.Max) != "15s" {
				t.Errorf("%s %s: HPA sync period override %+v", aws.ToString(v.ClusterVersion), aws.ToString(tier.TierName), c)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no version reported")
	}
}
