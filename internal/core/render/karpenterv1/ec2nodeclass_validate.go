package karpenterv1

import (
	"maps"
	"net"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sname"
)

var (
	reAMIID      = regexp.MustCompile(`^ami-[0-9a-z]+$`)
	reSubnetID   = regexp.MustCompile(`^subnet-[0-9a-z]+$`)
	reSGID       = regexp.MustCompile(`^sg-[0-9a-z]+$`)
	reAlias      = regexp.MustCompile(`^[a-zA-Z0-9]+@.+$`)
	reVolumeSize = regexp.MustCompile(`^((?:[1-9][0-9]{0,3}|[1-4][0-9]{4}|[5][0-8][0-9]{3}|59000)Gi|(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|[6][0-3][0-9]{3}|64000)G|([1-9]||[1-5][0-7]|58)Ti|([1-9]||[1-5][0-9]|6[0-3]|64)T)$`)
	reEviction   = regexp.MustCompile(`^((\d{1,2}(\.\d{1,2})?|100(\.0{1,2})?)%||(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?)$`)
	// Image references go into a shell script: allow only the characters a
	// reference can have, so nothing can be injected.
	reImageRef = regexp.MustCompile(`^[a-z0-9][A-Za-z0-9._/:@-]*[A-Za-z0-9]$`)
)

// Validate reports every problem with nc (after defaults) that the API
// server would reject or that would break the node's boot.
func (nc EC2NodeClass) Validate() problem.List {
	var probs problem.List
	nc = nc.WithDefaults()
	name := problem.Under(&probs, "name")
	switch {
	case nc.Name == "":
		name.Addf("is required, e.g. \"default\" (NodePools reference it by node_class_name)")
	case len(nc.Name) > 63 || !reDNS1123Subdomain.MatchString(nc.Name):
		name.Addf("%q must be at most 63 lowercase letters, digits, '-' or '.'", nc.Name)
	}
	validateAMI(&probs, nc)
	switch {
	case nc.Role != "" && nc.InstanceProfile != "":
		problem.Under(&probs, "instance_profile").Addf("set exactly one of role and instance_profile, not both (with role, Karpenter manages the instance profile)")
	case nc.Role == "" && nc.InstanceProfile == "":
		problem.Under(&probs, "role").Addf("set role (the node IAM role name, e.g. KarpenterNodeRole-my-cluster) or instance_profile")
	case nc.Role != "":
		if msg := k8sname.IAMRoleNameError(nc.Role); msg != "" {
			problem.Under(&probs, "role").Addf("%s", msg)
		}
	}
	validateRequiredTerms(problem.Under(&probs, "subnet_selector_terms"), nc.SubnetSelectorTerms, reSubnetID, "subnet-0123456789abcdef0", false)
	validateRequiredTerms(problem.Under(&probs, "security_group_selector_terms"), nc.SecurityGroupSelectorTerms, reSGID, "sg-0123456789abcdef0", true)
	validateCapacityReservationTerms(problem.Under(&probs, "capacity_reservation_selector_terms"), nc.CapacityReservationSelectorTerms)
	validateBlockDevices(problem.Under(&probs, "block_device_mappings"), nc.BlockDeviceMappings)
	validateMetadataOptions(problem.Under(&probs, "metadata_options"), nc.MetadataOptions)
	if nc.Kubelet != nil {
		validateKubelet(problem.Under(&probs, "kubelet"), *nc.Kubelet)
	}
	validateTags(problem.Under(&probs, "tags"), nc.Tags)
	validateUserData(problem.Under(&probs, "user_data"), nc.UserData, nc.Family())
	validateFastImagePull(problem.Under(&probs, "user_data", "fast_image_pull"), nc)
	if nc.Family() == "Bottlerocket" && nc.UserData.Raw != "" {
		validateBottlerocketRaw(problem.Under(&probs, "user_data", "raw"), nc.UserData.Raw, nc.AMIAlias)
	}
	return probs
}

