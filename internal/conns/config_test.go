package conns

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

func TestEndpointOverridesPerServiceWinOverGlobal(t *testing.T) {
	isolate(t)
	c := Config{
		Region:             "eu-west-1",
		EndpointURL:        "http://127.0.0.1:4566",
		Endpoints:          map[string]string{"eks": "http://127.0.0.1:9999"},
		UseTestCredentials: true,
	}
	client, err := c.NewClient(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := client.Ready(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := aws.ToString(client.EKS.Options().BaseEndpoint); got != "http://127.0.0.1:9999" {
		t.Errorf("eks endpoint = %q", got)
	}
	if got := aws.ToString(client.ECR.Options().BaseEndpoint); got != "http://127.0.0.1:4566" {
		t.Errorf("ecr endpoint = %q", got)
	}
	if client.Region != "eu-west-1" {
		t.Errorf("region = %q", client.Region)
	}
	creds, err := client.EKS.Options().Credentials.Retrieve(context.Background())
	if err != nil || creds.AccessKeyID != TestAccessKey {
		t.Errorf("test credentials not used: %v %v", creds.AccessKeyID, err)
	}
}

func TestServiceEndpointEnvironmentVariableIsHonoured(t *testing.T) {
	isolate(t)
	t.Setenv("AWS_ENDPOINT_URL_EKS", "http://127.0.0.1:7777")
	t.Setenv("AWS_ACCESS_KEY_ID", "x")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "y")
	client, err := Config{Region: "us-east-1"}.NewClient(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got := aws.ToString(client.EKS.Options().BaseEndpoint); got != "http://127.0.0.1:7777" {
		t.Errorf("AWS_ENDPOINT_URL_EKS ignored: endpoint = %q", got)
	}
}

// A configuration whose own values are wrong fails at once, even for
// configurations that never call AWS: the user wrote the mistake.
func TestNewClientRefusesAnInvalidConfiguration(t *testing.T) {
	isolate(t)
	_, err := Config{AssumeRole: &AssumeRole{}}.NewClient(context.Background())
	if err == nil {
		t.Fatal("assume_role without role_arn: want an error")
	}
}
