package emulator

import (
	"fmt"
	"strings"
)

// Tagging of metric streams (TagResource, UntagResource,
// ListTagsForResource), addressed by ARN.

func parseTags(in []cborObject) (map[string]string, *APIError) {
	tags := map[string]string{}
	for i, t := range in {
		k, _ := t.str("Key")
		v, hasValue := t.str("Value")
		if err := checkTag(k, v); err != nil {
			return nil, errCWInvalidValue(fmt.Sprintf("Tags.member.%d: %s", i+1, err))
		}
		if !hasValue {
			return nil, errCWMissing(fmt.Sprintf("Tags.member.%d.Value", i+1))
		}
		tags[k] = v
	}
	if len(tags) > cwMaxTags {
		return nil, errCWInvalidValue(fmt.Sprintf("A resource can have at most %d tags.", cwMaxTags))
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
func (s *CloudWatchService) streamByARN(arn string) (*metricStream, *APIError) {
	for _, ms := range s.streams {
		if ms.ARN == arn {
			return ms, nil
		}
	}
	return nil, newAPIError(404, "ResourceNotFoundException", "The specified resource "+arn+" does not exist.")
}

func (s *CloudWatchService) tagResource(in cborObject) (map[string]any, *APIError) {
	arn, _ := in.str("ResourceARN")
	if arn == "" {
		return nil, errCWMissing("ResourceARN")
	}
	tags, aerr := parseTags(in.objects("Tags"))
	if aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ms, aerr := s.streamByARN(arn)
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
	if len(merged) > cwMaxTags {
		return nil, errCWInvalidValue(fmt.Sprintf("A resource can have at most %d tags.", cwMaxTags))
	}
	ms.Tags = merged
	return map[string]any{}, nil
}

func (s *CloudWatchService) untagResource(in cborObject) (map[string]any, *APIError) {
	arn, _ := in.str("ResourceARN")
	if arn == "" {
		return nil, errCWMissing("ResourceARN")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ms, aerr := s.streamByARN(arn)
	if aerr != nil {
		return nil, aerr
	}
	for _, k := range in.strings("TagKeys") {
		delete(ms.Tags, k)
	}
	return map[string]any{}, nil
}

func (s *CloudWatchService) listTagsForResource(in cborObject) (map[string]any, *APIError) {
	arn, _ := in.str("ResourceARN")
	if arn == "" {
		return nil, errCWMissing("ResourceARN")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ms, aerr := s.streamByARN(arn)
	if aerr != nil {
		return nil, aerr
	}
	tags := []any{}
	for _, k := range cwSortedKeys(ms.Tags) {
		tags = append(tags, map[string]any{"Key": k, "Value": ms.Tags[k]})
	}
	return map[string]any{"Tags": tags}, nil
}
