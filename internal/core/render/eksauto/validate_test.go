package eksauto

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1"
)

func nodeClass(mut func(*NodeClass)) NodeClass {
	nc := minimal()
	mut(&nc)
	return nc
}

func TestValidateNamesAttributeAndFix(t *testing.T) {
	cases := []struct {
		name, path, contains string
		nc                   NodeClass
	}{
		{"ami alias", "ami_alias", "chooses and updates the AMI", nodeClass(func(n *NodeClass) { n.EC2NodeClassOnly = []string{"ami_alias"} })},
		{"user data", "user_data", "scaling_image_prepull", nodeClass(func(n *NodeClass) { n.EC2NodeClassOnly = []string{"user_data"} })},
		{"block devices", "block_device_mappings", "ephemeral_storage", nodeClass(func(n *NodeClass) { n.EC2NodeClassOnly = []string{"block_device_mappings"} })},
		{"kubelet", "kubelet", "manages the kubelet", nodeClass(func(n *NodeClass) { n.EC2NodeClassOnly = []string{"kubelet"} })},
		{"instance profile", "instance_profile", "takes role", nodeClass(func(n *NodeClass) { n.EC2NodeClassOnly = []string{"instance_profile"} })},
		{"default name", "name", "built-in", nodeClass(func(n *NodeClass) { n.Name = "default" })},
		{"no role", "role", "AmazonEKSAutoNodePolicy", nodeClass(func(n *NodeClass) { n.Role = "" })},
		{"role ARN", "role", "role name", nodeClass(func(n *NodeClass) { n.Role = "arn:aws:iam::123456789012:role/AmazonEKSAutoNodeRole" })},
		{"no subnets", "subnet_selector_terms", "at least one", nodeClass(func(n *NodeClass) { n.SubnetSelectorTerms = nil })},
		{"subnet by name", "subnet_selector_terms[0].name", "only security groups", nodeClass(func(n *NodeClass) { n.SubnetSelectorTerms = []SelectorTerm{{Name: "private"}} })},
		{"sg id", "security_group_selector_terms[0].id", "sg-", nodeClass(func(n *NodeClass) { n.SecurityGroupSelectorTerms = []SelectorTerm{{ID: "0123"}} })},
		{"pod subnets alone", "pod_security_group_selector_terms", "required with pod_subnet_selector_terms", nodeClass(func(n *NodeClass) {
			n.PodSubnetSelectorTerms = []SelectorTerm{{Tags: map[string]string{"kubernetes.io/role/pod": "1"}}}
		})},
		{"pod sgs alone", "pod_subnet_selector_terms", "required with pod_security_group_selector_terms", nodeClass(func(n *NodeClass) {
			n.PodSecurityGroupSelectorTerms = []SelectorTerm{{ID: "sg-1"}}
		})},
		{"reservation id with owner", "capacity_reservation_selector_terms[0].id", "cannot be combined", nodeClass(func(n *NodeClass) {
			n.CapacityReservationSelectorTerms = []CapacityReservationSelectorTerm{{ID: "cr-1", Owner: "012345678901"}}
		})},
		{"reservation owner", "capacity_reservation_selector_terms[0].owner", "12-digit", nodeClass(func(n *NodeClass) {
			n.CapacityReservationSelectorTerms = []CapacityReservationSelectorTerm{{Tags: map[string]string{"a": "b"}, Owner: "12"}}
		})},
		{"size", "ephemeral_storage.size", "80Gi", nodeClass(func(n *NodeClass) { n.EphemeralStorage.Size = "80GB" })},
		{"iops", "ephemeral_storage.iops", "3000-16000", nodeClass(func(n *NodeClass) { n.EphemeralStorage.IOPS = ptr(int64(20000)) })},
		{"throughput", "ephemeral_storage.throughput", "125-1000", nodeClass(func(n *NodeClass) { n.EphemeralStorage.Throughput = ptr(int64(2000)) })},
		{"kms", "ephemeral_storage.kms_key_id", "alias", nodeClass(func(n *NodeClass) { n.EphemeralStorage.KMSKeyID = "my key" })},
		{"network policy", "network_policy", "DefaultDeny", nodeClass(func(n *NodeClass) { n.NetworkPolicy = "Deny" })},
		{"snat", "snat_policy", "Random", nodeClass(func(n *NodeClass) { n.SNATPolicy = "Enabled" })},
		{"prefix size", "advanced_networking.ipv4_prefix_size", "Auto, 32", nodeClass(func(n *NodeClass) { n.AdvancedNetworking.IPv4PrefixSize = "28" })},
		{"proxy url", "advanced_networking.https_proxy", "http://192.0.2.4:3128", nodeClass(func(n *NodeClass) { n.AdvancedNetworking.HTTPSProxy = "192.0.2.4:3128" })},
		{"no_proxy alone", "advanced_networking.no_proxy", "https_proxy", nodeClass(func(n *NodeClass) { n.AdvancedNetworking.NoProxy = []string{"localhost"} })},
		{"bundle not base64", "certificate_bundles[0].data", "base64encode", nodeClass(func(n *NodeClass) {
			n.CertificateBundles = []CertificateBundle{{Name: "ca", Data: "-----BEGIN CERTIFICATE-----"}}
		})},
		{"bundle with key", "certificate_bundles[0].data", "private key", nodeClass(func(n *NodeClass) {
			n.CertificateBundles = []CertificateBundle{{Name: "ca", Data: base64.StdEncoding.EncodeToString([]byte("-----BEGIN PRIVATE KEY-----"))}}
		})},
		{"restricted tag", "tags.eks.amazonaws.com/nodeclass", "set by EKS Auto Mode", nodeClass(func(n *NodeClass) { n.Tags = map[string]string{"eks.amazonaws.com/nodeclass": "x"} })},
		{"cluster tag", "tags.kubernetes.io/cluster/x", "set by EKS Auto Mode", nodeClass(func(n *NodeClass) { n.Tags = map[string]string{"kubernetes.io/cluster/x": "owned"} })},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, p := range c.nc.Validate() {
				if !p.Warning && p.Path.String() == c.path && strings.Contains(p.Message, c.contains) {
					return
				}
			}
			t.Fatalf("want an error at %s containing %q, got %v", c.path, c.contains, c.nc.Validate())
		})
	}
}

