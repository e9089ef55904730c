package conns

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	ststypes "github.com/aws/aws-sdk-go-v2/service/sts/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// AssumeRole is the role the provider assumes before calling AWS, with the
// fields of hashicorp/aws's assume_role block. Empty fields are left to STS.
type AssumeRole struct {
	RoleARN     string
	SessionName string
	ExternalID  string
	// Duration is a Go duration ("1h", "90m"), 15 minutes to 12 hours.
	Duration          string
	Policy            string
	PolicyARNs        []string
	Tags              map[string]string
	TransitiveTagKeys []string
	SourceIdentity    string
}

// Session duration bounds of sts:AssumeRole (the role's own maximum may be
// lower; STS reports that).
const (
	MinAssumeRoleDuration = 15 * time.Minute
	MaxAssumeRoleDuration = 12 * time.Hour
)

// The limits of sts:AssumeRole's parameters.
var (
	roleARN        = regexp.MustCompile(`^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$`)
	policyARN      = regexp.MustCompile(`^arn:aws[a-z-]*:iam::(\d{12}|aws):policy/[\w+=,.@/-]+$`)
	stsName        = regexp.MustCompile(`^[\w+=,.@-]*$`)
	stsExternalID  = regexp.MustCompile(`^[\w+=,.@:/-]*$`)
	sessionTagKey  = regexp.MustCompile(`^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$`)
	sessionTagText = regexp.MustCompile(`^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$`)
)

const (
	maxPolicyChars  = 2048
	maxPolicyARNs   = 10
	maxSessionTags  = 50
	maxTagKeyChars  = 128
	maxTagTextChars = 256
)

// validate checks every field against sts:AssumeRole's rules; known says
// whether an attribute's value is known yet ("assume_role.role_arn").
func (a *AssumeRole) validate(known func(string) bool) problem.List {
	var probs problem.List
	at := func(attr string) problem.Path { return problem.Path{"assume_role", attr} }
	switch {
	case !known("assume_role.role_arn"):
	case a.RoleARN == "":
		probs.Addf(at("role_arn"), "role_arn is required in the assume_role block: without it the provider would run as the base "+
			"identity instead of the role. Set it (arn:aws:iam::<account>:role/<name>), or remove the assume_role block. "+
			"A variable that is null leaves it unset.")
	case !roleARN.MatchString(a.RoleARN):
		probs.Addf(at("role_arn"), "role_arn must be an IAM role ARN such as arn:aws:iam::123456789012:role/terraform, got %q.", a.RoleARN)
	}
	if a.Duration != "" && known("assume_role.duration") {
		if _, err := a.duration(); err != nil {
			probs.Addf(at("duration"), "%s.", err.Error())
		}
	}
	checkName(&probs, at("session_name"), a.SessionName, 2, 64, stsName, "letters, digits and _+=,.@-")
	checkName(&probs, at("source_identity"), a.SourceIdentity, 2, 64, stsName, "letters, digits and _+=,.@-")
	checkName(&probs, at("external_id"), a.ExternalID, 2, 1224, stsExternalID, "letters, digits and _+=,.@:/-")
	if a.Policy != "" && known("assume_role.policy") {
		switch {
		case !json.Valid([]byte(a.Policy)):
			probs.Addf(at("policy"), "policy must be an IAM policy document in JSON (use jsonencode or aws_iam_policy_document).")
		case utf8.RuneCountInString(a.Policy) > maxPolicyChars:
			probs.Addf(at("policy"), "policy is %d characters; STS takes at most %d for a session policy. Attach a managed policy through policy_arns instead.",
				utf8.RuneCountInString(a.Policy), maxPolicyChars)
		}
	}
	if len(a.PolicyARNs) > maxPolicyARNs {
		probs.Addf(at("policy_arns"), "policy_arns has %d ARNs; STS takes at most %d managed session policies.", len(a.PolicyARNs), maxPolicyARNs)
	}
	for _, arn := range a.PolicyARNs {
		if !policyARN.MatchString(arn) {
			probs.Addf(at("policy_arns"), "%q is not an IAM policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess.", arn)
		}
	}
	if len(a.Tags) > maxSessionTags {
		probs.Addf(at("tags"), "tags has %d session tags; STS takes at most %d.", len(a.Tags), maxSessionTags)
	}
	for _, k := range slices.Sorted(maps.Keys(a.Tags)) {
		v := a.Tags[k]
		switch {
		case utf8.RuneCountInString(k) > maxTagKeyChars || !sessionTagKey.MatchString(k):
			probs.Addf(at("tags"), "session tag keys are 1-%d letters, digits, spaces and _.:/=+-@; got %q.", maxTagKeyChars, k)
		case utf8.RuneCountInString(v) > maxTagTextChars || !sessionTagText.MatchString(v):
			probs.Addf(at("tags"), "session tag values are 0-%d letters, digits, spaces and _.:/=+-@; the value of %q is %q.", maxTagTextChars, k, v)
		}
	}
	if len(a.TransitiveTagKeys) > maxSessionTags {
		probs.Addf(at("transitive_tag_keys"), "transitive_tag_keys has %d keys; STS takes at most %d.", len(a.TransitiveTagKeys), maxSessionTags)
	}
	return probs
}

func checkName(probs *problem.List, p problem.Path, v string, lo, hi int, re *regexp.Regexp, allowed string) {
	if v == "" {
		return
	}
	if n := utf8.RuneCountInString(v); n < lo || n > hi || !re.MatchString(v) {
		probs.Addf(p, "%s must be %d-%d characters of %s; got %q.", p[len(p)-1], lo, hi, allowed, v)
	}
}

// duration parses Duration and checks STS's bounds.
func (a *AssumeRole) duration() (time.Duration, error) {
	d, err := time.ParseDuration(a.Duration)
	if err != nil {
		return 0, fmt.Errorf("duration %q is not a duration such as \"1h\" or \"90m\" (units: ns, us, ms, s, m, h)", a.Duration)
	}
	if d < MinAssumeRoleDuration || d > MaxAssumeRoleDuration {
		return 0, fmt.Errorf("duration %q is outside the 15m to 12h that STS allows for a role session", a.Duration)
	}
	return d, nil
}

// provider assumes the role with base's credentials (the profile, the
// environment or static keys), passing every field that is set.
func (a *AssumeRole) provider(base *sts.Client) aws.CredentialsProvider {
	ar := *a
	return stscreds.NewAssumeRoleProvider(base, ar.RoleARN, func(o *stscreds.AssumeRoleOptions) {
		if ar.SessionName != "" {
			o.RoleSessionName = ar.SessionName
		}
		if ar.ExternalID != "" {
			o.ExternalID = aws.String(ar.ExternalID)
		}
		if d, err := ar.duration(); err == nil {
			o.Duration = d
		}
		if ar.Policy != "" {
			o.Policy = aws.String(ar.Policy)
		}
		for _, arn := range ar.PolicyARNs {
			o.PolicyARNs = append(o.PolicyARNs, ststypes.PolicyDescriptorType{Arn: aws.String(arn)})
		}
		for _, k := range slices.Sorted(maps.Keys(ar.Tags)) {
			o.Tags = append(o.Tags, ststypes.Tag{Key: aws.String(k), Value: aws.String(ar.Tags[k])})
		}
		o.TransitiveTagKeys = ar.TransitiveTagKeys
		if ar.SourceIdentity != "" {
			o.SourceIdentity = aws.String(ar.SourceIdentity)
		}
	})
}
