package karpenter_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

const autoNodeClass = "data.scaling_eks_auto_node_class.test"

const autoNodeClassTerms = `  subnet_selector_terms         = [{ tags = { "kubernetes.io/role/internal-elb" = "1" } }]
  security_group_selector_terms = [{ tags = { "aws:eks:cluster-name" = "my-cluster" } }]
`

func autoNodeClassConfig(body string) string {
	return acctest.OfflineDataSourceConfig("scaling_eks_auto_node_class", `  name = "private-compute"
  role = "AmazonEKSAutoNodeRole"
`+autoNodeClassTerms+body)
}

// autoNodeClassConfigNamed leaves name and role to the body.
func autoNodeClassConfigNamed(body string) string {
	return acctest.OfflineDataSourceConfig("scaling_eks_auto_node_class", autoNodeClassTerms+body)
}

func TestEKSAutoNodeClassDataSource_full(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: autoNodeClassConfig(`
  pod_subnet_selector_terms           = [{ tags = { "kubernetes.io/role/pod" = "1" } }]
  pod_security_group_selector_terms   = [{ id = "sg-0123456789abcdef0" }]
  capacity_reservation_selector_terms = [{ id = "cr-56fac701cc1951b03" }, { tags = { app = "checkout" }, owner = "012345678901" }]
  ephemeral_storage                   = { size = "160Gi", iops = 6000, throughput = 500, kms_key_id = "alias/eks-nodes" }
  network_policy                      = "DefaultDeny"
  network_policy_event_logs           = "Enabled"
  snat_policy                         = "Disabled"
  advanced_networking = {
    https_proxy      = "http://192.0.2.4:3128"
    no_proxy         = ["localhost", "169.254.169.254", ".internal"]
    ipv4_prefix_size = "32"
  }
  tags = { team = "platform" }
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(autoNodeClass, "manifest.apiVersion", "eks.amazonaws.com/v1"),
			resource.TestCheckResourceAttr(autoNodeClass, "manifest.kind", "NodeClass"),
			resource.TestCheckResourceAttr(autoNodeClass, "manifest.spec.role", "AmazonEKSAutoNodeRole"),
			resource.TestCheckResourceAttr(autoNodeClass, "manifest.spec.podSecurityGroupSelectorTerms.0.id", "sg-0123456789abcdef0"),
			resource.TestCheckResourceAttr(autoNodeClass, "manifest.spec.capacityReservationSelectorTerms.1.owner", "012345678901"),
			resource.TestCheckResourceAttr(autoNodeClass, "manifest.spec.ephemeralStorage.throughput", "500"),
			resource.TestCheckResourceAttr(autoNodeClass, "manifest.spec.advancedNetworking.ipv4PrefixSize", "32"),
			resource.TestCheckResourceAttr(autoNodeClass, "manifest.spec.snatPolicy", "Disabled"),
			resource.TestCheckNoResourceAttr(autoNodeClass, "manifest.spec.amiSelectorTerms"),
			resource.TestCheckNoResourceAttr(autoNodeClass, "manifest.spec.userData"),
			resource.TestCheckResourceAttr(autoNodeClass, "selects_capacity_reservations", "true"),
		),
	}})
}

// EC2NodeClass settings on an Auto Mode NodeClass fail the plan with the
// Auto Mode way, as do the other seed-style mistakes.
func TestEKSAutoNodeClassDataSource_badInput(t *testing.T) {
	t.Parallel()
	acctest.ExpectErrors(t, autoNodeClassConfig, acctest.BadInputs{
		"ami alias":           {`ami_alias = "bottlerocket@latest"`, `is an EC2NodeClass \(self-managed Karpenter\) setting: EKS Auto Mode chooses and updates the AMI`},
		"user data":           {`user_data = { raw = "#!/bin/bash" }`, `is an EC2NodeClass .* scaling_image_prepull`},
		"block devices":       {`block_device_mappings = [{ device_name = "/dev/xvda", volume_size = "100Gi" }]`, `ephemeral_storage \{ size, iops, throughput, kms_key_id \}`},
		"kubelet":             {`kubelet = { max_pods = 110 }`, `manages the kubelet`},
		"pod subnets alone":   {`pod_subnet_selector_terms = [{ id = "subnet-0abc" }]`, `Invalid pod_security_group_selector_terms.*is required with pod_subnet_selector_terms`},
		"iops above range":    {`ephemeral_storage = { iops = 20000 }`, `Invalid ephemeral_storage.iops.*must be 3000-16000`},
		"owner id":            {`capacity_reservation_selector_terms = [{ tags = { a = "b" }, owner = "me" }]`, `"me" must be a 12-digit AWS account id`},
		"restricted tag":      {`tags = { "eks.amazonaws.com/nodeclass" = "x" }`, `set by EKS Auto Mode itself`},
		"network policy typo": {`network_policy = "Deny"`, `"Deny" must be one of DefaultAllow, DefaultDeny`},
	})
	acctest.ExpectErrors(t, autoNodeClassConfigNamed, acctest.BadInputs{
		"default name": {`name = "default"` + "\n" + `role = "AmazonEKSAutoNodeRole"`, `built-in NodePools; give yours another name`},
		"role ARN":     {`name = "gpu"` + "\n" + `role = "arn:aws:iam::123456789012:role/AmazonEKSAutoNodeRole"`, `set the role name`},
	})
}

func TestEKSAutoNodeClassDataSource_problemPaths(t *testing.T) {
	t.Parallel()
	acctest.CheckProblemPaths(t, "scaling_eks_auto_node_class", map[string]any{
		"name":                                "private-compute",
		"role":                                "AmazonEKSAutoNodeRole",
		"subnet_selector_terms":               []any{map[string]any{"tags": map[string]any{"a": "b"}}},
		"security_group_selector_terms":       []any{map[string]any{"id": "sg-1"}},
		"pod_subnet_selector_terms":           []any{map[string]any{"id": "subnet-1"}},
		"pod_security_group_selector_terms":   []any{map[string]any{"id": "sg-2"}},
		"capacity_reservation_selector_terms": []any{map[string]any{"id": "cr-1"}},
		"ephemeral_storage":                   map[string]any{"size": "80Gi", "iops": 3000, "throughput": 125},
		"advanced_networking":                 map[string]any{"https_proxy": "http://192.0.2.4:3128", "no_proxy": []any{"169.254.169.254"}},
		"certificate_bundles":                 []any{map[string]any{"name": "ca", "data": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg=="}},
		"tags":                                map[string]any{"team": "a"},
	})
}
