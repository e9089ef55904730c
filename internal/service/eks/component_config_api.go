package eks

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	awstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"

	cc "github.com/scalingkit/terraform-provider-scaling/internal/core/model/componentconfig"
	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

// The advanced control-plane configuration in the API's shapes: the
// cluster's settings (DescribeCluster reports every one, defaults
// included), a version's limits with a tier's overrides
// (DescribeClusterVersions), and the UpdateClusterConfig members.

// clusterConfig is the configuration a cluster reports.
func clusterConfig(c *awstypes.Cluster) cc.Config {
	var out cc.Config
	if m := c.KubeControllerManagerConfig; m != nil {
		if h := m.HorizontalPodAutoscalerControllerConfig; h != nil {
			out.HPASyncPeriod = h.HorizontalPodAutoscalerSyncPeriod
		}
		if g := m.PodGcControllerConfig; g != nil && g.TerminatedPodGcThreshold != nil {
			out.TerminatedPodGCThreshold = aws.Int64(int64(*g.TerminatedPodGcThreshold))
		}
	}
	if s := c.KubeSchedulerConfig; s != nil && s.NodeResourcesFit != nil && s.NodeResourcesFit.ScoringStrategy != nil {
		st := s.NodeResourcesFit.ScoringStrategy
		if st.Type != "" {
			out.ScoringStrategy = aws.String(string(st.Type))
		}
		if st.Resources != nil {
			out.ResourceWeights = map[string]int64{}
			for _, r := range st.Resources {
				out.ResourceWeights[aws.ToString(r.Name)] = int64(aws.ToInt32(r.Weight))
			}
		}
	}
	if a := c.KubeApiServerConfig; a != nil {
		out.EventTTL = a.EventTtl
		if r := a.ServiceNodePortRange; r != nil {
			out.NodePortRange = &cc.PortRange{Min: int64(r.MinPort), Max: int64(r.MaxPort)}
		}
	}
	return out
}

// componentLimits are what version allows on tier, from the API: the
// version's controlPlaneComponentConfig with the tier's
// controlPlaneComponentConfigOverrides over it. With no configuration for
// the version, Supported is false.
func componentLimits(v *awstypes.ClusterVersionInformation, tier string) cc.Limits {
	version := aws.ToString(v.ClusterVersion)
	l := cc.Limits{Version: version, Tier: tier, Source: "DescribeClusterVersions"}
	if v.ControlPlaneComponentConfig == nil {
		return l
	}
	l.Supported = true
	applyComponentInfo(&l, v.ControlPlaneComponentConfig)
	for _, t := range v.ControlPlaneScalingTiers {
		if aws.ToString(t.TierName) == tier && t.ControlPlaneComponentConfigOverrides != nil {
			applyComponentInfo(&l, t.ControlPlaneComponentConfigOverrides)
		}
	}
	return l
}

