package ecr

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	awstypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

// findRule describes one pull-through cache rule by prefix.
func findRule(ctx context.Context, conn *ecr.Client, prefix string) (*awstypes.PullThroughCacheRule, error) {
	out, err := conn.DescribePullThroughCacheRules(ctx, &ecr.DescribePullThroughCacheRulesInput{EcrRepositoryPrefixes: []string{prefix}})
	if tfresource.IsA[*awstypes.PullThroughCacheRuleNotFoundException](err) {
		return nil, tfresource.NewNotFoundError(fmt.Sprintf("pull-through cache rule %q", prefix), err)
	}
	if err != nil {
		return nil, fmt.Errorf("reading pull-through cache rule %q: %w", prefix, err)
	}
	for i := range out.PullThroughCacheRules {
		if aws.ToString(out.PullThroughCacheRules[i].EcrRepositoryPrefix) == prefix {
			return &out.PullThroughCacheRules[i], nil
		}
	}
	return nil, tfresource.NewNotFoundError(fmt.Sprintf("pull-through cache rule %q", prefix), errors.New("empty response"))
}

// foundTemplate is a repository creation template and the registry that
// holds it (the template shape has no registry ID).
type foundTemplate struct {
	Template   *awstypes.RepositoryCreationTemplate
	RegistryID string
}

// findTemplate describes one repository creation template by prefix.
func findTemplate(ctx context.Context, conn *ecr.Client, prefix string) (foundTemplate, error) {
	out, err := conn.DescribeRepositoryCreationTemplates(ctx, &ecr.DescribeRepositoryCreationTemplatesInput{Prefixes: []string{prefix}})
	if tfresource.IsA[*awstypes.TemplateNotFoundException](err) {
		return foundTemplate{}, tfresource.NewNotFoundError(fmt.Sprintf("repository creation template %q", prefix), err)
	}
	if err != nil {
		return foundTemplate{}, fmt.Errorf("reading repository creation template %q: %w", prefix, err)
	}
	for i := range out.RepositoryCreationTemplates {
		if aws.ToString(out.RepositoryCreationTemplates[i].Prefix) == prefix {
			return foundTemplate{&out.RepositoryCreationTemplates[i], aws.ToString(out.RegistryId)}, nil
		}
	}
	return foundTemplate{}, tfresource.NewNotFoundError(fmt.Sprintf("repository creation template %q", prefix), errors.New("empty response"))
}