func validateAMI(probs *problem.List, nc EC2NodeClass) {
	if nc.AMIAlias != "" && len(nc.AMISelectorTerms) > 0 {
		problem.Under(probs, "ami_alias").Addf("set either ami_alias or ami_selector_terms, not both")
		return
	}
	if nc.AMIFamily != "" && !slices.Contains(AMIFamilies, nc.AMIFamily) {
		problem.Under(probs, "ami_family").Addf("%q is not an AMI family: use %s", nc.AMIFamily, strings.Join(AMIFamilies, ", "))
	}
	if nc.AMIAlias != "" {
		p := problem.Under(probs, "ami_alias")
		fam, ver := cutAt(nc.AMIAlias)
		switch {
		case len(nc.AMIAlias) > 30 || !reAlias.MatchString(nc.AMIAlias):
			p.Addf("%q must be family@version, e.g. al2023@latest or bottlerocket@latest", nc.AMIAlias)
		case !slices.Contains(AMIAliasFamilies, fam):
			p.Addf("family %q is not supported: use one of %s (e.g. al2023@latest)", fam, strings.Join(AMIAliasFamilies, ", "))
		case strings.HasPrefix(fam, "windows") && ver != "latest":
			p.Addf("Windows aliases only support the version latest, e.g. %s@latest", fam)
		case nc.AMIFamily != "" && nc.AMIFamily != "Custom" && nc.AMIFamily != nc.Family():
			problem.Under(probs, "ami_family").Addf("%q does not match the alias %s: leave ami_family unset, or use %s or Custom", nc.AMIFamily, nc.AMIAlias, nc.Family())
		}
		return
	}
	if nc.AMIFamily == "" {
		problem.Under(probs, "ami_family").Addf("is required with ami_selector_terms (e.g. AL2023 or Bottlerocket), so Karpenter knows how to bootstrap the AMI")
	}
	p := problem.Under(probs, "ami_selector_terms")
	if len(nc.AMISelectorTerms) > 30 {
		p.Addf("at most 30 terms, got %d", len(nc.AMISelectorTerms))
	}
	for i, t := range nc.AMISelectorTerms {
		tp := p.Child(i)
		others := t.Name != "" || t.Owner != "" || len(t.Tags) > 0
		switch {
		case t.ID == "" && !others && t.SSMParameter == "":
			tp.Addf("set one of id, name, tags or ssm_parameter")
		case t.ID != "" && (others || t.SSMParameter != ""):
			tp.Child("id").Addf("id cannot be combined with name, owner, tags or ssm_parameter in one term")
		case t.ID != "" && !reAMIID.MatchString(t.ID):
			tp.Child("id").Addf("%q is not an AMI id (ami-0123456789abcdef0)", t.ID)
		case t.Owner != "" && t.Name == "" && len(t.Tags) == 0:
			tp.Child("owner").Addf("owner narrows a name or tags selection; add name or tags")
		}
		ValidateSelectorTags(tp.Child("tags"), t.Tags)
	}
}

// validateRequiredTerms: an EC2NodeClass needs subnets and security groups.
func validateRequiredTerms(p *problem.At, terms []SelectorTerm, reID *regexp.Regexp, example string, allowName bool) {
	if len(terms) == 0 {
		p.Addf("at least one term is required: select by tags (e.g. karpenter.sh/discovery = <cluster name>) or id")
		return
	}
	ValidateSelectorTerms(p, terms, reID, example, allowName)
}

// ValidateSelectorTerms checks subnet and security-group selector terms by
// the rules the EC2NodeClass and the EKS Auto Mode NodeClass share: at
// most 30 terms, each one of id (matching reID), name (where allowName) or
// tags. Whether an empty list is allowed is the caller's to say.
func ValidateSelectorTerms(p *problem.At, terms []SelectorTerm, reID *regexp.Regexp, example string, allowName bool) {
	if len(terms) > 30 {
		p.Addf("at most 30 terms, got %d", len(terms))
	}
	for i, t := range terms {
		tp := p.Child(i)
		set := 0
		for _, has := range []bool{t.ID != "", t.Name != "", len(t.Tags) > 0} {
			if has {
				set++
			}
		}
		switch {
		case t.Name != "" && !allowName:
			tp.Child("name").Addf("only security groups are selected by name; use id or tags")
		case set == 0:
			tp.Addf("set id or tags")
		case set > 1:
			tp.Addf("id, name and tags are mutually exclusive within one term; use separate terms")
		case t.ID != "" && !reID.MatchString(t.ID):
			tp.Child("id").Addf("%q is not a valid id, e.g. %s", t.ID, example)
		}
		checkControl(tp.Child("name"), t.Name)
		ValidateSelectorTags(tp.Child("tags"), t.Tags)
	}
}

