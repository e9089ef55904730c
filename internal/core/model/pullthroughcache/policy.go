package pullthroughcache

import (
	"encoding/json"
	"strings"
)

// NodePullActions are what a node needs to pull through a cache rule: the
// usual pull actions plus BatchImportUpstreamImage (the first pull of an
// image imports it) and CreateRepository (the first pull of a repository
// creates it). The last two are the ones users forget.
var NodePullActions = []string{
	"ecr:BatchCheckLayerAvailability",
	"ecr:BatchGetImage",
	"ecr:BatchImportUpstreamImage",
	"ecr:CreateRepository",
	"ecr:GetDownloadUrlForLayer",
}

type policyDocument struct {
	Version   string            `json:"Version"`
	Statement []policyStatement `json:"Statement"`
}

type policyStatement struct {
	Sid      string `json:"Sid"`
	Effect   string `json:"Effect"`
	Action   any    `json:"Action"`
	Resource string `json:"Resource"`
}

// Partition is the ARN partition of a region.
func Partition(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	case strings.HasPrefix(region, "us-iso-"):
		return "aws-iso"
	case strings.HasPrefix(region, "us-isob-"):
		return "aws-iso-b"
	}
	return "aws"
}

// RepositoryARN is the ARN pattern of the repositories a rule creates.
func RepositoryARN(region, registryID, prefix string) string {
	repo := prefix + "/*"
	if prefix == Root {
		repo = "*"
	}
	return "arn:" + Partition(region) + ":ecr:" + region + ":" + registryID + ":repository/" + repo
}

// NodePolicyJSON is the least-privilege IAM policy for nodes pulling
// through the rule: GetAuthorizationToken (which has no resource scope)
// and the pull actions on the rule's repositories only.
func NodePolicyJSON(region, registryID, prefix string) string {
	doc := policyDocument{
		Version: "2012-10-17",
		Statement: []policyStatement{
			{Sid: "EcrAuthorizationToken", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*"},
			{Sid: "PullThroughCache", Effect: "Allow", Action: NodePullActions, Resource: RepositoryARN(region, registryID, prefix)},
		},
	}
	b, _ := json.Marshal(doc)
	return string(b)
}
