package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
)

// start runs the CLI with args until the test ends and returns the
// running emulator and what it wrote to stderr by then.
func start(t *testing.T, args ...string) (*emulator.Emulator, string) {
	t.Helper()
	stop := make(chan struct{})
	ready := make(chan *emulator.Emulator, 1)
	done := make(chan int, 1)
	var stderr bytes.Buffer
	go func() { done <- run(args, io.Discard, &stderr, stop, func(e *emulator.Emulator) { ready <- e }) }()
	select {
	case e := <-ready:
		t.Cleanup(func() { close(stop); <-done })
		return e, stderr.String()
	case code := <-done:
		t.Fatalf("emulator exited %d: %s", code, stderr.String())
		return nil, ""
	}
}

func TestZeroUpdateDelayFinishesUpdatesAtOnce(t *testing.T) {
	e, _ := start(t, "--update-delay", "0s")
	ctx := context.Background()
	c := eks.New(eks.Options{Region: "us-east-1", BaseEndpoint: aws.String(e.URL()), Credentials: credentials.NewStaticCredentialsProvider("a", "b", "")})
	if _, err := c.CreateCluster(ctx, &eks.CreateClusterInput{Name: aws.String("zero"), RoleArn: aws.String("arn:aws:iam::123456789012:role/r"), ResourcesVpcConfig: &types.VpcConfigRequest{}}); err != nil {
		t.Fatal(err)
	}
	up, err := c.UpdateClusterConfig(ctx, &eks.UpdateClusterConfigInput{Name: aws.String("zero"), ControlPlaneScalingConfig: &types.ControlPlaneScalingConfig{Tier: types.ProvisionedControlPlaneTierTierXl}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.DescribeUpdate(ctx, &eks.DescribeUpdateInput{Name: aws.String("zero"), UpdateId: up.Update.Id})
	if err != nil || got.Update.Status != types.UpdateStatusSuccessful {
		t.Fatalf("with --update-delay 0s the update is %v (%v), want Successful at once", got, err)
	}
	if timing := e.EKS().Timing(); timing.UpdateDelay != "0s" {
		t.Fatalf("update delay in force %s, want 0s", timing.UpdateDelay)
	}
}

func TestStatusLagFlagIsTheDefaultLag(t *testing.T) {
	e, _ := start(t, "--status-lag", "4s")
	if lag := e.EKS().Timing().StatusLag; lag != "4s" {
		t.Fatalf("status lag %s, want 4s", lag)
	}
}

func control(t *testing.T, e *emulator.Emulator, token string) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, e.URL()+"/_emulator/faults", nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestNonLoopbackAddrWarnsAndGuardsTheControlRoutes(t *testing.T) {
	// Listening on every interface; the test only talks to 127.0.0.1.
	e, stderr := start(t, "--addr", "0.0.0.0:0")
	if !strings.Contains(stderr, "WARNING: 0.0.0.0:0 is not a loopback address") {
		t.Fatalf("no warning on stderr: %q", stderr)
	}
	token := regexp.MustCompile(`Bearer ([0-9a-f]{32})`).FindStringSubmatch(stderr)
	if token == nil {
		t.Fatalf("no generated token on stderr: %q", stderr)
	}
	// The listener on 0.0.0.0 is reached through 127.0.0.1.
	url := strings.Replace(e.URL(), "0.0.0.0", "127.0.0.1", 1)
	for _, tc := range []struct {
		token string
		want  int
	}{{"", http.StatusUnauthorized}, {"wrong", http.StatusUnauthorized}, {token[1], http.StatusOK}} {
		req, _ := http.NewRequest(http.MethodGet, url+"/_emulator/faults", nil)
		if tc.token != "" {
			req.Header.Set("Authorization", "Bearer "+tc.token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("token %q: status %d, want %d", tc.token, resp.StatusCode, tc.want)
		}
	}
}

func TestLoopbackAddrNeedsNoToken(t *testing.T) {
	e, stderr := start(t, "--addr", "127.0.0.1:0")
	if stderr != "" {
		t.Fatalf("unexpected stderr on loopback: %q", stderr)
	}
	if code := control(t, e, ""); code != http.StatusOK {
		t.Fatalf("control route on loopback: %d", code)
	}
}

func TestExplicitTokenIsRequiredEvenOnLoopback(t *testing.T) {
	e, _ := start(t, "--control-token", "s3cret")
	if code := control(t, e, ""); code != http.StatusUnauthorized {
		t.Fatalf("without the token: %d", code)
	}
	if code := control(t, e, "s3cret"); code != http.StatusOK {
		t.Fatalf("with the token: %d", code)
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:0": true, "localhost:4566": true, "[::1]:0": true, "127.8.9.1:80": true,
		":4566": false, "0.0.0.0:0": false, "[::]:0": false, "192.168.1.5:4566": false, "example.com:80": false,
	} {
		if got := isLoopback(addr); got != want {
			t.Errorf("isLoopback(%q) = %v, want %v", addr, got, want)
		}
	}
}