// ValidateSelectorTags checks one selector term's tags: at most 20, no
// empty key or value (the CRDs' rule), no control characters.
func ValidateSelectorTags(p *problem.At, tags map[string]string) {
	if len(tags) > 20 {
		p.Addf("at most 20 tags per term, got %d", len(tags))
	}
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		if k == "" || tags[k] == "" {
			p.Addf("empty tag keys or values are not supported (use \"*\" to match any value)")
		}
		checkControl(p.Key(k), k, tags[k])
	}
}

// checkControl reports the first value with a control character.
func checkControl(p *problem.At, vals ...string) {
	for _, v := range vals {
		if msg := k8sname.ControlCharError(v); msg != "" {
			p.Addf("%s", msg)
			return
		}
	}
}

func validateMetadataOptions(p *problem.At, m MetadataOptions) {
	for _, f := range []struct{ attr, v string }{{"http_endpoint", m.HTTPEndpoint}, {"http_protocol_ipv6", m.HTTPProtocolIPv6}} {
		if f.v != "enabled" && f.v != "disabled" {
			p.Child(f.attr).Addf("%q must be enabled or disabled", f.v)
		}
	}
	switch m.HTTPTokens {
	case "required":
	case "optional":
		p.Child("http_tokens").Warnf("optional allows IMDSv1; keep required (IMDSv2) unless an old agent needs v1")
	default:
		p.Child("http_tokens").Addf("%q must be required (IMDSv2) or optional", m.HTTPTokens)
	}
	if h := m.HTTPPutResponseHopLimit; h != nil && (*h < 1 || *h > 64) {
		p.Child("http_put_response_hop_limit").Addf("must be 1-64, got %d (1 keeps pods off IMDS; 2 lets pods reach it)", *h)
	}
}

func validateKubelet(p *problem.At, k Kubelet) {
	for _, f := range []struct {
		attr string
		v    *int64
	}{{"max_pods", k.MaxPods}, {"pods_per_core", k.PodsPerCore}, {"eviction_max_pod_grace_period", k.EvictionMaxPodGracePeriod}} {
		if f.v != nil && (*f.v < 0 || *f.v > 1<<31-1) {
			p.Child(f.attr).Addf("must be 0 or more, got %d", *f.v)
		}
	}
	for _, f := range []struct {
		attr string
		m    map[string]string
	}{{"system_reserved", k.SystemReserved}, {"kube_reserved", k.KubeReserved}} {
		for _, key := range slices.Sorted(maps.Keys(f.m)) {
			kp := p.Child(f.attr).Key(key)
			if !slices.Contains(ReservedKeys, key) {
				kp.Addf("%q cannot be reserved: use %s", key, strings.Join(ReservedKeys, ", "))
			}
			if v := f.m[key]; !reQuantity.MatchString(v) || strings.HasPrefix(v, "-") {
				kp.Addf("%q must be a non-negative quantity, e.g. 100m (cpu) or 512Mi (memory)", v)
			}
		}
	}
	for _, f := range []struct {
		attr string
		m    map[string]string
	}{{"eviction_hard", k.EvictionHard}, {"eviction_soft", k.EvictionSoft}} {
		for _, key := range slices.Sorted(maps.Keys(f.m)) {
			kp := p.Child(f.attr).Key(key)
			if !slices.Contains(EvictionSignals, key) {
				kp.Addf("%q is not an eviction signal: use %s", key, strings.Join(EvictionSignals, ", "))
			}
			if v := f.m[key]; v == "" || !reEviction.MatchString(v) {
				kp.Addf("%q must be a quantity (500Mi) or a percentage (10%%)", v)
			}
		}
	}
	for _, key := range slices.Sorted(maps.Keys(k.EvictionSoftGracePeriod)) {
		kp := p.Child("eviction_soft_grace_period").Key(key)
		if !slices.Contains(EvictionSignals, key) {
			kp.Addf("%q is not an eviction signal: use %s", key, strings.Join(EvictionSignals, ", "))
		}
		if _, ok := k.EvictionSoft[key]; !ok {
			kp.Addf("has no matching eviction_soft[%q]; every soft eviction needs both", key)
		}
		if d, err := time.ParseDuration(k.EvictionSoftGracePeriod[key]); err != nil || d < 0 {
			kp.Addf("%q is not a duration, e.g. 1m30s", k.EvictionSoftGracePeriod[key])
		}
	}
	for _, key := range slices.Sorted(maps.Keys(k.EvictionSoft)) {
		if _, ok := k.EvictionSoftGracePeriod[key]; !ok {
			p.Child("eviction_soft").Key(key).Addf("has no matching eviction_soft_grace_period[%q]; every soft eviction needs a grace period", key)
		}
	}
	hi, lo := k.ImageGCHighThresholdPercent, k.ImageGCLowThresholdPercent
	for _, f := range []struct {
		attr string
		v    *int64
	}{{"image_gc_high_threshold_percent", hi}, {"image_gc_low_threshold_percent", lo}} {
		if f.v != nil && (*f.v < 0 || *f.v > 100) {
			p.Child(f.attr).Addf("must be 0-100, got %d", *f.v)
		}
	}
	if hi != nil && lo != nil && *hi <= *lo {
		p.Child("image_gc_high_threshold_percent").Addf("must be greater than image_gc_low_threshold_percent (%d <= %d)", *hi, *lo)
	}
	for i, ip := range k.ClusterDNS {
		if net.ParseIP(ip) == nil {
			p.Child("cluster_dns", i).Addf("%q is not an IP address", ip)
		}
	}
}

