package eksauto

import (
	"encoding/base64"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sname"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1"
)

var (
	reSubnetID = regexp.MustCompile(`^subnet-[0-9a-z]+$`)
	reSGID     = regexp.MustCompile(`^sg-[0-9a-z]+$`)
	reCRID     = regexp.MustCompile(`^cr-[0-9a-z]+$`)
	reAccount  = regexp.MustCompile(`^[0-9]{12}$`)
	// The user guide's ranges for ephemeralStorage.size (as Karpenter's).
	reSize = regexp.MustCompile(`^((?:[1-9][0-9]{0,3}|[1-4][0-9]{4}|[5][0-8][0-9]{3}|59000)Gi|(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|[6][0-3][0-9]{3}|64000)G|([1-9]||[1-5][0-7]|58)Ti|([1-9]||[1-5][0-9]|6[0-3]|64)T)$`)
	// KMS key id, key ARN, alias name or alias ARN.
	reKMS = regexp.MustCompile(`^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|alias/[A-Za-z0-9/_-]+|arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key/[A-Za-z0-9-]+|alias/[A-Za-z0-9/_-]+))$`)
)

// restrictedTags are the tag keys EKS sets itself (user guide).
var restrictedTags = []string{"karpenter.sh/provisioner-name", "karpenter.sh/nodepool", "karpenter.sh/nodeclaim", "karpenter.sh/managed-by", "eks.amazonaws.com/nodeclass"}

// Validate reports every problem with nc that the API server would reject
// or that keeps nodes from joining, with the attribute and the fix.
func (nc NodeClass) Validate() problem.List {
	var probs problem.List
	for _, s := range nc.EC2NodeClassOnly {
		if why, ok := ec2NodeClassOnly[s]; ok {
			problem.Under(&probs, s).Addf("is an EC2NodeClass (self-managed Karpenter) setting: %s", why)
		}
	}
	name := problem.Under(&probs, "name")
	switch msg := k8sname.SubdomainError(nc.Name); {
	case msg != "":
		name.Addf("%s", msg)
	case nc.Name == BuiltinNodeClass:
		name.Addf("\"default\" is the NodeClass EKS Auto Mode creates with its built-in NodePools; give yours another name")
	}
	role := problem.Under(&probs, "role")
	if nc.Role == "" {
		role.Addf("is required: the node IAM role name (e.g. AmazonEKSAutoNodeRole), with an EC2 access entry that has AmazonEKSAutoNodePolicy")
	} else if msg := k8sname.IAMRoleNameError(nc.Role); msg != "" {
		role.Addf("%s", msg)
	}
	validateTerms(problem.Under(&probs, "subnet_selector_terms"), nc.SubnetSelectorTerms, reSubnetID, "subnet-0123456789abcdef0", false, true)
	validateTerms(problem.Under(&probs, "security_group_selector_terms"), nc.SecurityGroupSelectorTerms, reSGID, "sg-0123456789abcdef0", true, true)
	validateTerms(problem.Under(&probs, "pod_subnet_selector_terms"), nc.PodSubnetSelectorTerms, reSubnetID, "subnet-0123456789abcdef0", false, false)
	validateTerms(problem.Under(&probs, "pod_security_group_selector_terms"), nc.PodSecurityGroupSelectorTerms, reSGID, "sg-0123456789abcdef0", false, false)
	switch pods, sgs := len(nc.PodSubnetSelectorTerms) > 0, len(nc.PodSecurityGroupSelectorTerms) > 0; {
	case pods && !sgs:
		problem.Under(&probs, "pod_security_group_selector_terms").Addf("is required with pod_subnet_selector_terms: pods in their own subnets need their own security groups")
	case sgs && !pods:
		problem.Under(&probs, "pod_subnet_selector_terms").Addf("is required with pod_security_group_selector_terms (pod security groups apply to pods in pod subnets)")
	}
	validateReservations(problem.Under(&probs, "capacity_reservation_selector_terms"), nc.CapacityReservationSelectorTerms)
	validateStorage(problem.Under(&probs, "ephemeral_storage"), nc.EphemeralStorage)
	enums := []struct {
		attr, v string
		allowed []string
	}{
		{"network_policy", nc.NetworkPolicy, NetworkPolicies},
		{"network_policy_event_logs", nc.NetworkPolicyEventLogs, NetworkPolicyEventLogs},
		{"snat_policy", nc.SNATPolicy, SNATPolicies},
		{"advanced_networking.ipv4_prefix_size", nc.AdvancedNetworking.IPv4PrefixSize, IPv4PrefixSizes},
	}
	for _, e := range enums {
		if e.v != "" && !slices.Contains(e.allowed, e.v) {
			attr, rest, nested := strings.Cut(e.attr, ".")
			at := problem.Under(&probs, attr)
			if nested {
				at = at.Child(rest)
			}
			at.Addf("%q must be one of %s", e.v, strings.Join(e.allowed, ", "))
		}
	}
	validateProxy(problem.Under(&probs, "advanced_networking"), nc.AdvancedNetworking)
	validateBundles(problem.Under(&probs, "certificate_bundles"), nc.CertificateBundles)
	validateTags(problem.Under(&probs, "tags"), nc.Tags)
	return probs
}

