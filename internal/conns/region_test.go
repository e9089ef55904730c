package conns

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
)

// Item 9: no region anywhere is no longer us-east-1 in disguise. Building
// the client still works (offline renderers need none); Ready, which the
// AWS resources ask, names the three places a region comes from.
func TestNoRegionIsAnErrorNamingTheThreePlaces(t *testing.T) {
	config := isolate(t)
	if err := os.WriteFile(config, []byte("[profile platform]\noutput = json\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("AWS_PROFILE", "platform")
	client, err := Config{UseTestCredentials: true}.NewClient(context.Background())
	if err != nil {
		t.Fatalf("building the client must not need a region: %v", err)
	}
	if client.Region != "" {
		t.Errorf("region = %q, want none (no default region)", client.Region)
	}
	err = client.Ready(context.Background())
	var e *Error
	if !errors.As(err, &e) || e.Summary != "No AWS region" {
		t.Fatalf("Ready = %v, want the no-region error", err)
	}
	for _, want := range []string{"`region` in the provider \"scaling\" block", "AWS_REGION", "AWS_DEFAULT_REGION", `profile "platform"`, os.Getenv("AWS_CONFIG_FILE")} {
		if !strings.Contains(e.Detail, want) {
			t.Errorf("detail does not mention %q:\n%s", want, e.Detail)
		}
	}
}

func TestRegionComesFromTheEnvironmentOrTheProfile(t *testing.T) {
	t.Run("environment", func(t *testing.T) {
		isolate(t)
		t.Setenv("AWS_DEFAULT_REGION", "eu-west-3")
		client := mustClient(t, Config{UseTestCredentials: true})
		if client.Region != "eu-west-3" || client.Ready(context.Background()) != nil {
			t.Errorf("region = %q, ready = %v", client.Region, client.Ready(context.Background()))
		}
	})
	t.Run("profile", func(t *testing.T) {
		config := isolate(t)
		if err := os.WriteFile(config, []byte("[profile platform]\nregion = ap-south-2\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		client := mustClient(t, Config{Profile: "platform", UseTestCredentials: true})
		if client.Region != "ap-south-2" || client.Ready(context.Background()) != nil {
			t.Errorf("region = %q, ready = %v", client.Region, client.Ready(context.Background()))
		}
	})
	t.Run("provider block wins", func(t *testing.T) {
		isolate(t)
		t.Setenv("AWS_REGION", "eu-west-3")
		if client := mustClient(t, Config{Region: "us-west-2", UseTestCredentials: true}); client.Region != "us-west-2" {
			t.Errorf("region = %q", client.Region)
		}
	})
}

// A region name from the environment is checked when AWS is needed, with
// skip_region_validation for AWS-like APIs of their own naming.
func TestRegionFromTheEnvironmentIsValidated(t *testing.T) {
	isolate(t)
	t.Setenv("AWS_REGION", "us-east-1a")
	err := mustClient(t, Config{UseTestCredentials: true}).Ready(context.Background())
	if err == nil || !strings.Contains(err.Error(), "skip_region_validation") {
		t.Fatalf("Ready = %v, want an invalid-region error", err)
	}
	if err := mustClient(t, Config{UseTestCredentials: true, SkipRegionValidation: true}).Ready(context.Background()); err != nil {
		t.Fatalf("skip_region_validation: Ready = %v", err)
	}
}

// A profile that cannot be loaded stops the AWS resources only.
func TestUnloadableProfileIsReportedWhenAWSIsNeeded(t *testing.T) {
	isolate(t)
	client, err := Config{Region: "us-east-1", Profile: "missing"}.NewClient(context.Background())
	if err != nil {
		t.Fatalf("NewClient = %v, want the error deferred", err)
	}
	if err := client.Ready(context.Background()); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Fatalf("Ready = %v, want the profile error", err)
	}
}

func TestValuesUnknownUntilApplyAreReportedWhenAWSIsNeeded(t *testing.T) {
	isolate(t)
	client := mustClient(t, Config{AssumeRole: &AssumeRole{}, Unknown: []string{"region", "assume_role.role_arn"}})
	err := client.Ready(context.Background())
	if err == nil || !strings.Contains(err.Error(), "region, assume_role.role_arn") {
		t.Fatalf("Ready = %v", err)
	}
}

func mustClient(t *testing.T, c Config) *AWSClient {
	t.Helper()
	client, err := c.NewClient(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return client
}
