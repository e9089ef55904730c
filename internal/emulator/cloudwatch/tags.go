package cloudwatch

import (
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// Tagging of metric streams (TagResource, UntagResource,
// ListTagsForResource), addressed by ARN.

func parseTags(in []types.Tag) (map[string]string, *server.APIError) {
	tags := map[string]string{}
	for i, t := range in {
		k := aws.ToString(t.Key)
		if err := checkTag(k, aws.ToString(t.Value)); err != nil {
			return nil, errInvalidValue(fmt.Sprintf("Tags.member.%d: %s", i+1, err))
		}
		if t.Value == nil {
			return nil, errMissing(fmt.Sprintf("Tags.member.%d.Value", i+1))
		}
		tags[k] = *t.Value
	}
	if len(tags) > maxTags {
		return nil, errInvalidValue(fmt.Sprintf("A resource can have at most %d tags.", maxTags))
	}
	return tags, nil
}

func checkTag(k, v string) error {
	switch {
	case len(k) < 1 || len(k) > 128:
		return fmt.Errorf("tag key must be 1-128 characters")
	case strings.HasPrefix(strings.ToLower(k), "aws:"):
		return fmt.Errorf("tag keys starting with aws: are reserved")
	case len(v) > 256:
		return fmt.Errorf("tag value must be at most 256 characters")
	}
	return nil
}

// streamByARN finds a stream by ARN (locked by caller).
func (s *Service) streamByARN(arn string) (*metricStream, *server.APIError) {
	if arn == "" {
		return nil, errMissing("ResourceARN")
	}
	for _, ms := range s.streams {
		if ms.ARN == arn {
			return ms, nil
		}
	}
	return nil, server.NewAPIError(404, "ResourceNotFoundException", "The specified resource "+arn+" does not exist.")
}

func (s *Service) tagResource(in *sdk.TagResourceInput) (*sdk.TagResourceOutput, *server.APIError) {
	if aws.ToString(in.ResourceARN) == "" {
		return nil, errMissing("ResourceARN")
	}
	tags, aerr := parseTags(in.Tags)
	if aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ms, aerr := s.streamByARN(aws.ToString(in.ResourceARN))
	if aerr != nil {
		return nil, aerr
	}
	merged := map[string]string{}
	for k, v := range ms.Tags {
		merged[k] = v
	}
	for k, v := range tags {
		merged[k] = v
	}
	if len(merged) > maxTags {
		return nil, errInvalidValue(fmt.Sprintf("A resource can have at most %d tags.", maxTags))
	}
	ms.Tags = merged
	return &sdk.TagResourceOutput{}, nil
}

func (s *Service) untagResource(in *sdk.UntagResourceInput) (*sdk.UntagResourceOutput, *server.APIError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ms, aerr := s.streamByARN(aws.ToString(in.ResourceARN))
	if aerr != nil {
		return nil, aerr
	}
	for _, k := range in.TagKeys {
		delete(ms.Tags, k)
	}
	return &sdk.UntagResourceOutput{}, nil
}

func (s *Service) listTagsForResource(in *sdk.ListTagsForResourceInput) (*sdk.ListTagsForResourceOutput, *server.APIError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ms, aerr := s.streamByARN(aws.ToString(in.ResourceARN))
	if aerr != nil {
		return nil, aerr
	}
	out := &sdk.ListTagsForResourceOutput{Tags: []types.Tag{}}
	for _, k := range server.SortedKeys(ms.Tags) {
		out.Tags = append(out.Tags, types.Tag{Key: aws.String(k), Value: aws.String(ms.Tags[k])})
	}
	return out, nil
}
