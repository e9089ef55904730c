package emulator

import (
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"time"
)

// eksCluster is one emulated cluster. Clusters are ACTIVE as soon as they
// are created (real EKS takes ~10 minutes in CREATING); tests care about the
// control-plane tier, not about cluster creation.
type eksCluster struct {
	Name      string
	ARN       string
	Version   string
	RoleARN   string
	Tier      string
	CreatedAt time.Time
	Tags      map[string]string
	Token     string
}

// ClusterSeed describes a cluster to create directly (tests, demo).
type ClusterSeed struct {
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
	Tier    string `json:"tier,omitempty"`
}

// ClusterState is what the emulator holds for a cluster, for assertions.
type ClusterState struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Tier    string `json:"tier"`
	Status  string `json:"status"`
}

var clusterNamePattern = regexp.MustCompile(`^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$`)

// SeedCluster creates an ACTIVE cluster, as CreateCluster would.
func (s *EKSService) SeedCluster(seed ClusterSeed) error {
	if aerr := s.addCluster(seed.Name, seed.Version, seed.Tier, "arn:aws:iam::"+s.emu.opts.AccountID+":role/eks-cluster", nil, ""); aerr != nil {
		return aerr
	}
	return nil
}

// Cluster returns a cluster's current state (settling finished updates).
func (s *EKSService) Cluster(name string) (ClusterState, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.clusters[name]
	if !ok {
		return ClusterState{}, false
	}
	s.settle(name)
	return ClusterState{Name: c.Name, Version: c.Version, Tier: c.Tier, Status: s.status(name)}, true
}

func (s *EKSService) addCluster(name, version, tier, roleARN string, tags map[string]string, token string) *APIError {
	if !clusterNamePattern.MatchString(name) {
		return errEKSInvalidParameter(fmt.Sprintf("Cluster name %q must be 1-100 characters: letters, digits, hyphens and underscores, starting with a letter or digit.", name))
	}
	if version == "" {
		version = defaultClusterVersion
	}
	if !knownClusterVersion(version) {
		return errEKSInvalidParameter("unsupported Kubernetes version " + version)
	}
	if tier == "" {
		tier = "standard"
	}
	if !validEKSTier(tier) {
		return errUnknownTier(tier)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.clusters[name]; ok {
		return errEKSInUse("Cluster already exists with name: " + name)
	}
	s.clusters[name] = &eksCluster{
		Name: name, Version: version, Tier: tier, RoleARN: roleARN, Tags: tags, Token: token,
		ARN:       fmt.Sprintf("arn:aws:eks:%s:%s:cluster/%s", s.emu.opts.Region, s.emu.opts.AccountID, name),
		CreatedAt: s.emu.now(),
	}
	if token != "" {
		s.createTokens[token] = name
	}
	return nil
}

type createClusterInput struct {
	Name                      string            `json:"name"`
	Version                   string            `json:"version"`
	RoleARN                   string            `json:"roleArn"`
	ClientRequestToken        string            `json:"clientRequestToken"`
	Tags                      map[string]string `json:"tags"`
	ControlPlaneScalingConfig *struct {
		Tier string `json:"tier"`
	} `json:"controlPlaneScalingConfig"`
}

func (s *EKSService) createCluster(r *http.Request) (any, *APIError) {
	var in createClusterInput
	if aerr := decodeJSONBody(r, &in); aerr != nil {
		return nil, aerr
	}
	if in.Name == "" || in.RoleARN == "" {
		return nil, errEKSInvalidParameter("name and roleArn are required")
	}
	// A retried request with the same token returns the cluster it created.
	s.mu.Lock()
	if name, ok := s.createTokens[in.ClientRequestToken]; ok && in.ClientRequestToken != "" && name == in.Name {
		s.mu.Unlock()
		return s.describeCluster(name)
	}
	s.mu.Unlock()
	tier := ""
	if in.ControlPlaneScalingConfig != nil {
		tier = in.ControlPlaneScalingConfig.Tier
	}
	if aerr := s.addCluster(in.Name, in.Version, tier, in.RoleARN, in.Tags, in.ClientRequestToken); aerr != nil {
		return nil, aerr
	}
	return s.describeCluster(in.Name)
}

func (s *EKSService) describeCluster(name string) (any, *APIError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.clusters[name]
	if !ok {
		return nil, errClusterNotFound(name)
	}
	s.settle(name)
	return map[string]any{"cluster": s.clusterJSON(c, s.status(name))}, nil
}

func (s *EKSService) clusterJSON(c *eksCluster, status string) map[string]any {
	out := map[string]any{
		"name":                      c.Name,
		"arn":                       c.ARN,
		"createdAt":                 epochSeconds(c.CreatedAt),
		"version":                   c.Version,
		"endpoint":                  "https://" + c.Name + ".gr7." + s.emu.opts.Region + ".eks.emulator.invalid",
		"roleArn":                   c.RoleARN,
		"status":                    status,
		"platformVersion":           "eks.1",
		"controlPlaneScalingConfig": map[string]any{"tier": c.Tier},
		"tags":                      c.Tags,
	}
	if c.Tags == nil {
		out["tags"] = map[string]string{}
	}
	if c.Token != "" {
		out["clientRequestToken"] = c.Token
	}
	return out
}

func (s *EKSService) listClusters(r *http.Request) (any, *APIError) {
	s.mu.Lock()
	names := make([]string, 0, len(s.clusters))
	for n := range s.clusters {
		names = append(names, n)
	}
	s.mu.Unlock()
	sort.Strings(names)
	page, next, aerr := paginate(names, r, 100)
	if aerr != nil {
		return nil, aerr
	}
	out := map[string]any{"clusters": page}
	if next != "" {
		out["nextToken"] = next
	}
	return out, nil
}

// deleteCluster removes the cluster at once; its response shows DELETING
// as the real API's does. A cluster with an update in progress is in use.
func (s *EKSService) deleteCluster(name string) (any, *APIError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.clusters[name]
	if !ok {
		return nil, errClusterNotFound(name)
	}
	s.settle(name)
	if s.inProgress(name) != nil {
		return nil, errEKSInUse("Cluster " + name + " has an update in progress; it cannot be deleted now.")
	}
	delete(s.clusters, name)
	delete(s.updates, name)
	delete(s.delays, name)
	delete(s.statusLags, name)
	return map[string]any{"cluster": s.clusterJSON(c, "DELETING")}, nil
}

// paginate slices items by the maxResults/nextToken query parameters.
func paginate(items []string, r *http.Request, defaultMax int) ([]string, string, *APIError) {
	q := r.URL.Query()
	max := defaultMax
	if v := q.Get("maxResults"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			return nil, "", errEKSInvalidParameter("maxResults must be between 1 and 100")
		}
		max = n
	}
	start := 0
	if v := q.Get("nextToken"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > len(items) {
			return nil, "", errEKSInvalidParameter("invalid nextToken")
		}
		start = n
	}
	end := start + max
	if end >= len(items) {
		return append([]string{}, items[start:]...), "", nil
	}
	return append([]string{}, items[start:end]...), strconv.Itoa(end), nil
}