func validateTerms(at *problem.At, terms []SelectorTerm, reID *regexp.Regexp, example string, allowName, required bool) {
	if len(terms) == 0 && required {
		at.Addf("at least one term is required, e.g. { tags = { \"kubernetes.io/role/internal-elb\" = \"1\" } } or { id = %q }", example)
	}
	karpenterv1.ValidateSelectorTerms(at, terms, reID, example, allowName)
}

func checkControl(at *problem.At, vals ...string) {
	for _, v := range vals {
		if msg := k8sname.ControlCharError(v); msg != "" {
			at.Addf("%s", msg)
			return
		}
	}
}

func validateReservations(at *problem.At, terms []CapacityReservationSelectorTerm) {
	if len(terms) > 30 {
		at.Addf("at most 30 terms, got %d", len(terms))
	}
	for i, t := range terms {
		tp := at.Child(i)
		switch {
		case t.ID == "" && len(t.Tags) == 0:
			tp.Addf("set id (e.g. cr-0123456789abcdef0) or tags")
		case t.ID != "" && (len(t.Tags) > 0 || t.Owner != ""):
			tp.Child("id").Addf("id cannot be combined with tags or owner in one term; use separate terms")
		case t.ID != "" && !reCRID.MatchString(t.ID):
			tp.Child("id").Addf("%q is not a capacity reservation id, e.g. cr-0123456789abcdef0", t.ID)
		}
		if t.Owner != "" && !reAccount.MatchString(t.Owner) {
			tp.Child("owner").Addf("%q must be a 12-digit AWS account id", t.Owner)
		}
		karpenterv1.ValidateSelectorTags(tp.Child("tags"), t.Tags)
	}
}

func validateStorage(at *problem.At, s EphemeralStorage) {
	if s.Size != "" && !reSize.MatchString(s.Size) {
		at.Child("size").Addf("%q must be a size such as 80Gi, 200Gi or 1Ti (1Gi-59000Gi, 1-64000G, 1-58Ti or 1-64T)", s.Size)
	}
	if s.IOPS != nil && (*s.IOPS < MinEphemeralIOPS || *s.IOPS > MaxEphemeralIOPS) {
		at.Child("iops").Addf("must be %d-%d (the Auto Mode NodeClass range), got %d", MinEphemeralIOPS, MaxEphemeralIOPS, *s.IOPS)
	}
	if s.Throughput != nil {
		t := *s.Throughput
		iops := int64(MinEphemeralIOPS)
		if s.IOPS != nil {
			iops = *s.IOPS
		}
		switch {
		case t < MinEphemeralThroughput || t > MaxEphemeralThroughput:
			at.Child("throughput").Addf("must be %d-%d MiB/s (the Auto Mode NodeClass range), got %d", MinEphemeralThroughput, MaxEphemeralThroughput, t)
		case float64(t) > float64(iops)*0.25:
			at.Child("throughput").Warnf("%d MiB/s needs at least %d IOPS on gp3 (0.25 MiB/s per IOPS); raise iops", t, t*4)
		}
	}
	if s.KMSKeyID != "" && !reKMS.MatchString(s.KMSKeyID) {
		at.Child("kms_key_id").Addf("%q is not a KMS key id, key ARN, alias name (alias/...) or alias ARN", s.KMSKeyID)
	}
}

