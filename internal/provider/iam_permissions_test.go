package provider_test

import (
	"encoding/json"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

const iamPage = "../../templates/guides/iam-permissions.md.tmpl"

var (
	permissionRow = regexp.MustCompile("^\\| `(scaling_[a-z0-9_]+)` \\|(.*)\\|$")
	iamAction     = regexp.MustCompile("`([a-z0-9]+:[A-Za-z0-9]+)`")
)

// The IAM permissions guide lists, for each resource and data source,
// exactly the AWS operations the code can call (scanned from the service
// packages): an operation added to a resource without the page fails here.
func TestIAMPermissionsPageListsEveryCall(t *testing.T) {
	want := scanAWSCalls(t)
	if len(want) < 4 {
		t.Fatalf("the scan found only %v: is it reading internal/service?", want)
	}
	page, err := os.ReadFile(iamPage)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, line := range strings.Split(string(page), "\n") {
		m := permissionRow.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		var actions []string
		for _, a := range iamAction.FindAllStringSubmatch(m[2], -1) {
			actions = append(actions, a[1])
		}
		sort.Strings(actions)
		got[m[1]] = actions
	}
	if formatPermissions(got) != formatPermissions(want) {
		t.Errorf("%s is out of date with the code. Its table rows must be:\n\n%s\ngot:\n\n%s", iamPage, formatPermissions(want), formatPermissions(got))
	}
}

// The scan finds what it is meant to: a known call chain (the tier
// resource reaches UpdateClusterConfig through setTier, DescribeUpdate
// through waitUpdateDone and findUpdate, ListUpdates through a paginator).
func TestIAMScanFollowsCallChains(t *testing.T) {
	ops := strings.Join(scanAWSCalls(t)["scaling_control_plane_tier"], " ")
	for _, want := range []string{"eks:UpdateClusterConfig", "eks:DescribeUpdate", "eks:DescribeCluster", "eks:ListUpdates"} {
		if !strings.Contains(ops, want) {
			t.Errorf("scaling_control_plane_tier: %s not found in %s", want, ops)
		}
	}
	for name, ops := range scanAWSCalls(t) {
		if strings.Contains(name, "karpenter") || strings.Contains(name, "estimate") {
			t.Errorf("%s is offline but the scan says it calls %v", name, ops)
		}
	}
}

// The page's starting policy allows exactly the scanned actions.
func TestIAMPermissionsPagePolicyAllowsEveryCall(t *testing.T) {
	page, err := os.ReadFile(iamPage)
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(page), "```json\n")
	doc, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatalf("%s has no json policy", iamPage)
	}
	var policy struct {
		Statement []struct {
			Sid    string
			Action any
		}
	}
	if err := json.Unmarshal([]byte(doc), &policy); err != nil {
		t.Fatalf("the policy is not valid JSON: %v", err)
	}
	union := map[string]bool{}
	for _, ops := range scanAWSCalls(t) {
		for _, op := range ops {
			union[op] = true
		}
	}
	var want []string
	for op := range union {
		want = append(want, op)
	}
	sort.Strings(want)
	for _, s := range policy.Statement {
		if s.Sid != "ScalingProvider" {
			continue
		}
		var got []string
		for _, a := range s.Action.([]any) {
			got = append(got, a.(string))
		}
		sort.Strings(got)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("the ScalingProvider statement's actions must be:\n%s\ngot:\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
		}
		return
	}
	t.Error("the policy has no ScalingProvider statement")
}

// Only objects that call AWS ask for an AWS client: framework.AWSResource
// and AWSDataSource make a region and valid credentials a precondition, so
// an object that calls no AWS API must not embed them (it would fail for
// users without AWS configuration), and one that does must.
func TestOnlyObjectsThatCallAWSNeedAnAWSClient(t *testing.T) {
	for name, s := range scanServices(t) {
		switch {
		case s.awsClient && len(s.ops) == 0:
			t.Errorf("%s embeds framework.AWSResource/AWSDataSource but calls no AWS API: it would demand a region and credentials for nothing; embed framework.ProviderConfigured if it needs the provider's configuration", name)
		case !s.awsClient && len(s.ops) > 0:
			t.Errorf("%s calls %v without embedding framework.AWSResource/AWSDataSource, so a missing region is not reported", name, s.ops)
		}
	}
}
