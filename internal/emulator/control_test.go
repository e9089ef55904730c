package emulator_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	ekstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"
	smithy "github.com/aws/smithy-go"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/emulatortest"
)

func TestClearingFaultsKeepsState(t *testing.T) {
	e, _ := emulatortest.Start(t, emulator.Options{})
	if err := e.EKS().SeedCluster(emulator.ClusterSeed{Name: "keep"}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{
		`{"service":"eks","operation":"DescribeCluster","kind":"throttle","count":3}`,
		`{"service":"eks","operation":"DescribeUpdate","kind":"server_error","count":1}`,
		`{"service":"ecr","operation":"CreatePullThroughCacheRule","kind":"lost_reply","count":1}`,
	} {
		if code, body := emulatortest.Control(t, e, http.MethodPost, "faults", f); code != http.StatusOK {
			t.Fatalf("inject %s: %d %s", f, code, body)
		}
	}
	// One operation's faults, then one service's, then the rest.
	if code, body := emulatortest.Control(t, e, http.MethodDelete, "faults?service=eks&operation=DescribeUpdate", ""); code != 200 || !strings.Contains(body, `"cleared":1`) {
		t.Fatalf("clear one operation: %d %s", code, body)
	}
	if p := e.Faults.Pending(); len(p) != 2 {
		t.Fatalf("pending after clearing one operation: %+v", p)
	}
	if code, body := emulatortest.Control(t, e, http.MethodDelete, "faults?service=eks", ""); code != 200 || !strings.Contains(body, `"cleared":1`) {
		t.Fatalf("clear one service: %d %s", code, body)
	}
	if code, body := emulatortest.Control(t, e, http.MethodDelete, "faults", ""); code != 200 || !strings.Contains(body, `"cleared":1`) {
		t.Fatalf("clear all: %d %s", code, body)
	}
	if p := e.Faults.Pending(); len(p) != 0 {
		t.Fatalf("faults left: %+v", p)
	}
	if _, ok := e.EKS().Cluster("keep"); !ok {
		t.Fatal("clearing faults dropped the cluster")
	}
}

func TestStatusLagAndUpdateDelayOnTheControlSurface(t *testing.T) {
	e, clock := emulatortest.Start(t, emulator.Options{UpdateDelay: time.Minute})
	if code, body := emulatortest.Control(t, e, http.MethodGet, "eks/timing", ""); code != 200 || !strings.Contains(body, `"updateDelay":"1m0s"`) || !strings.Contains(body, `"statusLag":"0s"`) {
		t.Fatalf("timing: %d %s", code, body)
	}
	for route, body := range map[string]string{
		"eks/status-lag":   `{"lag":"10s"}`,
		"eks/update-delay": `{"clusterName":"lagged","delay":"30s"}`,
	} {
		if code, out := emulatortest.Control(t, e, http.MethodPost, route, body); code != 200 {
			t.Fatalf("%s: %d %s", route, code, out)
		}
	}
	if code, _ := emulatortest.Control(t, e, http.MethodPost, "eks/status-lag", `{"lag":"-1s"}`); code != 400 {
		t.Fatalf("negative lag accepted: %d", code)
	}
	var timing struct {
		StatusLag          string            `json:"statusLag"`
		ClusterUpdateDelay map[string]string `json:"clusterUpdateDelay"`
	}
	_, body := emulatortest.Control(t, e, http.MethodGet, "eks/timing", "")
	if err := json.Unmarshal([]byte(body), &timing); err != nil || timing.StatusLag != "10s" || timing.ClusterUpdateDelay["lagged"] != "30s" {
		t.Fatalf("timing after setting: %s", body)
	}

	// The lag is what clients see: ACTIVE for 10 s after the update starts.
	o := emulatortest.ClientFor(e)
	c := eks.New(eks.Options{Region: o.Region, BaseEndpoint: o.BaseEndpoint, Credentials: o.Credentials, Retryer: o.Retryer})
	if err := e.EKS().SeedCluster(emulator.ClusterSeed{Name: "lagged"}); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.UpdateClusterConfig(ctx, &eks.UpdateClusterConfigInput{Name: aws.String("lagged"), ControlPlaneScalingConfig: &ekstypes.ControlPlaneScalingConfig{Tier: "tier-xl"}}); err != nil {
		t.Fatal(err)
	}
	status := func() ekstypes.ClusterStatus {
		out, err := c.DescribeCluster(ctx, &eks.DescribeClusterInput{Name: aws.String("lagged")})
		if err != nil {
			t.Fatal(err)
		}
		return out.Cluster.Status
	}
	if s := status(); s != ekstypes.ClusterStatusActive {
		t.Fatalf("within the lag: %s, want ACTIVE", s)
	}
	clock.Advance(11 * time.Second)
	if s := status(); s != ekstypes.ClusterStatusUpdating {
		t.Fatalf("after the lag: %s, want UPDATING", s)
	}
	clock.Advance(20 * time.Second) // the cluster's own 30 s delay
	if s := status(); s != ekstypes.ClusterStatusActive {
		t.Fatalf("after the cluster's update delay: %s, want ACTIVE", s)
	}
}

// zeros is an endless body that costs no memory to send.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func TestOversizedBodyIs413BeforeItIsRead(t *testing.T) {
	e, _ := emulatortest.Start(t, emulator.Options{MaxBodyBytes: 1 << 20})
	for name, sized := range map[string]bool{"with Content-Length": true, "chunked": false} {
		const size = 64 << 20
		body := io.LimitReader(zeros{}, size)
		req, _ := http.NewRequest(http.MethodPost, e.URL()+"/", body)
		if sized {
			req.ContentLength = size
		}
		req.Header.Set("X-Amz-Target", "AmazonEC2ContainerRegistry_V20150921.DescribePullThroughCacheRules")
		req.Header.Set("Content-Type", "application/x-amz-json-1.1")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			// The server may close the connection while the client still
			// writes; the reply must still be the 413.
			t.Fatalf("%s: %v", name, err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(b), "RequestEntityTooLargeException") {
			t.Fatalf("%s: %d %s", name, resp.StatusCode, b)
		}
	}
	// Through the SDK: the error surfaces with its code and is not retried.
	e.Calls.Clear()
	o := emulatortest.ClientFor(e)
	c := ecr.New(ecr.Options{Region: o.Region, BaseEndpoint: o.BaseEndpoint, Credentials: o.Credentials, Retryer: o.Retryer})
	huge := make([]string, 0, 40000)
	for i := 0; i < cap(huge); i++ {
		huge = append(huge, strings.Repeat("a", 30))
	}
	_, err := c.DescribePullThroughCacheRules(context.Background(), &ecr.DescribePullThroughCacheRulesInput{EcrRepositoryPrefixes: huge})
	var ae smithy.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != "RequestEntityTooLargeException" {
		t.Fatalf("SDK error %v, want RequestEntityTooLargeException", err)
	}
	if n := e.Calls.Count("ecr", "DescribePullThroughCacheRules"); n != 1 {
		t.Fatalf("%d calls: a 413 must not be retried: %v", n, err)
	}
}

