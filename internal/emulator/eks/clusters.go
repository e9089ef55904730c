package eks

import (
	"fmt"
	"regexp"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// cluster is one emulated cluster. Clusters are ACTIVE as soon as they are
// created (real EKS takes ~10 minutes in CREATING); tests care about the
// control plane, not about cluster creation.
type cluster struct {
	Name      string
	ARN       string
	Version   string
	RoleARN   string
	Tier      string
	CreatedAt time.Time
	Tags      map[string]string
	Token     string
	// Components is the advanced control-plane configuration in force.
	Components componentConfig
}

var clusterNamePattern = regexp.MustCompile(`^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$`)

func (s *Service) addCluster(name, version, tier, roleARN string, tags map[string]string, token string, components componentRequest) *server.APIError {
	if !clusterNamePattern.MatchString(name) {
		return errInvalidParameter(fmt.Sprintf("Cluster name %q must be 1-100 characters: letters, digits, hyphens and underscores, starting with a letter or digit.", name))
	}
	if version == "" {
		version = defaultClusterVersion
	}
	if !knownClusterVersion(version) {
		return errInvalidParameter("unsupported Kubernetes version " + version)
	}
	if tier == "" {
		tier = tierStandard
	}
	if !validTier(tier) {
		return errUnknownTier(tier)
	}
	config := defaultComponentConfig()
	if !components.empty() {
		if !supportsComponentConfig(version) {
			return errInvalidParameter(fmt.Sprintf("Advanced control plane configuration needs Kubernetes %s or later, not %s.", minComponentConfigVersion, version))
		}
		config = config.merge(components)
		if aerr := config.check(tier); aerr != nil {
			return aerr
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.clusters[name]; ok {
		return errInUse("Cluster already exists with name: " + name)
	}
	s.clusters[name] = &cluster{
		Name: name, Version: version, Tier: tier, RoleARN: roleARN, Tags: tags, Token: token,
		ARN:        fmt.Sprintf("arn:aws:eks:%s:%s:cluster/%s", s.env.Region, s.env.AccountID, name),
		CreatedAt:  s.env.Now(),
		Components: config,
	}
	if token != "" {
		s.createTokens[token] = name
	}
	return nil
}

func (s *Service) createCluster(in *sdk.CreateClusterInput) (*sdk.CreateClusterOutput, *server.APIError) {
	name, token := aws.ToString(in.Name), aws.ToString(in.ClientRequestToken)
	if name == "" || aws.ToString(in.RoleArn) == "" {
		return nil, errInvalidParameter("name and roleArn are required")
	}
	// A retried request with the same token returns the cluster it created.
	s.mu.Lock()
	if created, ok := s.createTokens[token]; ok && token != "" && created == name {
		s.mu.Unlock()
		c, aerr := s.clusterOutput(name)
		return &sdk.CreateClusterOutput{Cluster: c}, aerr
	}
	s.mu.Unlock()
	tier := ""
	if in.ControlPlaneScalingConfig != nil {
		tier = string(in.ControlPlaneScalingConfig.Tier)
	}
	components := componentRequest{ControllerManager: in.KubeControllerManagerConfig, Scheduler: in.KubeSchedulerConfig, APIServer: in.KubeApiServerConfig}
	if aerr := s.addCluster(name, aws.ToString(in.Version), tier, aws.ToString(in.RoleArn), in.Tags, token, components); aerr != nil {
		return nil, aerr
	}
	c, aerr := s.clusterOutput(name)
	return &sdk.CreateClusterOutput{Cluster: c}, aerr
}

func (s *Service) describeCluster(in *sdk.DescribeClusterInput) (*sdk.DescribeClusterOutput, *server.APIError) {
	c, aerr := s.clusterOutput(aws.ToString(in.Name))
	if aerr != nil {
		return nil, aerr
	}
	return &sdk.DescribeClusterOutput{Cluster: c}, nil
}

// clusterOutput is a cluster as DescribeCluster shows it now.
func (s *Service) clusterOutput(name string) (*types.Cluster, *server.APIError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, aerr := s.settled(name)
	if aerr != nil {
		return nil, aerr
	}
	return s.clusterShape(c, s.status(name)), nil
}

func (s *Service) clusterShape(c *cluster, status types.ClusterStatus) *types.Cluster {
	tags := c.Tags
	if tags == nil {
		tags = map[string]string{}
	}
	out := &types.Cluster{
		Name:                      aws.String(c.Name),
		Arn:                       aws.String(c.ARN),
		CreatedAt:                 aws.Time(c.CreatedAt),
		Version:                   aws.String(c.Version),
		Endpoint:                  aws.String("https://" + c.Name + ".gr7." + s.env.Region + ".eks.emulator.invalid"),
		RoleArn:                   aws.String(c.RoleARN),
		Status:                    status,
		PlatformVersion:           aws.String("eks.1"),
		ControlPlaneScalingConfig: &types.ControlPlaneScalingConfig{Tier: types.ProvisionedControlPlaneTier(c.Tier)},
		Tags:                      tags,
	}
	if c.Token != "" {
		out.ClientRequestToken = aws.String(c.Token)
	}
	if supportsComponentConfig(c.Version) {
		out.KubeControllerManagerConfig = c.Components.controllerManager()
		out.KubeSchedulerConfig = c.Components.scheduler()
		out.KubeApiServerConfig = c.Components.apiServer()
	}
	return out
}

func (s *Service) listClusters(in *sdk.ListClustersInput) (*sdk.ListClustersOutput, *server.APIError) {
	s.mu.Lock()
	names := server.SortedKeys(s.clusters)
	s.mu.Unlock()
	page, next, aerr := paginate(names, in.MaxResults, in.NextToken)
	if aerr != nil {
		return nil, aerr
	}
	return &sdk.ListClustersOutput{Clusters: page, NextToken: next}, nil
}

// deleteCluster removes the cluster at once; its response shows DELETING
// as the real API's does. A cluster with an update in progress is in use.
func (s *Service) deleteCluster(in *sdk.DeleteClusterInput) (*sdk.DeleteClusterOutput, *server.APIError) {
	name := aws.ToString(in.Name)
	s.mu.Lock()
	defer s.mu.Unlock()
	c, aerr := s.settled(name)
	if aerr != nil {
		return nil, aerr
	}
	if s.inProgress(name) != nil {
		return nil, errInUse("Cluster " + name + " has an update in progress; it cannot be deleted now.")
	}
	delete(s.clusters, name)
	delete(s.updates, name)
	delete(s.delays, name)
	delete(s.statusLags, name)
	return &sdk.DeleteClusterOutput{Cluster: s.clusterShape(c, types.ClusterStatusDeleting)}, nil
}

// paginate slices items by maxResults and nextToken (1-100 per page).
func paginate(items []string, maxResults *int32, nextToken *string) ([]string, *string, *server.APIError) {
	limit := 100
	if maxResults != nil {
		if *maxResults < 1 || *maxResults > 100 {
			return nil, nil, errInvalidParameter("maxResults must be between 1 and 100")
		}
		limit = int(*maxResults)
	}
	page, next, ok := server.Page(items, limit, nextToken)
	if !ok {
		return nil, nil, errInvalidParameter("invalid nextToken")
	}
	return page, next, nil
}
