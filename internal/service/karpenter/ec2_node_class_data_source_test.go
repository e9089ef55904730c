package karpenter_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

const nodeClass = "data.scaling_karpenter_ec2_node_class.test"

func nodeClassConfig(body string) string {
	return acctest.OfflineDataSourceConfig("scaling_karpenter_ec2_node_class", `  name                          = "default"
  subnet_selector_terms         = [{ tags = { "karpenter.sh/discovery" = "my-cluster" } }]
  security_group_selector_terms = [{ tags = { "karpenter.sh/discovery" = "my-cluster" } }]
`+body)
}

func TestEC2NodeClassDataSource_al2023(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: nodeClassConfig(`
  role = "KarpenterNodeRole-my-cluster"
  block_device_mappings = [{ device_name = "/dev/xvda", root_volume = true, volume_size = "100Gi", throughput = 500 }]
  user_data = {
    pre_pull_images = ["public.ecr.aws/docker/library/nginx:1.27"]
  }
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(nodeClass, "manifest.apiVersion", "karpenter.k8s.aws/v1"),
			resource.TestCheckResourceAttr(nodeClass, "manifest.kind", "EC2NodeClass"),
			resource.TestCheckResourceAttr(nodeClass, "manifest.spec.amiSelectorTerms.0.alias", "al2023@latest"),
			resource.TestCheckResourceAttr(nodeClass, "manifest.spec.role", "KarpenterNodeRole-my-cluster"),
			resource.TestCheckResourceAttr(nodeClass, "manifest.spec.metadataOptions.httpTokens", "required"),
			resource.TestCheckResourceAttr(nodeClass, "manifest.spec.blockDeviceMappings.0.ebs.volumeType", "gp3"),
			resource.TestCheckResourceAttr(nodeClass, "manifest.spec.blockDeviceMappings.0.ebs.throughput", "500"),
			resource.TestMatchResourceAttr(nodeClass, "rendered_user_data", regexp.MustCompile(`(?s)Content-Type: multipart/mixed.*application/node.eks.aws.*kind: NodeConfig.*serializeImagePulls: false.*text/x-shellscript.*ctr --namespace k8s.io images pull`)),
			resource.TestMatchResourceAttr(nodeClass, "yaml", regexp.MustCompile(`userData: \|`)),
		),
	}})
}

func TestEC2NodeClassDataSource_bottlerocket(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: nodeClassConfig(`
  ami_alias        = "bottlerocket@latest"
  instance_profile = "KarpenterNodeInstanceProfile"
  user_data        = { registry_pull_qps = 20 }
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(nodeClass, "manifest.spec.instanceProfile", "KarpenterNodeInstanceProfile"),
			resource.TestCheckNoResourceAttr(nodeClass, "manifest.spec.role"),
			resource.TestCheckResourceAttr(nodeClass, "rendered_user_data", "[settings.kubernetes]\nregistry-qps = 20\n"),
		),
	}})
}

func TestEC2NodeClassDataSource_badInput(t *testing.T) {
	t.Parallel()
	cases := acctest.BadInputs{
		"role and instance profile": {`role = "r"` + "\n" + `instance_profile = "p"`, `set exactly one of role and instance_profile`},
		"no role":                   {``, `set role`},
		"bootstrap.sh on AL2023":    {`role = "r"` + "\n" + `user_data = { raw = "/etc/eks/bootstrap.sh my-cluster" }`, `AL2023 has no /etc/eks/bootstrap.sh`},
		"unknown alias family":      {`role = "r"` + "\n" + `ami_alias = "al2024@latest"`, `family "al2024" is not supported`},
		"restricted tag":            {`role = "r"` + "\n" + `tags = { "kubernetes.io/cluster/my-cluster" = "owned" }`, `set by Karpenter itself`},
		"fractional iops":           {`role = "r"` + "\n" + `block_device_mappings = [{ device_name = "/dev/xvda", volume_size = "20Gi", iops = 3000.5 }]`, `block_device_mappings\[0\]\.iops: must be a whole number between 0 and 256000, got 3000\.5`},
		"huge max pods":             {`role = "r"` + "\n" + `kubelet = { max_pods = 1e400 }`, `kubelet\.max_pods: must be a whole number between 0 and 1000, got 1e\+400`},
		"prepull on bottlerocket":   {`role = "r"` + "\n" + `ami_alias = "bottlerocket@latest"` + "\n" + `user_data = { pre_pull_images = ["nginx:1"] }`, `snapshot_id`},
	}
	acctest.ExpectErrors(t, nodeClassConfig, cases)
}

func TestEC2NodeClassDataSource_problemPaths(t *testing.T) {
	t.Parallel()
	tags := map[string]any{"karpenter.sh/discovery": "c"}
	acctest.CheckProblemPaths(t, "scaling_karpenter_ec2_node_class", map[string]any{
		"name":                          "default",
		"role":                          "KarpenterNodeRole",
		"subnet_selector_terms":         []any{map[string]any{"tags": tags}},
		"security_group_selector_terms": []any{map[string]any{"tags": tags}},
		"block_device_mappings":         []any{map[string]any{"device_name": "/dev/xvda", "root_volume": true, "volume_size": "20Gi", "iops": 3000, "throughput": 125}},
		"metadata_options":              map[string]any{"http_put_response_hop_limit": 1},
		"kubelet": map[string]any{"max_pods": 110, "eviction_soft": map[string]any{"memory.available": "5%"},
			"eviction_soft_grace_period": map[string]any{"memory.available": "1m"}, "cluster_dns": []any{"10.0.0.10"}},
		"user_data": map[string]any{"max_parallel_image_pulls": 5, "pre_pull_images": []any{"nginx:1"}},
		"tags":      map[string]any{"team": "a"},
	})
}