// restrictedTag reports tags Karpenter sets itself (the CRD rejects them).
func restrictedTag(k string) bool {
	switch k {
	case "eks:eks-cluster-name", "karpenter.sh/nodepool", "karpenter.sh/nodeclaim", "karpenter.k8s.aws/ec2nodeclass":
		return true
	}
	return strings.HasPrefix(k, "kubernetes.io/cluster")
}

func validateTags(p *problem.At, tags map[string]string) {
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		switch {
		case k == "":
			p.Addf("empty tag keys are not supported")
		case restrictedTag(k):
			p.Key(k).Addf("tag %q is set by Karpenter itself; remove it", k)
		}
		checkControl(p.Key(k), k, tags[k])
	}
}

func validateUserData(p *problem.At, u UserData, family string) {
	structured := u.SerializeImagePulls != nil || u.MaxParallelImagePulls != nil || u.RegistryPullQPS != nil || u.RegistryBurst != nil || len(u.PrePullImages) > 0 || u.FastImagePull != nil
	if u.Raw != "" {
		if structured {
			p.Child("raw").Addf("raw user data replaces the rendered settings; set either raw or the other user_data attributes")
		}
		if family == "AL2023" && strings.Contains(u.Raw, "/etc/eks/bootstrap.sh") {
			p.Child("raw").Addf("AL2023 has no /etc/eks/bootstrap.sh: configure the node with a nodeadm NodeConfig (leave raw unset and use the user_data attributes)")
		}
		return
	}
	if family != "AL2023" && family != "Bottlerocket" {
		if structured {
			p.Addf("rendered user data is supported for AL2023 and Bottlerocket AMIs, not %s; use raw", family)
		}
		return
	}
	if v := u.MaxParallelImagePulls; v != nil {
		switch {
		case family == "Bottlerocket":
			p.Child("max_parallel_image_pulls").Addf("is not a Bottlerocket setting; leave it unset")
		case *v < 1 || *v > 1000:
			p.Child("max_parallel_image_pulls").Addf("must be 1 or more, got %d", *v)
		case u.SerializeImagePulls != nil && *u.SerializeImagePulls:
			p.Child("max_parallel_image_pulls").Addf("needs serialize_image_pulls = false (the kubelet pulls one image at a time otherwise)")
		}
	}
	if u.SerializeImagePulls != nil && family == "Bottlerocket" {
		p.Child("serialize_image_pulls").Addf("is not a Bottlerocket setting; leave it unset")
	}
	for _, f := range []struct {
		attr string
		v    *int64
	}{{"registry_pull_qps", u.RegistryPullQPS}, {"registry_burst", u.RegistryBurst}} {
		if f.v != nil && (*f.v < 0 || *f.v > 10000) {
			p.Child(f.attr).Addf("must be 0-10000, got %d", *f.v)
		}
	}
	if len(u.PrePullImages) > 0 && family != "AL2023" {
		p.Child("pre_pull_images").Addf("pre-pulling at boot needs a shell user data part (AL2023); on Bottlerocket cache images in an EBS snapshot and set block_device_mappings[].snapshot_id")
	}
	for i, img := range u.PrePullImages {
		if len(img) > 512 || !reImageRef.MatchString(img) {
			p.Child("pre_pull_images", i).Addf("%q is not an image reference such as public.ecr.aws/docker/library/nginx:1.27 or 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1", img)
		}
	}
}
