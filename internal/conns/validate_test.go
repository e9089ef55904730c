package conns

import (
	"strings"
	"testing"
)

// Every mistake is reported at the attribute it is about, with the fix.
func TestValidateReportsEachMistakeAtItsAttribute(t *testing.T) {
	role := func(a AssumeRole) *AssumeRole {
		if a.RoleARN == "" {
			a.RoleARN = "arn:aws:iam::123456789012:role/tier-manager"
		}
		return &a
	}
	tags := map[string]string{}
	for i := range 51 {
		tags[strings.Repeat("k", i+1)] = "v"
	}
	for _, tc := range []struct {
		name string
		c    Config
		path string
		want string
	}{
		{"half static keys", Config{AccessKey: "AKIA"}, "secret_key", "set together"},
		{"secret without access key", Config{SecretKey: "s"}, "access_key", "set together"},
		{"negative retries", Config{MaxRetries: intp(-1)}, "max_retries", "between 0 and 100"},
		{"retries beyond the bound", Config{MaxRetries: intp(1 << 40)}, "max_retries", "between 0 and 100"},
		{"unknown retry mode", Config{RetryMode: "fast"}, "retry_mode", `"standard" or "adaptive"`},
		{"relative endpoint", Config{EndpointURL: "localhost:4566"}, "endpoint_url", "absolute URL"},
		{"bad service endpoint", Config{Endpoints: map[string]string{"eks": "not a url"}}, "endpoints.eks", "absolute URL"},
		{"availability zone as region", Config{Region: "us-east-1a"}, "region", "not an AWS region name"},
		{"region typo", Config{Region: "us-east1"}, "region", "skip_region_validation"},
		{"assume_role without role_arn", Config{AssumeRole: &AssumeRole{SessionName: "terraform"}}, "assume_role.role_arn", "role_arn is required"},
		{"assume_role with a user ARN", Config{AssumeRole: &AssumeRole{RoleARN: "arn:aws:iam::123456789012:user/ci"}}, "assume_role.role_arn", "IAM role ARN"},
		{"duration below 15m", Config{AssumeRole: role(AssumeRole{Duration: "5m"})}, "assume_role.duration", "15m to 12h"},
		{"duration above 12h", Config{AssumeRole: role(AssumeRole{Duration: "13h"})}, "assume_role.duration", "15m to 12h"},
		{"negative duration", Config{AssumeRole: role(AssumeRole{Duration: "-1h"})}, "assume_role.duration", "15m to 12h"},
		{"duration in words", Config{AssumeRole: role(AssumeRole{Duration: "1 hour"})}, "assume_role.duration", "not a duration"},
		{"session name too short", Config{AssumeRole: role(AssumeRole{SessionName: "x"})}, "assume_role.session_name", "2-64"},
		{"session name with a space", Config{AssumeRole: role(AssumeRole{SessionName: "my session"})}, "assume_role.session_name", "2-64"},
		{"source identity too long", Config{AssumeRole: role(AssumeRole{SourceIdentity: strings.Repeat("a", 65)})}, "assume_role.source_identity", "2-64"},
		{"external id with a space", Config{AssumeRole: role(AssumeRole{ExternalID: "a b"})}, "assume_role.external_id", "2-1224"},
		{"policy not JSON", Config{AssumeRole: role(AssumeRole{Policy: "Allow everything"})}, "assume_role.policy", "JSON"},
		{"policy too long", Config{AssumeRole: role(AssumeRole{Policy: `"` + strings.Repeat("a", 2100) + `"`})}, "assume_role.policy", "at most 2048"},
		{"policy ARN of a role", Config{AssumeRole: role(AssumeRole{PolicyARNs: []string{"arn:aws:iam::123456789012:role/x"}})}, "assume_role.policy_arns", "not an IAM policy ARN"},
		{"eleven policy ARNs", Config{AssumeRole: role(AssumeRole{PolicyARNs: make([]string, 11)})}, "assume_role.policy_arns", "at most 10"},
		{"51 session tags", Config{AssumeRole: role(AssumeRole{Tags: tags})}, "assume_role.tags", "at most 50"},
		{"session tag key with a comma", Config{AssumeRole: role(AssumeRole{Tags: map[string]string{"a,b": "v"}})}, "assume_role.tags", "session tag keys"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			probs := tc.c.Validate()
			for _, p := range probs {
				if p.Path.String() == tc.path && strings.Contains(p.Message, tc.want) {
					return
				}
			}
			t.Errorf("want a problem at %s containing %q, got %v", tc.path, tc.want, probs)
		})
	}
}

func TestValidateAcceptsAFullConfiguration(t *testing.T) {
	c := Config{
		Region:     "eu-central-1",
		AccessKey:  "AKIA",
		SecretKey:  "secret",
		MaxRetries: intp(100),
		RetryMode:  "adaptive",
		AssumeRole: &AssumeRole{
			RoleARN:           "arn:aws:iam::123456789012:role/path/tier-manager",
			SessionName:       "terraform@ci",
			ExternalID:        "ext-123:abc",
			Duration:          "12h",
			Policy:            `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"eks:*","Resource":"*"}]}`,
			PolicyARNs:        []string{"arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws-us-gov:iam::123456789012:policy/x"},
			Tags:              map[string]string{"team": "platform", "cost center": ""},
			TransitiveTagKeys: []string{"team"},
			SourceIdentity:    "alice",
		},
	}
	if probs := c.Validate(); len(probs) > 0 {
		t.Fatal(probs)
	}
	for _, r := range []string{"cn-north-1", "us-gov-west-1", "ap-southeast-7", "us-isob-east-1", "eusc-de-east-1"} {
		if probs := (Config{Region: r}).Validate(); len(probs) > 0 {
			t.Errorf("%s: %v", r, probs)
		}
	}
}

// skip_region_validation: an AWS-like API's own region names pass.
func TestSkipRegionValidationAcceptsAnyRegionName(t *testing.T) {
	if probs := (Config{Region: "localstack-1", SkipRegionValidation: true}).Validate(); len(probs) > 0 {
		t.Fatal(probs)
	}
}

// A value known only after apply is not judged while it is unknown: a
// role_arn from a resource not created yet is no missing role_arn.
func TestValidateSkipsValuesNotKnownYet(t *testing.T) {
	c := Config{AssumeRole: &AssumeRole{}, Unknown: []string{"assume_role.role_arn"}}
	if probs := c.Validate(); len(probs) > 0 {
		t.Fatal(probs)
	}
}
