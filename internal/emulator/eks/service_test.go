package eks_test

import (
	"context"
	"errors"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/emulatortest"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"
)

// These tests drive the emulator with the real SDK client only: if the wire
// format drifts from what service/eks expects, they fail.

func startEKS(t *testing.T) (*emulator.Emulator, *eks.Client, *emulatortest.Clock) {
	t.Helper()
	e, clock := emulatortest.Start(t, emulator.Options{UpdateDelay: time.Minute})
	o := emulatortest.ClientFor(e)
	return e, eks.New(eks.Options{Region: o.Region, BaseEndpoint: o.BaseEndpoint, Credentials: o.Credentials, Retryer: o.Retryer}), clock
}

func createCluster(t *testing.T, c *eks.Client, name string, tier types.ProvisionedControlPlaneTier) *types.Cluster {
	t.Helper()
	in := &eks.CreateClusterInput{
		Name:    aws.String(name),
		RoleArn: aws.String("arn:aws:iam::123456789012:role/eks"),
		Version: aws.String("1.33"),
		ResourcesVpcConfig: &types.VpcConfigRequest{
			SubnetIds: []string{"subnet-1", "subnet-2"},
		},
	}
	if tier != "" {
		in.ControlPlaneScalingConfig = &types.ControlPlaneScalingConfig{Tier: tier}
	}
	out, err := c.CreateCluster(context.Background(), in)
	if err != nil {
		t.Fatalf("CreateCluster: %v", err)
	}
	return out.Cluster
}

func TestEKSClusterLifecycle(t *testing.T) {
	_, c, clock := startEKS(t)
	ctx := context.Background()
	created := createCluster(t, c, "alpha", "")
	if created.Status != types.ClusterStatusActive || created.ControlPlaneScalingConfig.Tier != types.ProvisionedControlPlaneTierStandard {
		t.Fatalf("new cluster: status %s tier %+v", created.Status, created.ControlPlaneScalingConfig)
	}
	if !created.CreatedAt.Equal(clock.Now()) {
		t.Fatalf("createdAt %v, want %v (epoch seconds round trip)", created.CreatedAt, clock.Now())
	}
	if !strings.HasSuffix(aws.ToString(created.Arn), ":cluster/alpha") || aws.ToString(created.Version) != "1.33" {
		t.Fatalf("arn %s version %s", aws.ToString(created.Arn), aws.ToString(created.Version))
	}
	createCluster(t, c, "beta", types.ProvisionedControlPlaneTierTierXl)

	got, err := c.DescribeCluster(ctx, &eks.DescribeClusterInput{Name: aws.String("beta")})
	if err != nil {
		t.Fatal(err)
	}
	if got.Cluster.ControlPlaneScalingConfig.Tier != types.ProvisionedControlPlaneTierTierXl {
		t.Fatalf("beta tier %s", got.Cluster.ControlPlaneScalingConfig.Tier)
	}

	// Pagination: one name per page.
	var names []string
	p := eks.NewListClustersPaginator(c, &eks.ListClustersInput{MaxResults: aws.Int32(1)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, page.Clusters...)
	}
	if strings.Join(names, ",") != "alpha,beta" {
		t.Fatalf("ListClusters = %v", names)
	}

	_, err = c.CreateCluster(ctx, &eks.CreateClusterInput{Name: aws.String("alpha"), RoleArn: aws.String("arn:aws:iam::1:role/x"), ResourcesVpcConfig: &types.VpcConfigRequest{}})
	var inUse *types.ResourceInUseException
	if !errors.As(err, &inUse) {
		t.Fatalf("duplicate create: %v, want ResourceInUseException", err)
	}

	del, err := c.DeleteCluster(ctx, &eks.DeleteClusterInput{Name: aws.String("alpha")})
	if err != nil || del.Cluster.Status != types.ClusterStatusDeleting {
		t.Fatalf("DeleteCluster: %v %+v", err, del)
	}
	_, err = c.DescribeCluster(ctx, &eks.DescribeClusterInput{Name: aws.String("alpha")})
	var nf *types.ResourceNotFoundException
	if !errors.As(err, &nf) || !strings.Contains(nf.ErrorMessage(), "alpha") {
		t.Fatalf("describe deleted: %v, want ResourceNotFoundException naming the cluster", err)
	}
}

