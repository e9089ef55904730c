package conns

import (
	"context"
	"testing"
)

// Item 15: every assume_role field hashicorp/aws accepts reaches
// sts:AssumeRole, and the services sign with the assumed credentials.
func TestAssumeRolePassesEveryFieldToSTS(t *testing.T) {
	isolate(t)
	fake := newFakeSTS(t)
	client := mustClient(t, Config{
		Region:                    "us-east-1",
		AccessKey:                 "AKIABASE",
		SecretKey:                 "base-secret",
		Endpoints:                 map[string]string{"sts": fake.URL},
		SkipCredentialsValidation: true,
		AssumeRole: &AssumeRole{
			RoleARN:           "arn:aws:iam::123456789012:role/tier-manager",
			SessionName:       "terraform",
			ExternalID:        "ext-123",
			Duration:          "1h30m",
			Policy:            `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"eks:*","Resource":"*"}]}`,
			PolicyARNs:        []string{"arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::123456789012:policy/extra"},
			Tags:              map[string]string{"team": "platform", "env": "prod"},
			TransitiveTagKeys: []string{"team"},
			SourceIdentity:    "alice",
		},
	})
	creds, err := client.EKS.Options().Credentials.Retrieve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if creds.AccessKeyID != "ASIAASSUMED" || creds.SessionToken != "assumed-token" {
		t.Errorf("EKS signs with %q, want the assumed role's credentials", creds.AccessKeyID)
	}
	calls := fake.Calls("AssumeRole")
	if len(calls) != 1 {
		t.Fatalf("AssumeRole calls = %d, want 1", len(calls))
	}
	got := calls[0]
	for k, want := range map[string]string{
		"RoleArn":                    "arn:aws:iam::123456789012:role/tier-manager",
		"RoleSessionName":            "terraform",
		"ExternalId":                 "ext-123",
		"DurationSeconds":            "5400",
		"Policy":                     `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"eks:*","Resource":"*"}]}`,
		"PolicyArns.member.1.arn":    "arn:aws:iam::aws:policy/ReadOnlyAccess",
		"PolicyArns.member.2.arn":    "arn:aws:iam::123456789012:policy/extra",
		"Tags.member.1.Key":          "env",
		"Tags.member.1.Value":        "prod",
		"Tags.member.2.Key":          "team",
		"Tags.member.2.Value":        "platform",
		"TransitiveTagKeys.member.1": "team",
		"SourceIdentity":             "alice",
	} {
		if got.Get(k) != want {
			t.Errorf("%s = %q, want %q", k, got.Get(k), want)
		}
	}
}

// Unset fields are not sent; the session lasts the SDK's default 15 minutes,
// as with hashicorp/aws.
func TestAssumeRoleLeavesUnsetFieldsToSTS(t *testing.T) {
	isolate(t)
	fake := newFakeSTS(t)
	client := mustClient(t, Config{
		Region: "us-east-1", AccessKey: "AKIABASE", SecretKey: "base-secret",
		Endpoints: map[string]string{"sts": fake.URL}, SkipCredentialsValidation: true,
		AssumeRole: &AssumeRole{RoleARN: "arn:aws:iam::123456789012:role/tier-manager"},
	})
	if _, err := client.ECR.Options().Credentials.Retrieve(context.Background()); err != nil {
		t.Fatal(err)
	}
	got := fake.Calls("AssumeRole")[0]
	if got.Get("DurationSeconds") != "900" {
		t.Errorf("DurationSeconds = %q, want the default 900", got.Get("DurationSeconds"))
	}
	for _, k := range []string{"Policy", "PolicyArns.member.1.arn", "Tags.member.1.Key", "TransitiveTagKeys.member.1", "SourceIdentity", "ExternalId"} {
		if got.Has(k) {
			t.Errorf("%s sent (%q) though unset", k, got.Get(k))
		}
	}
}
