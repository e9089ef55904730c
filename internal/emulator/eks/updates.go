package eks

import (
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// update is one cluster update. Its status is settled lazily against the
// emulator's clock: InProgress until DoneAt, then Successful (apply changes
// the cluster) or Failed (it does not).
type update struct {
	ID        string
	Cluster   string
	Type      types.UpdateType
	Status    types.UpdateStatus
	Params    []types.UpdateParam
	CreatedAt time.Time
	DoneAt    time.Time
	Token     string
	// apply makes the change on the cluster when the update succeeds.
	apply func(*cluster)
	// FailWith, when set, makes the update end Failed with this message.
	FailWith string
}

// componentConfigKind names the advanced control-plane configuration.
const componentConfigKind = "kubeApiServerConfig/kubeSchedulerConfig/kubeControllerManagerConfig"

// updateKinds names the kinds of change an UpdateClusterConfig request
// carries; the real service accepts exactly one per call.
func updateKinds(in *sdk.UpdateClusterConfigInput) []string {
	var kinds []string
	for _, k := range []struct {
		name string
		set  bool
	}{
		{"resourcesVpcConfig", in.ResourcesVpcConfig != nil},
		{"logging", in.Logging != nil},
		{"accessConfig", in.AccessConfig != nil},
		{"upgradePolicy", in.UpgradePolicy != nil},
		{"zonalShiftConfig", in.ZonalShiftConfig != nil},
		{"computeConfig", in.ComputeConfig != nil},
		{"kubernetesNetworkConfig", in.KubernetesNetworkConfig != nil},
		{"storageConfig", in.StorageConfig != nil},
		{"remoteNetworkConfig", in.RemoteNetworkConfig != nil},
		{"deletionProtection", in.DeletionProtection != nil},
		{"controlPlaneScalingConfig", in.ControlPlaneScalingConfig != nil},
		// The three components are one kind of change, as their update
		// type ControlPlaneComponentConfigUpdate shows.
		{componentConfigKind, in.KubeApiServerConfig != nil || in.KubeSchedulerConfig != nil || in.KubeControllerManagerConfig != nil},
	} {
		if k.set {
			kinds = append(kinds, k.name)
		}
	}
	return kinds
}

// settled is the named cluster with its due updates finished (settle), or
// the API's ResourceNotFoundException. Callers hold mu.
func (s *Service) settled(name string) (*cluster, *server.APIError) {
	c, ok := s.clusters[name]
	if !ok {
		return nil, errClusterNotFound(name)
	}
	s.settle(name)
	return c, nil
}

// settle finishes the cluster's updates whose time has come. Callers hold mu.
func (s *Service) settle(name string) {
	now := s.env.Now()
	c := s.clusters[name]
	for _, u := range s.updates[name] {
		if u.Status != types.UpdateStatusInProgress || now.Before(u.DoneAt) {
			continue
		}
		if u.FailWith != "" {
			u.Status = types.UpdateStatusFailed
			continue
		}
		u.Status = types.UpdateStatusSuccessful
		if c != nil && u.apply != nil {
			u.apply(c)
		}
	}
}

// inProgress is the cluster's running update, if any. Callers hold mu.
func (s *Service) inProgress(name string) *update {
	for _, u := range s.updates[name] {
		if u.Status == types.UpdateStatusInProgress {
			return u
		}
	}
	return nil
}

// status is UPDATING while an update runs (once the status lag, if any,
// has passed), else ACTIVE. Callers hold mu.
func (s *Service) status(name string) types.ClusterStatus {
	if u := s.inProgress(name); u != nil && !s.env.Now().Before(u.CreatedAt.Add(s.statusLag(name))) {
		return types.ClusterStatusUpdating
	}
	return types.ClusterStatusActive
}

func (s *Service) updateClusterConfig(in *sdk.UpdateClusterConfigInput) (*sdk.UpdateClusterConfigOutput, *server.APIError) {
	name, token := aws.ToString(in.Name), aws.ToString(in.ClientRequestToken)
	kinds := updateKinds(in)
	s.mu.Lock()
	defer s.mu.Unlock()
	c, aerr := s.settled(name)
	if aerr != nil {
		return nil, aerr
	}
	// A retried request (same token) gets the update it already started.
	if token != "" {
		for _, u := range s.updates[name] {
			if u.Token == token {
				return &sdk.UpdateClusterConfigOutput{Update: updateShape(u)}, nil
			}
		}
	}
	switch {
	case len(kinds) == 0:
		return nil, errInvalidParameter("No changes needed for the cluster configuration provided.")
	case len(kinds) > 1:
		return nil, errInvalidParameter("Only one type of update can be allowed.")
	}
	var u *update
	switch kinds[0] {
	case "controlPlaneScalingConfig":
		u, aerr = s.tierUpdate(c, string(in.ControlPlaneScalingConfig.Tier))
	case componentConfigKind:
		u, aerr = s.componentUpdate(c, componentRequest{ControllerManager: in.KubeControllerManagerConfig, Scheduler: in.KubeSchedulerConfig, APIServer: in.KubeApiServerConfig})
	default:
		return nil, errInvalidRequest("emulator: " + kinds[0] + " updates are not implemented")
	}
	if aerr != nil {
		return nil, aerr
	}
	s.start(c, u, token)
	return &sdk.UpdateClusterConfigOutput{Update: updateShape(u)}, nil
}

// tierUpdate validates a tier change and builds its update.
func (s *Service) tierUpdate(c *cluster, tier string) (*update, *server.APIError) {
	if !validTier(tier) {
		return nil, errUnknownTier(tier)
	}
	if running := s.inProgress(c.Name); running != nil {
		return nil, errInUse(fmt.Sprintf("Cluster %s has update %s in progress. Wait for it to complete before starting another update.", c.Name, running.ID))
	}
	if tier == c.Tier {
		return nil, errInvalidParameter("The cluster's control plane scaling tier is already " + c.Tier + ". No changes needed.")
	}
	// A configuration only a provisioned tier allows (an HPA sync period
	// other than 15s) must be reset before the cluster returns to standard.
	if aerr := c.Components.check(tier); aerr != nil {
		aerr.Message = "The control plane cannot move to " + tier + " with its current configuration: " + aerr.Message
		return nil, aerr
	}
	return &update{
		Type: types.UpdateTypeControlPlaneScalingConfigUpdate,
		Params: []types.UpdateParam{
			{Type: types.UpdateParamTypeUpdatedTier, Value: aws.String(tier)},
			{Type: types.UpdateParamTypePreviousTier, Value: aws.String(c.Tier)},
		},
		apply: func(c *cluster) { c.Tier = tier },
	}, nil
}

// componentUpdate validates a change of the advanced control-plane
// configuration against the cluster's tier and builds its update.
func (s *Service) componentUpdate(c *cluster, r componentRequest) (*update, *server.APIError) {
	if !supportsComponentConfig(c.Version) {
		return nil, errInvalidParameter(fmt.Sprintf("Advanced control plane configuration needs Kubernetes %s or later; the cluster runs %s.", minComponentConfigVersion, c.Version))
	}
	target := c.Components.merge(r)
	if aerr := target.check(c.Tier); aerr != nil {
		return nil, aerr
	}
	if running := s.inProgress(c.Name); running != nil {
		return nil, errInUse(fmt.Sprintf("Cluster %s has update %s in progress. Wait for it to complete before starting another update.", c.Name, running.ID))
	}
	if target.equal(c.Components) {
		return nil, errInvalidParameter("No changes needed for the cluster configuration provided.")
	}
	return &update{
		Type:   types.UpdateTypeControlPlaneComponentConfigUpdate,
		Params: componentParams(r),
		apply:  func(c *cluster) { c.Components = target },
	}, nil
}

// start records u as the cluster's running update. Callers hold mu.
func (s *Service) start(c *cluster, u *update, token string) {
	delay := s.defaultDelay
	if d, ok := s.delays[c.Name]; ok {
		delay = d
	}
	now := s.env.Now()
	u.ID, u.Cluster, u.Status, u.Token = newUUID(), c.Name, types.UpdateStatusInProgress, token
	u.CreatedAt, u.DoneAt = now, now.Add(delay)
	for _, key := range []string{c.Name, ""} {
		if msg, ok := s.failNext[key]; ok {
			u.FailWith = msg
			delete(s.failNext, key)
			break
		}
	}
	s.updates[c.Name] = append(s.updates[c.Name], u)
}

func updateShape(u *update) *types.Update {
	out := &types.Update{
		Id:        aws.String(u.ID),
		Status:    u.Status,
		Type:      u.Type,
		CreatedAt: aws.Time(u.CreatedAt),
		Params:    u.Params,
		Errors:    []types.ErrorDetail{},
	}
	if u.Status == types.UpdateStatusFailed {
		out.Errors = []types.ErrorDetail{{
			ErrorCode:    types.ErrorCodeUnknown,
			ErrorMessage: aws.String(u.FailWith),
			ResourceIds:  []string{u.Cluster},
		}}
	}
	return out
}

func (s *Service) describeUpdate(in *sdk.DescribeUpdateInput) (*sdk.DescribeUpdateOutput, *server.APIError) {
	name, id := aws.ToString(in.Name), aws.ToString(in.UpdateId)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, aerr := s.settled(name); aerr != nil {
		return nil, aerr
	}
	for _, u := range s.updates[name] {
		if u.ID == id {
			return &sdk.DescribeUpdateOutput{Update: updateShape(u)}, nil
		}
	}
	return nil, errNotFound("No update found for ID: " + id + ".")
}

func (s *Service) listUpdates(in *sdk.ListUpdatesInput) (*sdk.ListUpdatesOutput, *server.APIError) {
	name := aws.ToString(in.Name)
	s.mu.Lock()
	if _, ok := s.clusters[name]; !ok {
		s.mu.Unlock()
		return nil, errClusterNotFound(name)
	}
	var ids []string
	for _, u := range s.updates[name] {
		ids = append(ids, u.ID)
	}
	s.mu.Unlock()
	page, next, aerr := paginate(ids, in.MaxResults, in.NextToken)
	if aerr != nil {
		return nil, aerr
	}
	return &sdk.ListUpdatesOutput{UpdateIds: page, NextToken: next}, nil
}