func TestEKSCreateClusterTokenIsIdempotent(t *testing.T) {
	_, c, _ := startEKS(t)
	in := &eks.CreateClusterInput{Name: aws.String("tok"), RoleArn: aws.String("arn:aws:iam::1:role/x"),
		ResourcesVpcConfig: &types.VpcConfigRequest{}, ClientRequestToken: aws.String("t-1")}
	if _, err := c.CreateCluster(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateCluster(context.Background(), in); err != nil {
		t.Fatalf("retry with the same token: %v", err)
	}
}

func updateTier(c *eks.Client, name string, tier types.ProvisionedControlPlaneTier, token string) (*types.Update, error) {
	in := &eks.UpdateClusterConfigInput{
		Name:                      aws.String(name),
		ControlPlaneScalingConfig: &types.ControlPlaneScalingConfig{Tier: tier},
	}
	if token != "" {
		in.ClientRequestToken = aws.String(token)
	}
	out, err := c.UpdateClusterConfig(context.Background(), in)
	if err != nil {
		return nil, err
	}
	return out.Update, nil
}

func describeUpdate(t *testing.T, c *eks.Client, name, id string) *types.Update {
	t.Helper()
	out, err := c.DescribeUpdate(context.Background(), &eks.DescribeUpdateInput{Name: aws.String(name), UpdateId: aws.String(id)})
	if err != nil {
		t.Fatal(err)
	}
	return out.Update
}

func clusterOf(t *testing.T, c *eks.Client, name string) *types.Cluster {
	t.Helper()
	out, err := c.DescribeCluster(context.Background(), &eks.DescribeClusterInput{Name: aws.String(name)})
	if err != nil {
		t.Fatal(err)
	}
	return out.Cluster
}

func param(u *types.Update, typ types.UpdateParamType) string {
	for _, p := range u.Params {
		if p.Type == typ {
			return aws.ToString(p.Value)
		}
	}
	return ""
}

func TestEKSTierUpdateGoesThroughUpdating(t *testing.T) {
	_, c, clock := startEKS(t)
	createCluster(t, c, "gamma", "")
	u, err := updateTier(c, "gamma", types.ProvisionedControlPlaneTierTier2xl, "")
	if err != nil {
		t.Fatal(err)
	}
	if u.Status != types.UpdateStatusInProgress || u.Type != types.UpdateTypeControlPlaneScalingConfigUpdate ||
		param(u, types.UpdateParamTypeUpdatedTier) != "tier-2xl" || param(u, types.UpdateParamTypePreviousTier) != "standard" {
		t.Fatalf("update = %+v", u)
	}
	cl := clusterOf(t, c, "gamma")
	if cl.Status != types.ClusterStatusUpdating || cl.ControlPlaneScalingConfig.Tier != types.ProvisionedControlPlaneTierStandard {
		t.Fatalf("during update: status %s tier %s", cl.Status, cl.ControlPlaneScalingConfig.Tier)
	}

	// A second update while one runs is refused with 409.
	_, err = updateTier(c, "gamma", types.ProvisionedControlPlaneTierTier4xl, "")
	var inUse *types.ResourceInUseException
	if !errors.As(err, &inUse) {
		t.Fatalf("second update: %v, want ResourceInUseException", err)
	}

	clock.Advance(time.Minute)
	done := describeUpdate(t, c, "gamma", aws.ToString(u.Id))
	if done.Status != types.UpdateStatusSuccessful || len(done.Errors) != 0 {
		t.Fatalf("after the delay: %+v", done)
	}
	cl = clusterOf(t, c, "gamma")
	if cl.Status != types.ClusterStatusActive || cl.ControlPlaneScalingConfig.Tier != types.ProvisionedControlPlaneTierTier2xl {
		t.Fatalf("after update: status %s tier %s", cl.Status, cl.ControlPlaneScalingConfig.Tier)
	}

	list, err := c.ListUpdates(context.Background(), &eks.ListUpdatesInput{Name: aws.String("gamma")})
	if err != nil || len(list.UpdateIds) != 1 || list.UpdateIds[0] != aws.ToString(u.Id) {
		t.Fatalf("ListUpdates = %v, %v", list, err)
	}
}

func TestEKSUpdateTokenIsIdempotent(t *testing.T) {
	_, c, clock := startEKS(t)
	createCluster(t, c, "tok", "")
	first, err := updateTier(c, "tok", types.ProvisionedControlPlaneTierTierXl, "same-token")
	if err != nil {
		t.Fatal(err)
	}
	again, err := updateTier(c, "tok", types.ProvisionedControlPlaneTierTierXl, "same-token")
	if err != nil || aws.ToString(again.Id) != aws.ToString(first.Id) {
		t.Fatalf("replay: %v %v, want update %s", again, err, aws.ToString(first.Id))
	}
	clock.Advance(time.Minute)
	replay, err := updateTier(c, "tok", types.ProvisionedControlPlaneTierTierXl, "same-token")
	if err != nil || replay.Status != types.UpdateStatusSuccessful {
		t.Fatalf("replay after completion: %+v %v", replay, err)
	}
}

func TestEKSUpdateValidation(t *testing.T) {
	_, c, _ := startEKS(t)
	createCluster(t, c, "delta", types.ProvisionedControlPlaneTierTierXl)
	ctx := context.Background()
	var invalid *types.InvalidParameterException

	_, err := updateTier(c, "delta", "tier-3xl", "")
	if !errors.As(err, &invalid) || !strings.Contains(invalid.ErrorMessage(), "tier-3xl") {
		t.Fatalf("unknown tier: %v", err)
	}
	_, err = c.UpdateClusterConfig(ctx, &eks.UpdateClusterConfigInput{
		Name:                      aws.String("delta"),
		ControlPlaneScalingConfig: &types.ControlPlaneScalingConfig{Tier: types.ProvisionedControlPlaneTierTier2xl},
		Logging:                   &types.Logging{ClusterLogging: []types.LogSetup{{Enabled: aws.Bool(true), Types: []types.LogType{types.LogTypeApi}}}},
	})
	if !errors.As(err, &invalid) || !strings.Contains(invalid.ErrorMessage(), "Only one type of update") {
		t.Fatalf("mixed update: %v", err)
	}
	_, err = updateTier(c, "delta", types.ProvisionedControlPlaneTierTierXl, "")
	if !errors.As(err, &invalid) {
		t.Fatalf("same tier: %v, want InvalidParameterException", err)
	}
	var nf *types.ResourceNotFoundException
	if _, err = updateTier(c, "nope", types.ProvisionedControlPlaneTierTierXl, ""); !errors.As(err, &nf) {
		t.Fatalf("missing cluster: %v", err)
	}
	if _, err = c.DescribeUpdate(ctx, &eks.DescribeUpdateInput{Name: aws.String("delta"), UpdateId: aws.String("no-such")}); !errors.As(err, &nf) {
		t.Fatalf("missing update: %v", err)
	}
}

func TestEKSFailNextUpdate(t *testing.T) {
	e, c, clock := startEKS(t)
	createCluster(t, c, "eps", types.ProvisionedControlPlaneTierTierXl)
	createCluster(t, c, "other", "")
	e.EKS().FailNextUpdate("eps", "Insufficient capacity to scale the control plane.")

	// Another cluster's update is not affected.
	ok, err := updateTier(c, "other", types.ProvisionedControlPlaneTierTierXl, "")
	if err != nil {
		t.Fatal(err)
	}
	u, err := updateTier(c, "eps", types.ProvisionedControlPlaneTierTier4xl, "")
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Minute)
	failed := describeUpdate(t, c, "eps", aws.ToString(u.Id))
	if failed.Status != types.UpdateStatusFailed || len(failed.Errors) != 1 ||
		aws.ToString(failed.Errors[0].ErrorMessage) != "Insufficient capacity to scale the control plane." {
		t.Fatalf("failed update = %+v", failed)
	}
	if tier := clusterOf(t, c, "eps").ControlPlaneScalingConfig.Tier; tier != types.ProvisionedControlPlaneTierTierXl {
		t.Fatalf("tier after failed update = %s, want tier-xl", tier)
	}
	if st := describeUpdate(t, c, "other", aws.ToString(ok.Id)).Status; st != types.UpdateStatusSuccessful {
		t.Fatalf("other cluster's update = %s", st)
	}
	// Only the next update fails.
	retry, err := updateTier(c, "eps", types.ProvisionedControlPlaneTierTier4xl, "")
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Minute)
	if st := describeUpdate(t, c, "eps", aws.ToString(retry.Id)).Status; st != types.UpdateStatusSuccessful {
		t.Fatalf("retry = %s", st)
	}
}