// applyComponentInfo sets the limits info describes over l.
func applyComponentInfo(l *cc.Limits, info *awstypes.ControlPlaneConfigInfo) {
	if m := info.KubeControllerManagerConfig; m != nil {
		if h := m.HorizontalPodAutoscalerControllerConfig; h != nil && h.HorizontalPodAutoscalerSyncPeriod != nil {
			l.HPASyncPeriod = durationLimit(h.HorizontalPodAutoscalerSyncPeriod, l.HPASyncPeriod)
		}
		if g := m.PodGcControllerConfig; g != nil && g.TerminatedPodGcThreshold != nil {
			p := g.TerminatedPodGcThreshold
			lim := cc.IntLimit{}
			if l.TerminatedPodGCThreshold != nil {
				lim = *l.TerminatedPodGCThreshold
			}
			if p.DefaultValue != nil {
				lim.Default = int64(*p.DefaultValue)
			}
			if c := p.Constraints; c != nil {
				lim.Min, lim.Max = int64OrKeep(c.Min, lim.Min), int64OrKeep(c.Max, lim.Max)
			}
			l.TerminatedPodGCThreshold = &lim
		}
	}
	if s := info.KubeSchedulerConfig; s != nil && s.NodeResourcesFit != nil && s.NodeResourcesFit.ScoringStrategy != nil {
		p := s.NodeResourcesFit.ScoringStrategy
		lim := cc.ScoringLimit{}
		if l.Scoring != nil {
			lim = *l.Scoring
		}
		if d := p.DefaultValue; d != nil {
			lim.DefaultStrategy = string(d.Type)
			if d.Resources != nil {
				lim.DefaultWeights = map[string]int64{}
				for _, r := range d.Resources {
					lim.DefaultWeights[aws.ToString(r.Name)] = int64(aws.ToInt32(r.Weight))
				}
			}
		}
		if c := p.Constraints; c != nil {
			if c.ScoringStrategy != nil {
				lim.Strategies = slices.Clone(c.ScoringStrategy.AllowedValues)
			}
			if r := c.Resources; r != nil {
				if r.Name != nil {
					lim.Resources = slices.Clone(r.Name.AllowedValues)
				}
				if r.Weight != nil {
					lim.MinWeight, lim.MaxWeight = int64OrKeep(r.Weight.Min, lim.MinWeight), int64OrKeep(r.Weight.Max, lim.MaxWeight)
				}
			}
		}
		l.Scoring = &lim
	}
	if a := info.KubeApiServerConfig; a != nil {
		if a.EventTtl != nil {
			l.EventTTL = durationLimit(a.EventTtl, l.EventTTL)
		}
		if p := a.ServiceNodePortRange; p != nil {
			lim := cc.PortRangeLimit{}
			if l.NodePortRange != nil {
				lim = *l.NodePortRange
			}
			if d := p.DefaultValue; d != nil {
				lim.Default = cc.PortRange{Min: int64(d.MinPort), Max: int64(d.MaxPort)}
			}
			if c := p.Constraints; c != nil {
				if c.MinPort != nil {
					lim.MinPort = cc.IntLimit{Min: int64OrKeep(c.MinPort.Min, lim.MinPort.Min), Max: int64OrKeep(c.MinPort.Max, lim.MinPort.Max)}
				}
				if c.MaxPort != nil {
					lim.MaxPort = cc.IntLimit{Min: int64OrKeep(c.MaxPort.Min, lim.MaxPort.Min), Max: int64OrKeep(c.MaxPort.Max, lim.MaxPort.Max)}
				}
			}
			l.NodePortRange = &lim
		}
	}
}

func durationLimit(p *awstypes.DurationParameterConfig, base *cc.DurationLimit) *cc.DurationLimit {
	lim := cc.DurationLimit{}
	if base != nil {
		lim = *base
	}
	if p.DefaultValue != nil {
		lim.Default = *p.DefaultValue
	}
	if c := p.Constraints; c != nil {
		lim.Min, lim.Max = aws.ToString(c.Min), aws.ToString(c.Max)
		if c.Min == nil && base != nil {
			lim.Min = base.Min
		}
		if c.Max == nil && base != nil {
			lim.Max = base.Max
		}
	}
	return &lim
}

func int64OrKeep(v *int32, keep int64) int64 {
	if v == nil {
		return keep
	}
	return int64(*v)
}

// componentUpdateInput is the UpdateClusterConfig request that makes the
// changes. EKS merges an update into the configuration in force; a
// scoring strategy is sent whole (type and weights), with the cluster's
// current value for the part that does not change.
func componentUpdateInput(cluster string, changes, actual cc.Config) *eks.UpdateClusterConfigInput {
	in := &eks.UpdateClusterConfigInput{Name: aws.String(cluster), ClientRequestToken: aws.String(newToken())}
	if changes.HPASyncPeriod != nil || changes.TerminatedPodGCThreshold != nil {
		m := &awstypes.KubeControllerManagerConfigRequest{}
		if changes.HPASyncPeriod != nil {
			m.HorizontalPodAutoscalerControllerConfig = &awstypes.HorizontalPodAutoscalerControllerConfigRequest{HorizontalPodAutoscalerSyncPeriod: changes.HPASyncPeriod}
		}
		if changes.TerminatedPodGCThreshold != nil {
			m.PodGcControllerConfig = &awstypes.PodGcControllerConfigRequest{TerminatedPodGcThreshold: aws.Int32(int32(*changes.TerminatedPodGCThreshold))}
		}
		in.KubeControllerManagerConfig = m
	}
	if changes.ScoringStrategy != nil || changes.ResourceWeights != nil {
		whole := actual.Overlay(changes)
		st := &awstypes.ScoringStrategy{}
		if whole.ScoringStrategy != nil {
			st.Type = awstypes.ScoringStrategyType(*whole.ScoringStrategy)
		}
		for _, name := range slices.Sorted(maps.Keys(whole.ResourceWeights)) {
			st.Resources = append(st.Resources, awstypes.ResourceWeight{Name: aws.String(name), Weight: aws.Int32(int32(whole.ResourceWeights[name]))})
		}
		in.KubeSchedulerConfig = &awstypes.KubeSchedulerConfigRequest{NodeResourcesFit: &awstypes.NodeResourcesFitConfig{ScoringStrategy: st}}
	}
	if changes.EventTTL != nil || changes.NodePortRange != nil {
		a := &awstypes.KubeApiServerConfigRequest{EventTtl: changes.EventTTL}
		if r := changes.NodePortRange; r != nil {
			a.ServiceNodePortRange = &awstypes.ServiceNodePortRange{MinPort: int32(r.Min), MaxPort: int32(r.Max)}
		}
		in.KubeApiServerConfig = a
	}
	return in
}

