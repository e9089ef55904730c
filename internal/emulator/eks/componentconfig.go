package eks

import (
	"fmt"
	"regexp"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// Advanced control-plane configuration: kubeControllerManagerConfig,
// kubeSchedulerConfig and kubeApiServerConfig on CreateCluster and
// UpdateClusterConfig, their defaults and constraints in
// DescribeClusterVersions, and updates of type
// ControlPlaneComponentConfigUpdate.
//
// Source: the EKS user guide, "Advanced Kubernetes control plane
// configuration" (docs.aws.amazon.com/eks/latest/userguide/control-plane-configuration.html,
// awsdocs/amazon-eks-user-guide latest/ug/clusters/control-plane-configuration.adoc
// at 2db60f8), and the EKS API reference (PodGcControllerConfigRequest):
//
//	parameter                              supported               default           needs a provisioned tier
//	nodeResourcesFit.scoringStrategy.type  LeastAllocated, MostAllocated  LeastAllocated  no
//	  .resources (name, weight)            cpu, memory, nvidia.com/gpu, aws.amazon.com/neuron,
//	                                       aws.amazon.com/neuroncore; weight 1-100  cpu:1, memory:1
//	horizontalPodAutoscalerSyncPeriod      10s-15s                 15s               yes
//	terminatedPodGcThreshold               1-1000000 (API)         12500 (upstream kube-controller-manager; not in the guide)
//	eventTtl                               10m-60m                 60m               no
//	serviceNodePortRange min/max           10260-32767, min <= max 30000-32767       no
//
// Rules from the guide: Kubernetes 1.31 or later; updates merge (omitted
// fields keep their values); DescribeCluster shows the whole configuration
// with defaults; a cluster whose HPA sync period is not 15s cannot go back
// to standard. How the tier rule shows in DescribeClusterVersions is the
// emulator's reading of the API shapes: the version's
// controlPlaneComponentConfig gives what any tier may set (the HPA sync
// period only 15s), and each provisioned tier's
// controlPlaneComponentConfigOverrides widens it to 10s-15s.

// minComponentConfigVersion is the first Kubernetes version with it.
const minComponentConfigVersion = "1.31"

// componentConfig is a cluster's effective configuration.
type componentConfig struct {
	HPASyncPeriod            string
	TerminatedPodGCThreshold int32
	ScoringType              types.ScoringStrategyType
	ScoringResources         []types.ResourceWeight
	EventTTL                 string
	NodePortMin, NodePortMax int32
}

type durationRange struct{ Default, Min, Max string }

type intRange struct{ Default, Min, Max int32 }

// componentLimits are the defaults and constraints of one version and tier.
type componentLimits struct {
	HPASyncPeriod            durationRange
	TerminatedPodGCThreshold intRange
	ScoringTypes             []string
	ScoringResources         []string
	ScoringWeight            intRange
	EventTTL                 durationRange
	NodePort                 intRange // Default is the range's min; its max defaults to NodePort.Max
}

// versionLimits hold for every version from 1.31 on, on any tier.
var versionLimits = componentLimits{
	HPASyncPeriod:            durationRange{"15s", "15s", "15s"},
	TerminatedPodGCThreshold: intRange{12500, 1, 1000000},
	ScoringTypes:             []string{string(types.ScoringStrategyTypeLeastAllocated), string(types.ScoringStrategyTypeMostAllocated)},
	ScoringResources:         []string{"cpu", "memory", "nvidia.com/gpu", "aws.amazon.com/neuron", "aws.amazon.com/neuroncore"},
	ScoringWeight:            intRange{1, 1, 100},
	EventTTL:                 durationRange{"60m", "10m", "60m"},
	NodePort:                 intRange{30000, 10260, 32767},
}

// provisionedHPASyncPeriod is what provisioned tiers allow instead.
var provisionedHPASyncPeriod = durationRange{"15s", "10s", "15s"}

// limitsFor is what a cluster on tier may set.
func limitsFor(tier string) componentLimits {
	l := versionLimits
	if tier != tierStandard {
		l.HPASyncPeriod = provisionedHPASyncPeriod
	}
	return l
}

func defaultComponentConfig() componentConfig {
	l := versionLimits
	return componentConfig{
		HPASyncPeriod:            l.HPASyncPeriod.Default,
		TerminatedPodGCThreshold: l.TerminatedPodGCThreshold.Default,
		ScoringType:              types.ScoringStrategyTypeLeastAllocated,
		ScoringResources:         []types.ResourceWeight{{Name: aws.String("cpu"), Weight: aws.Int32(1)}, {Name: aws.String("memory"), Weight: aws.Int32(1)}},
		EventTTL:                 l.EventTTL.Default,
		NodePortMin:              l.NodePort.Default,
		NodePortMax:              l.NodePort.Max,
	}
}

// componentRequest is the three request members of CreateCluster and
// UpdateClusterConfig.
type componentRequest struct {
	ControllerManager *types.KubeControllerManagerConfigRequest
	Scheduler         *types.KubeSchedulerConfigRequest
	APIServer         *types.KubeApiServerConfigRequest
}

func (r componentRequest) empty() bool {
	return r.ControllerManager == nil && r.Scheduler == nil && r.APIServer == nil
}

// merge applies the request's fields over c; omitted fields keep their
// values.
func (c componentConfig) merge(r componentRequest) componentConfig {
	out := c
	out.ScoringResources = slices.Clone(c.ScoringResources)
	if m := r.ControllerManager; m != nil {
		if m.HorizontalPodAutoscalerControllerConfig != nil && m.HorizontalPodAutoscalerControllerConfig.HorizontalPodAutoscalerSyncPeriod != nil {
			out.HPASyncPeriod = *m.HorizontalPodAutoscalerControllerConfig.HorizontalPodAutoscalerSyncPeriod
		}
		if m.PodGcControllerConfig != nil && m.PodGcControllerConfig.TerminatedPodGcThreshold != nil {
			out.TerminatedPodGCThreshold = *m.PodGcControllerConfig.TerminatedPodGcThreshold
		}
	}
	if s := r.Scheduler; s != nil && s.NodeResourcesFit != nil && s.NodeResourcesFit.ScoringStrategy != nil {
		st := s.NodeResourcesFit.ScoringStrategy
		if st.Type != "" {
			out.ScoringType = st.Type
		}
		if st.Resources != nil {
			out.ScoringResources = slices.Clone(st.Resources)
		}
	}
	if a := r.APIServer; a != nil {
		if a.EventTtl != nil {
			out.EventTTL = *a.EventTtl
		}
		if a.ServiceNodePortRange != nil {
			out.NodePortMin, out.NodePortMax = a.ServiceNodePortRange.MinPort, a.ServiceNodePortRange.MaxPort
		}
	}
	return out
}

// Parameter paths, as error messages name them.
const (
	paramHPASyncPeriod = "kubeControllerManagerConfig.horizontalPodAutoscalerControllerConfig.horizontalPodAutoscalerSyncPeriod"
	paramPodGC         = "kubeControllerManagerConfig.podGcControllerConfig.terminatedPodGcThreshold"
	paramScoringType   = "kubeSchedulerConfig.nodeResourcesFit.scoringStrategy.type"
	paramScoringRes    = "kubeSchedulerConfig.nodeResourcesFit.scoringStrategy.resources"
	paramEventTTL      = "kubeApiServerConfig.eventTtl"
	paramNodePortRange = "kubeApiServerConfig.serviceNodePortRange"
)

// singleUnitDuration is the API's duration form: one number, one unit.
var singleUnitDuration = regexp.MustCompile(`^[0-9]+(s|m|h)$`)

func parseDuration(param, v string) (time.Duration, *server.APIError) {
	d, err := time.ParseDuration(v)
	if !singleUnitDuration.MatchString(v) || err != nil {
		return 0, errInvalidParameter(fmt.Sprintf("Invalid value %q for %s: use a single-unit duration such as 15s or 30m.", v, param))
	}
	return d, nil
}

// inRange reports whether duration v lies within r.
func (r durationRange) contains(v time.Duration) bool {
	lo, _ := time.ParseDuration(r.Min)
	hi, _ := time.ParseDuration(r.Max)
	return v >= lo && v <= hi
}

// check validates c against what tier allows; the error names the
// parameter, and for a value only a provisioned tier allows, says so.
func (c componentConfig) check(tier string) *server.APIError {
	l := limitsFor(tier)
	hpa, aerr := parseDuration(paramHPASyncPeriod, c.HPASyncPeriod)
	if aerr != nil {
		return aerr
	}
	if !l.HPASyncPeriod.contains(hpa) {
		if tier == tierStandard && provisionedHPASyncPeriod.contains(hpa) {
			return errInvalidParameter(fmt.Sprintf("%s %s requires a provisioned control plane tier; the cluster's tier is %s, where only %s is allowed. Move the cluster to a provisioned tier (tier-xl or larger) first.",
				paramHPASyncPeriod, c.HPASyncPeriod, tier, l.HPASyncPeriod.Default))
		}
		return errInvalidParameter(fmt.Sprintf("Invalid value %s for %s: supported values are %s to %s.", c.HPASyncPeriod, paramHPASyncPeriod, l.HPASyncPeriod.Min, l.HPASyncPeriod.Max))
	}
	if r := l.TerminatedPodGCThreshold; c.TerminatedPodGCThreshold < r.Min || c.TerminatedPodGCThreshold > r.Max {
		return errInvalidParameter(fmt.Sprintf("Invalid value %d for %s: supported values are %d to %d.", c.TerminatedPodGCThreshold, paramPodGC, r.Min, r.Max))
	}
	if !slices.Contains(l.ScoringTypes, string(c.ScoringType)) {
		return errInvalidParameter(fmt.Sprintf("Invalid value %q for %s: supported values are %v.", c.ScoringType, paramScoringType, l.ScoringTypes))
	}
	seen := map[string]bool{}
	for _, rw := range c.ScoringResources {
		name, weight := aws.ToString(rw.Name), aws.ToInt32(rw.Weight)
		switch {
		case !slices.Contains(l.ScoringResources, name):
			return errInvalidParameter(fmt.Sprintf("Invalid resource name %q in %s: supported names are %v.", name, paramScoringRes, l.ScoringResources))
		case seen[name]:
			return errInvalidParameter(fmt.Sprintf("Duplicate resource name %q in %s.", name, paramScoringRes))
		case rw.Weight == nil || weight < l.ScoringWeight.Min || weight > l.ScoringWeight.Max:
			return errInvalidParameter(fmt.Sprintf("Invalid weight %d for resource %q in %s: supported weights are %d to %d.", weight, name, paramScoringRes, l.ScoringWeight.Min, l.ScoringWeight.Max))
		}
		seen[name] = true
	}
	if len(c.ScoringResources) == 0 {
		return errInvalidParameter(paramScoringRes + " must list at least one resource.")
	}
	ttl, aerr := parseDuration(paramEventTTL, c.EventTTL)
	if aerr != nil {
		return aerr
	}
	if !l.EventTTL.contains(ttl) {
		return errInvalidParameter(fmt.Sprintf("Invalid value %s for %s: supported values are %s to %s.", c.EventTTL, paramEventTTL, l.EventTTL.Min, l.EventTTL.Max))
	}
	p := l.NodePort
	switch {
	case c.NodePortMin < p.Min || c.NodePortMin > p.Max || c.NodePortMax < p.Min || c.NodePortMax > p.Max:
		return errInvalidParameter(fmt.Sprintf("Invalid %s %d-%d: minPort and maxPort must be between %d and %d.", paramNodePortRange, c.NodePortMin, c.NodePortMax, p.Min, p.Max))
	case c.NodePortMin > c.NodePortMax:
		return errInvalidParameter(fmt.Sprintf("Invalid %s %d-%d: minPort must be less than or equal to maxPort.", paramNodePortRange, c.NodePortMin, c.NodePortMax))
	}
	return nil
}

// equal compares two configurations by value (durations by length).
func (c componentConfig) equal(o componentConfig) bool {
	same := func(a, b string) bool {
		da, ea := time.ParseDuration(a)
		db, eb := time.ParseDuration(b)
		return a == b || (ea == nil && eb == nil && da == db)
	}
	return same(c.HPASyncPeriod, o.HPASyncPeriod) && c.TerminatedPodGCThreshold == o.TerminatedPodGCThreshold &&
		c.ScoringType == o.ScoringType && slices.EqualFunc(c.ScoringResources, o.ScoringResources, func(a, b types.ResourceWeight) bool {
		return aws.ToString(a.Name) == aws.ToString(b.Name) && aws.ToInt32(a.Weight) == aws.ToInt32(b.Weight)
	}) && same(c.EventTTL, o.EventTTL) && c.NodePortMin == o.NodePortMin && c.NodePortMax == o.NodePortMax
}

// Shapes of DescribeCluster.

func (c componentConfig) controllerManager() *types.KubeControllerManagerConfigResponse {
	return &types.KubeControllerManagerConfigResponse{
		HorizontalPodAutoscalerControllerConfig: &types.HorizontalPodAutoscalerControllerConfigResponse{HorizontalPodAutoscalerSyncPeriod: aws.String(c.HPASyncPeriod)},
		PodGcControllerConfig:                   &types.PodGcControllerConfigResponse{TerminatedPodGcThreshold: aws.Int32(c.TerminatedPodGCThreshold)},
	}
}

func (c componentConfig) scheduler() *types.KubeSchedulerConfigResponse {
	return &types.KubeSchedulerConfigResponse{NodeResourcesFit: &types.NodeResourcesFitConfig{
		ScoringStrategy: &types.ScoringStrategy{Type: c.ScoringType, Resources: slices.Clone(c.ScoringResources)},
	}}
}

func (c componentConfig) apiServer() *types.KubeApiServerConfigResponse {
	return &types.KubeApiServerConfigResponse{
		EventTtl:             aws.String(c.EventTTL),
		ServiceNodePortRange: &types.ServiceNodePortRange{MinPort: c.NodePortMin, MaxPort: c.NodePortMax},
	}
}

// Shapes of DescribeClusterVersions.

func durationConfig(r durationRange) *types.DurationParameterConfig {
	return &types.DurationParameterConfig{DefaultValue: aws.String(r.Default), Constraints: &types.DurationConstraints{Min: aws.String(r.Min), Max: aws.String(r.Max)}}
}

// versionComponentInfo is a version's controlPlaneComponentConfig.
func versionComponentInfo() *types.ControlPlaneConfigInfo {
	l, d := versionLimits, defaultComponentConfig()
	return &types.ControlPlaneConfigInfo{
		KubeControllerManagerConfig: &types.KubeControllerManagerVersionConfig{
			HorizontalPodAutoscalerControllerConfig: &types.HorizontalPodAutoscalerControllerVersionConfig{HorizontalPodAutoscalerSyncPeriod: durationConfig(l.HPASyncPeriod)},
			PodGcControllerConfig: &types.PodGcControllerVersionConfig{TerminatedPodGcThreshold: &types.IntegerParameterConfig{
				DefaultValue: aws.Int32(l.TerminatedPodGCThreshold.Default),
				Constraints:  &types.IntegerConstraints{Min: aws.Int32(l.TerminatedPodGCThreshold.Min), Max: aws.Int32(l.TerminatedPodGCThreshold.Max)},
			}},
		},
		KubeSchedulerConfig: &types.KubeSchedulerVersionConfig{NodeResourcesFit: &types.NodeResourcesFitVersionConfig{ScoringStrategy: &types.ScoringStrategyConfig{
			DefaultValue: &types.ScoringStrategy{Type: d.ScoringType, Resources: d.ScoringResources},
			Constraints: &types.ScoringStrategyConstraints{
				ScoringStrategy: &types.AllowedValuesConstraint{AllowedValues: l.ScoringTypes},
				Resources: &types.ResourceConstraints{
					Name:   &types.AllowedValuesConstraint{AllowedValues: l.ScoringResources},
					Weight: &types.IntegerRangeConstraint{Min: aws.Int32(l.ScoringWeight.Min), Max: aws.Int32(l.ScoringWeight.Max)},
				},
			},
		}}},
		KubeApiServerConfig: &types.KubeApiServerVersionConfig{
			EventTtl: durationConfig(l.EventTTL),
			ServiceNodePortRange: &types.PortRangeParameterConfig{
				DefaultValue: &types.ServiceNodePortRange{MinPort: d.NodePortMin, MaxPort: d.NodePortMax},
				Constraints: &types.PortRangeConstraints{
					MinPort: &types.IntegerRangeConstraint{Min: aws.Int32(l.NodePort.Min), Max: aws.Int32(l.NodePort.Max)},
					MaxPort: &types.IntegerRangeConstraint{Min: aws.Int32(l.NodePort.Min), Max: aws.Int32(l.NodePort.Max)},
				},
			},
		},
	}
}

// tierComponentOverrides is a tier's controlPlaneComponentConfigOverrides:
// only provisioned tiers override (the HPA sync period).
func tierComponentOverrides(tier string) *types.ControlPlaneConfigInfo {
	if tier == tierStandard {
		return nil
	}
	return &types.ControlPlaneConfigInfo{KubeControllerManagerConfig: &types.KubeControllerManagerVersionConfig{
		HorizontalPodAutoscalerControllerConfig: &types.HorizontalPodAutoscalerControllerVersionConfig{HorizontalPodAutoscalerSyncPeriod: durationConfig(provisionedHPASyncPeriod)},
	}}
}

// componentParams are the params of a ControlPlaneComponentConfigUpdate:
// one per component the request changes, its value the requested
// configuration as JSON.
func componentParams(r componentRequest) []types.UpdateParam {
	var out []types.UpdateParam
	if r.APIServer != nil {
		out = append(out, types.UpdateParam{Type: types.UpdateParamTypeKubeApiServerConfig, Value: aws.String(server.WireJSON(r.APIServer))})
	}
	if r.Scheduler != nil {
		out = append(out, types.UpdateParam{Type: types.UpdateParamTypeKubeSchedulerConfig, Value: aws.String(server.WireJSON(r.Scheduler))})
	}
	if r.ControllerManager != nil {
		out = append(out, types.UpdateParam{Type: types.UpdateParamTypeKubeControllerManagerConfig, Value: aws.String(server.WireJSON(r.ControllerManager))})
	}
	return out
}