func TestEKSDescribeClusterVersions(t *testing.T) {
	_, c, _ := startEKS(t)
	ctx := context.Background()
	out, err := c.DescribeClusterVersions(ctx, &eks.DescribeClusterVersionsInput{ClusterVersions: []string{"1.33"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.ClusterVersions) != 1 {
		t.Fatalf("versions = %+v", out.ClusterVersions)
	}
	v := out.ClusterVersions[0]
	if aws.ToString(v.ClusterVersion) != "1.33" || v.VersionStatus != types.VersionStatusStandardSupport || v.ReleaseDate == nil {
		t.Fatalf("version = %+v", v)
	}
	got := map[string]types.ControlPlaneScalingTierInfo{}
	for _, ti := range v.ControlPlaneScalingTiers {
		got[aws.ToString(ti.TierName)] = ti
	}
	xl := got["tier-xl"]
	if len(got) != 5 || aws.ToInt32(xl.ApiRequestConcurrency) != 1700 || aws.ToInt32(xl.PodSchedulingRatePerSecond) != 167 || aws.ToInt32(xl.ClusterDatabaseSizeGb) != 16 {
		t.Fatalf("tiers = %+v", got)
	}

	def, err := c.DescribeClusterVersions(ctx, &eks.DescribeClusterVersionsInput{DefaultOnly: aws.Bool(true)})
	if err != nil || len(def.ClusterVersions) != 1 || !aws.ToBool(&def.ClusterVersions[0].DefaultVersion) {
		t.Fatalf("defaultOnly = %+v %v", def, err)
	}
	all, err := c.DescribeClusterVersions(ctx, &eks.DescribeClusterVersionsInput{})
	if err != nil {
		t.Fatal(err)
	}
	withUnsupported, err := c.DescribeClusterVersions(ctx, &eks.DescribeClusterVersionsInput{IncludeAll: aws.Bool(true)})
	if err != nil || len(withUnsupported.ClusterVersions) != len(all.ClusterVersions)+1 {
		t.Fatalf("includeAll: %d vs %d (%v)", len(withUnsupported.ClusterVersions), len(all.ClusterVersions), err)
	}
	ext, err := c.DescribeClusterVersions(ctx, &eks.DescribeClusterVersionsInput{VersionStatus: types.VersionStatusExtendedSupport})
	if err != nil || len(ext.ClusterVersions) == 0 {
		t.Fatalf("versionStatus filter: %v %v", ext, err)
	}
	for _, v := range ext.ClusterVersions {
		if v.VersionStatus != types.VersionStatusExtendedSupport {
			t.Fatalf("versionStatus filter returned %s", v.VersionStatus)
		}
	}
}

func TestEKSGenericFaultsThroughTheSDK(t *testing.T) {
	e, c, _ := startEKS(t)
	createCluster(t, c, "zeta", "")
	for _, kind := range []emulator.FaultKind{emulator.FaultThrottle, emulator.FaultServerError} {
		e.Calls.Clear()
		if err := e.Faults.Inject(emulator.Fault{Service: "eks", Operation: "DescribeCluster", Kind: kind, Count: 2}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.DescribeCluster(context.Background(), &eks.DescribeClusterInput{Name: aws.String("zeta")}); err != nil {
			t.Fatalf("%s: SDK did not retry through the fault: %v", kind, err)
		}
		if n := e.Calls.Count("eks", "DescribeCluster"); n != 3 {
			t.Fatalf("%s: %d calls, want 2 faulted + 1", kind, n)
		}
	}
	if err := e.Faults.Inject(emulator.Fault{Service: "eks", Operation: "DescribeCluster", Kind: emulator.FaultNotFound, Count: 1}); err != nil {
		t.Fatal(err)
	}
	_, err := c.DescribeCluster(context.Background(), &eks.DescribeClusterInput{Name: aws.String("zeta")})
	var nf *types.ResourceNotFoundException
	if !errors.As(err, &nf) {
		t.Fatalf("not_found fault: %v", err)
	}
	if _, err := c.DescribeCluster(context.Background(), &eks.DescribeClusterInput{Name: aws.String("zeta")}); err != nil {
		t.Fatalf("after the fault: %v", err)
	}
}

func TestEKSControlRoutes(t *testing.T) {
	e, c, clock := startEKS(t)
	post := func(route, body string) {
		t.Helper()
		resp, err := http.Post(e.URL()+"/_emulator/"+route, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: HTTP %d", route, resp.StatusCode)
		}
	}
	post("eks/clusters", `{"name":"demo","version":"1.34"}`)
	if cl := clusterOf(t, c, "demo"); aws.ToString(cl.Version) != "1.34" || cl.ControlPlaneScalingConfig.Tier != types.ProvisionedControlPlaneTierStandard {
		t.Fatalf("seeded cluster = %+v", cl)
	}
	post("eks/update-delay", `{"clusterName":"demo","delay":"2m"}`)
	post("eks/fail-next-update", `{"clusterName":"demo","message":"boom"}`)
	u, err := updateTier(c, "demo", types.ProvisionedControlPlaneTierTierXl, "")
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Minute)
	if st := describeUpdate(t, c, "demo", aws.ToString(u.Id)).Status; st != types.UpdateStatusInProgress {
		t.Fatalf("per-cluster delay ignored: %s after 1m", st)
	}
	clock.Advance(time.Minute)
	if got := describeUpdate(t, c, "demo", aws.ToString(u.Id)); got.Status != types.UpdateStatusFailed || aws.ToString(got.Errors[0].ErrorMessage) != "boom" {
		t.Fatalf("fail-next-update ignored: %+v", got)
	}
}

func TestEKSStatusLag(t *testing.T) {
	e, c, clock := startEKS(t)
	createCluster(t, c, "lag", "")
	e.EKS().SetStatusLag("lag", 10*time.Second)
	if _, err := updateTier(c, "lag", types.ProvisionedControlPlaneTierTierXl, ""); err != nil {
		t.Fatal(err)
	}
	if st := clusterOf(t, c, "lag").Status; st != types.ClusterStatusActive {
		t.Fatalf("status within the lag = %s, want ACTIVE", st)
	}
	// The update is running all the same.
	var inUse *types.ResourceInUseException
	if _, err := updateTier(c, "lag", types.ProvisionedControlPlaneTierTier2xl, ""); !errors.As(err, &inUse) {
		t.Fatalf("second update within the lag: %v, want ResourceInUseException", err)
	}
	clock.Advance(10 * time.Second)
	if st := clusterOf(t, c, "lag").Status; st != types.ClusterStatusUpdating {
		t.Fatalf("status after the lag = %s, want UPDATING", st)
	}
}