func TestSlowFaultOutlivesACanceledCall(t *testing.T) {
	e, _ := emulatortest.Start(t, emulator.Options{UpdateDelay: time.Minute})
	if err := e.EKS().SeedCluster(emulator.ClusterSeed{Name: "slow"}); err != nil {
		t.Fatal(err)
	}
	if code, body := emulatortest.Control(t, e, http.MethodPost, "faults", `{"service":"eks","operation":"UpdateClusterConfig","kind":"slow","count":1,"delay":"300ms"}`); code != 200 || !strings.Contains(body, `"delay":"300ms"`) {
		t.Fatalf("inject slow: %d %s", code, body)
	}
	for _, bad := range []string{
		`{"service":"eks","operation":"X","kind":"slow","count":1}`,
		`{"service":"eks","operation":"X","kind":"throttle","count":1,"delay":"1s"}`,
		`{"service":"eks","operation":"X","kind":"slow","count":1,"delay":"11m"}`,
	} {
		if code, _ := emulatortest.Control(t, e, http.MethodPost, "faults", bad); code != http.StatusBadRequest {
			t.Errorf("%s accepted: %d", bad, code)
		}
	}
	o := emulatortest.ClientFor(e)
	c := eks.New(eks.Options{Region: o.Region, BaseEndpoint: o.BaseEndpoint, Credentials: o.Credentials, RetryMaxAttempts: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := c.UpdateClusterConfig(ctx, &eks.UpdateClusterConfigInput{Name: aws.String("slow"), ControlPlaneScalingConfig: &ekstypes.ControlPlaneScalingConfig{Tier: "tier-2xl"}})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("call under a slow fault: %v, want the client's deadline", err)
	}
	// The emulator finishes the call the client gave up on.
	deadline := time.Now().Add(5 * time.Second)
	for {
		if st, _ := e.EKS().Cluster("slow"); st.Status == "UPDATING" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the abandoned update never started")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
