package eksauto

import "sort"

// ec2NodeClassOnly says, for each EC2NodeClass setting, why an Auto Mode
// NodeClass has none and what to use instead.
var ec2NodeClassOnly = map[string]string{
	"ami_alias":                   "EKS Auto Mode chooses and updates the AMI itself (nodes are replaced when a new one is released); a NodeClass has no AMI selection, so remove it",
	"ami_family":                  "EKS Auto Mode chooses and updates the AMI itself; a NodeClass has no amiFamily, so remove it",
	"ami_selector_terms":          "EKS Auto Mode chooses and updates the AMI itself; a NodeClass has no amiSelectorTerms, so remove them",
	"user_data":                   "EKS Auto Mode nodes take no user data; use the NodeClass fields (ephemeral_storage, advanced_networking, certificate_bundles) and, to pre-pull images, scaling_image_prepull",
	"block_device_mappings":       "a NodeClass has one root volume, set with ephemeral_storage { size, iops, throughput, kms_key_id }",
	"kubelet":                     "EKS Auto Mode manages the kubelet (max pods is capped at 110); a NodeClass has no kubelet settings, so remove them",
	"metadata_options":            "EKS Auto Mode manages the instance metadata options; a NodeClass has no metadataOptions, so remove them",
	"instance_profile":            "a NodeClass takes role (the node IAM role name), not an instance profile",
	"associate_public_ip_address": "in a NodeClass it is advanced_networking.associate_public_ip_address",
	"detailed_monitoring":         "a NodeClass has no detailedMonitoring setting; remove it",
}

// EC2NodeClassOnlySettings lists the settings ec2NodeClassOnly knows, sorted.
func EC2NodeClassOnlySettings() []string {
	out := make([]string, 0, len(ec2NodeClassOnly))
	for k := range ec2NodeClassOnly {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