func TestEveryEC2NodeClassOnlySettingIsRejected(t *testing.T) {
	settings := EC2NodeClassOnlySettings()
	if len(settings) < 8 {
		t.Fatalf("only %d settings known", len(settings))
	}
	probs := nodeClass(func(n *NodeClass) { n.EC2NodeClassOnly = settings }).Validate()
	if len(probs) != len(settings) {
		t.Fatalf("want one error per setting, got %v", probs)
	}
}

// Auto Mode pools: the Karpenter renderer's defaults, Auto Mode's keys,
// node class and lifetime, and the Karpenter keys rejected.
func TestNodePoolIsAnAutoModePool(t *testing.T) {
	np := NodePool(karpenterv1.NodePool{Name: "web"})
	if np.NodeClass.Group != Group || np.NodeClass.Kind != Kind || *np.ExpireAfter != DefaultExpireAfter {
		t.Fatalf("%+v", np)
	}
	if d := np.WithDefaults(); d.NodeClass.Name != BuiltinNodeClass || d.Disruption.ConsolidateAfter == nil {
		t.Fatalf("defaults: %+v", d)
	}
	bad := NodePool(karpenterv1.NodePool{Name: "web", Labels: map[string]string{karpenterv1.LabelInstanceCategory: "c"}})
	found := false
	for _, p := range bad.Validate() {
		found = found || (p.Path.String() == "labels."+karpenterv1.LabelInstanceCategory && strings.Contains(p.Message, "eks.amazonaws.com/instance-category"))
	}
	if !found {
		t.Fatalf("Karpenter label on an Auto Mode pool not rejected: %v", bad.Validate())
	}
	own := NodePool(karpenterv1.NodePool{Name: "web", ExpireAfter: ptr("168h")})
	if *own.ExpireAfter != "168h" {
		t.Fatal("expire_after overridden")
	}
}