func validateProxy(at *problem.At, n AdvancedNetworking) {
	if p := n.HTTPSProxy; p != "" {
		u, err := url.Parse(p)
		switch {
		case len(p) > MaxProxyLength:
			at.Child("https_proxy").Addf("must be at most %d characters", MaxProxyLength)
		case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
			at.Child("https_proxy").Addf("%q must be a proxy URL such as http://192.0.2.4:3128 (IPv6: http://[2001:db8::4]:3128)", p)
		case u.Port() == "":
			at.Child("https_proxy").Warnf("%q has no port; proxies usually listen on 3128 (Squid) or 8080", p)
		}
	}
	if len(n.NoProxy) > 0 && n.HTTPSProxy == "" {
		at.Child("no_proxy").Addf("only applies with https_proxy; set https_proxy or remove no_proxy")
	}
	if len(n.NoProxy) > MaxNoProxy {
		at.Child("no_proxy").Addf("at most %d entries, got %d", MaxNoProxy, len(n.NoProxy))
	}
	for i, e := range n.NoProxy {
		if e == "" || len(e) > MaxProxyLength {
			at.Child("no_proxy", i).Addf("each entry is 1-%d characters (a host, domain such as .internal, IP or CIDR)", MaxProxyLength)
		}
		checkControl(at.Child("no_proxy", i), e)
	}
	if n.HTTPSProxy != "" && !slices.Contains(n.NoProxy, "169.254.169.254") {
		at.Child("no_proxy").Warnf("does not list 169.254.169.254: instance metadata requests would go through the proxy")
	}
}

func validateBundles(at *problem.At, bundles []CertificateBundle) {
	seen := map[string]bool{}
	for i, b := range bundles {
		bp := at.Child(i)
		switch {
		case b.Name == "":
			bp.Child("name").Addf("is required, e.g. \"corporate-ca\"")
		case seen[b.Name]:
			bp.Child("name").Addf("%q is used twice", b.Name)
		}
		seen[b.Name] = true
		checkControl(bp.Child("name"), b.Name)
		pem, err := base64.StdEncoding.DecodeString(b.Data)
		switch {
		case b.Data == "":
			bp.Child("data").Addf("is required: the base64-encoded PEM bundle, e.g. base64encode(file(\"ca.pem\"))")
		case err != nil:
			bp.Child("data").Addf("is not base64 (%v): encode the PEM bundle, e.g. base64encode(file(\"ca.pem\"))", err)
		case strings.Contains(string(pem), "PRIVATE KEY"):
			bp.Child("data").Addf("contains a private key: certificate bundles are public CA certificates only; never put a key here")
		case !strings.Contains(string(pem), "-----BEGIN CERTIFICATE-----"):
			bp.Child("data").Addf("does not decode to a PEM certificate (-----BEGIN CERTIFICATE-----)")
		}
	}
}

func validateTags(at *problem.At, tags map[string]string) {
	if len(tags) > 50 {
		at.Addf("EC2 allows at most 50 tags per resource, got %d", len(tags))
	}
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		switch {
		case k == "":
			at.Addf("empty tag keys are not supported")
		case strings.HasPrefix(k, "kubernetes.io/cluster"), slices.Contains(restrictedTags, k):
			at.Key(k).Addf("tag %q is set by EKS Auto Mode itself; remove it", k)
		case strings.HasPrefix(k, "aws:"):
			at.Key(k).Addf("the aws: prefix is reserved for AWS")
		}
		checkControl(at.Key(k), k, tags[k])
	}
}
