package conns

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// skip_credentials_validation keeps hashicorp/aws's meaning: by default the
// credentials are checked with sts:GetCallerIdentity, once, before the
// first AWS call (never for configurations that make none).
func TestCredentialsAreValidatedOnceBeforeTheFirstAWSCall(t *testing.T) {
	isolate(t)
	fake := newFakeSTS(t)
	client := mustClient(t, Config{Region: "us-east-1", AccessKey: "AKIA", SecretKey: "s", Endpoints: map[string]string{"sts": fake.URL}})
	if n := len(fake.Calls("GetCallerIdentity")); n != 0 {
		t.Fatalf("building the client called STS %d times; offline configurations must make no call", n)
	}
	for range 3 {
		if err := client.Ready(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(fake.Calls("GetCallerIdentity")); n != 1 {
		t.Errorf("GetCallerIdentity calls = %d, want 1", n)
	}
}

func TestRefusedCredentialsAreAnError(t *testing.T) {
	isolate(t)
	fake := newFakeSTS(t)
	fake.Refuse = true
	client := mustClient(t, Config{Region: "us-east-1", AccessKey: "AKIA", SecretKey: "s", Endpoints: map[string]string{"sts": fake.URL}})
	err := client.Ready(context.Background())
	var e *Error
	if !errors.As(err, &e) || e.Summary != "AWS credentials check failed" || !strings.Contains(e.Detail, "InvalidClientTokenId") ||
		!strings.Contains(e.Detail, "skip_credentials_validation") {
		t.Fatalf("Ready = %v", err)
	}
}

func TestSkipCredentialsValidationMakesNoSTSCall(t *testing.T) {
	for name, c := range map[string]Config{
		"skip_credentials_validation": {SkipCredentialsValidation: true, AccessKey: "AKIA", SecretKey: "s"},
		"use_test_credentials":        {UseTestCredentials: true},
	} {
		t.Run(name, func(t *testing.T) {
			isolate(t)
			fake := newFakeSTS(t)
			fake.Refuse = true
			c.Region, c.Endpoints = "us-east-1", map[string]string{"sts": fake.URL}
			if err := mustClient(t, c).Ready(context.Background()); err != nil {
				t.Fatal(err)
			}
			if n := len(fake.Calls("GetCallerIdentity")); n != 0 {
				t.Errorf("GetCallerIdentity calls = %d, want 0", n)
			}
		})
	}
}

// A check canceled with the apply is not remembered as a verdict.
func TestCanceledValidationIsRetried(t *testing.T) {
	isolate(t)
	fake := newFakeSTS(t)
	client := mustClient(t, Config{Region: "us-east-1", AccessKey: "AKIA", SecretKey: "s", Endpoints: map[string]string{"sts": fake.URL}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := client.Ready(ctx); err == nil {
		t.Fatal("canceled check: want an error")
	}
	if err := client.Ready(context.Background()); err != nil {
		t.Fatalf("after a canceled check: %v", err)
	}
}