// componentChange is the outcome of setComponentConfig.
type componentChange struct {
	// Update is the update started (or adopted); nil when nothing changed.
	Update *awstypes.Update
}

func (c componentChange) inProgress() bool {
	return c.Update != nil && c.Update.Status == awstypes.UpdateStatusInProgress
}

// setComponentConfig makes the cluster's settings match want (the
// settings it sets) and waits for the update: an update in progress is
// waited out first, the cluster re-read, and only the settings that still
// differ are sent, so a re-run after an interrupted apply makes no second
// update. 409 ResourceInUseException is waited out the same way.
func setComponentConfig(ctx context.Context, conn *eks.Client, cluster string, want cc.Config) (componentChange, error) {
	var change componentChange
	if want.Empty() {
		return change, nil
	}
	var waited []*awstypes.Update
	c, err := findCluster(ctx, conn, cluster)
	for {
		if err != nil {
			return change, err
		}
		if c.Status == awstypes.ClusterStatusUpdating {
			done, err := waitNoUpdateInProgress(ctx, conn, cluster)
			waited = append(waited, done...)
			if err != nil {
				return change, fmt.Errorf("waiting for the update in progress on EKS cluster %q: %w", cluster, err)
			}
			if c, err = findCluster(ctx, conn, cluster); err != nil {
				return change, err
			}
		}
		actual := clusterConfig(c)
		changes := cc.Changes(want, actual)
		if changes.Empty() {
			change.Update = lastUpdateOfType(waited, awstypes.UpdateTypeControlPlaneComponentConfigUpdate)
			return change, nil
		}
		out, uerr := conn.UpdateClusterConfig(ctx, componentUpdateInput(cluster, changes, actual))
		if tfresource.IsA[*awstypes.ResourceInUseException](uerr) {
			done, werr := waitNoUpdateInProgress(ctx, conn, cluster)
			waited = append(waited, done...)
			if werr != nil {
				return change, fmt.Errorf("waiting for the update already in progress on EKS cluster %q: %w", cluster, werr)
			}
			c, err = findCluster(ctx, conn, cluster)
			continue
		}
		if uerr != nil {
			return change, fmt.Errorf("changing the control-plane configuration of EKS cluster %q (%s): %w", cluster, describeConfig(changes), uerr)
		}
		change.Update = out.Update
		u, err := waitUpdateDone(ctx, conn, cluster, aws.ToString(out.Update.Id))
		if u != nil {
			change.Update = u
		}
		return change, err
	}
}

// lastUpdateOfType is the last successful update of typ among updates.
func lastUpdateOfType(updates []*awstypes.Update, typ awstypes.UpdateType) *awstypes.Update {
	for i := len(updates) - 1; i >= 0; i-- {
		if updates[i].Type == typ && updates[i].Status == awstypes.UpdateStatusSuccessful {
			return updates[i]
		}
	}
	return nil
}

// interruptedComponentChange completes an interrupted setComponentConfig
// as interruptedTierChange does: a component update still in progress is
// taken as the one the lost or canceled call started. ctx must outlive the
// interruption.
func interruptedComponentChange(ctx context.Context, conn *eks.Client, cluster string, change componentChange) componentChange {
	if change.Update != nil {
		return change
	}
	running, err := findInProgressUpdates(ctx, conn, cluster)
	if err != nil {
		return change
	}
	for _, u := range running {
		if u.Type == awstypes.UpdateTypeControlPlaneComponentConfigUpdate {
			change.Update = u
		}
	}
	return change
}
