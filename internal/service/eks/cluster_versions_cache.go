package eks

import (
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"
)

// clusterVersions remembers DescribeClusterVersions answers for one
// provider process (one terraform command). A fleet's tier resources share a
// handful of Kubernetes versions per region, so a plan or refresh of N
// clusters makes about N+versions calls instead of 2N. The key includes the
// client, so regions and endpoints never share an answer; the default
// version ("") is not cached, since it is the API's choice and may move.
var clusterVersions sync.Map // clusterVersionKey -> types.ClusterVersionInformation

type clusterVersionKey struct {
	conn    *eks.Client
	version string
}

func cachedClusterVersion(conn *eks.Client, version string) (*types.ClusterVersionInformation, bool) {
	if version == "" {
		return nil, false
	}
	v, ok := clusterVersions.Load(clusterVersionKey{conn, version})
	if !ok {
		return nil, false
	}
	info := v.(types.ClusterVersionInformation)
	return &info, true
}

func rememberClusterVersion(conn *eks.Client, version string, info *types.ClusterVersionInformation) {
	if version != "" {
		clusterVersions.Store(clusterVersionKey{conn, version}, *info)
	}
}
