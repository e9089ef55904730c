package karpenter_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

const autoNodePool = "data.scaling_eks_auto_node_pool.test"

func autoNodePoolConfig(body string) string {
	return acctest.OfflineDataSourceConfig("scaling_eks_auto_node_pool", body)
}

func TestEKSAutoNodePoolDataSource_defaults(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: autoNodePoolConfig(`name = "web"`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(autoNodePool, "manifest.apiVersion", "karpenter.sh/v1"),
			resource.TestCheckResourceAttr(autoNodePool, "manifest.spec.template.spec.nodeClassRef.group", "eks.amazonaws.com"),
			resource.TestCheckResourceAttr(autoNodePool, "manifest.spec.template.spec.nodeClassRef.kind", "NodeClass"),
			resource.TestCheckResourceAttr(autoNodePool, "manifest.spec.template.spec.nodeClassRef.name", "default"),
			resource.TestCheckResourceAttr(autoNodePool, "manifest.spec.template.spec.expireAfter", "336h"),
			resource.TestCheckResourceAttr(autoNodePool, "manifest.spec.template.spec.requirements.0.key", "eks.amazonaws.com/instance-category"),
			resource.TestCheckResourceAttr(autoNodePool, "manifest.spec.template.spec.requirements.1.key", "eks.amazonaws.com/instance-generation"),
			resource.TestCheckResourceAttr(autoNodePool, "manifest.spec.disruption.consolidateAfter", "1m"),
		),
	}})
}

// The rule's startup taint and the node class's reservations plug in.
func TestEKSAutoNodePoolDataSource_readinessAndReservations(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: acctest.OfflineProviderConfig + `
data "scaling_node_readiness_rule" "cni" {
  name       = "vpc-cni"
  presets    = ["vpc_cni"]
  node_pools = ["gpu"]
}
data "scaling_eks_auto_node_class" "gpu" {
  name                                = "gpu"
  role                                = "AmazonEKSAutoNodeRole"
  subnet_selector_terms               = [{ tags = { "kubernetes.io/role/internal-elb" = "1" } }]
  security_group_selector_terms       = [{ tags = { "aws:eks:cluster-name" = "my-cluster" } }]
  capacity_reservation_selector_terms = [{ id = "cr-56fac701cc1951b03" }]
}
data "scaling_eks_auto_node_pool" "test" {
  name                                     = "gpu"
  node_class_name                          = data.scaling_eks_auto_node_class.gpu.name
  instance_families                        = ["g6", "p5"]
  capacity_types                           = ["reserved"]
  node_class_selects_capacity_reservations = data.scaling_eks_auto_node_class.gpu.selects_capacity_reservations
  startup_taints                           = data.scaling_node_readiness_rule.cni.startup_taints
}
`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(autoNodePool, "manifest.spec.template.spec.startupTaints.0.key", "readiness.k8s.io/vpc-cni"),
			resource.TestCheckResourceAttr(autoNodePool, "manifest.spec.template.spec.startupTaints.0.value", "pending"),
			resource.TestCheckResourceAttr(autoNodePool, "manifest.spec.template.spec.requirements.0.key", "eks.amazonaws.com/instance-family"),
			resource.TestCheckResourceAttr(autoNodePool, "manifest.spec.template.spec.requirements.1.values.0", "reserved"),
		),
	}})
}

func TestEKSAutoNodePoolDataSource_badInput(t *testing.T) {
	t.Parallel()
	acctest.ExpectErrors(t, autoNodePoolConfig, acctest.BadInputs{
		"Karpenter requirement key": {`name = "web"` + "\n" + `requirements = [{ key = "karpenter.k8s.aws/instance-family", operator = "In", values = ["c7i"] }]`,
			`karpenter.k8s.aws/instance-family is a Karpenter \(EC2NodeClass\) label; EKS Auto Mode nodes carry\s+eks.amazonaws.com/instance-family instead`},
		"Karpenter label": {`name = "web"` + "\n" + `labels = { "karpenter.k8s.aws/instance-category" = "c" }`, `eks.amazonaws.com/instance-category`},
		"os label":        {`name = "web"` + "\n" + `requirements = [{ key = "kubernetes.io/os", operator = "In", values = ["linux"] }]`, `Linux nodes only`},
		"built-in pool":   {`name = "general-purpose"`, `built-in EKS Auto Mode NodePool, which cannot be modified`},
		"reserved without reservations": {`name = "gpu"` + "\n" + `capacity_types = ["reserved"]` + "\n" + `node_class_selects_capacity_reservations = false`,
			`capacity_reservation_selector_terms`},
	})
}

func TestEKSAutoNodePoolDataSource_problemPaths(t *testing.T) {
	t.Parallel()
	acctest.CheckProblemPaths(t, "scaling_eks_auto_node_pool", nodePoolBase())
}
