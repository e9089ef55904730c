package karpenter

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSourceWithValidateConfig = (*ec2NodeClassDataSource)(nil)
	_ framework.ComputedModel                 = (*ec2NodeClassModel)(nil)
)

func newEC2NodeClassDataSource() datasource.DataSource { return &ec2NodeClassDataSource{} }

type ec2NodeClassDataSource struct {
	framework.OfflineDataSource[ec2NodeClassModel, *ec2NodeClassModel]
}

func (d *ec2NodeClassDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_karpenter_ec2_node_class"
}

type ec2NodeClassModel struct {
	Name                       types.String          `tfsdk:"name"`
	AMIAlias                   types.String          `tfsdk:"ami_alias"`
	AMIFamily                  types.String          `tfsdk:"ami_family"`
	AMISelectorTerms           []amiTermModel        `tfsdk:"ami_selector_terms"`
	Role                       types.String          `tfsdk:"role"`
	InstanceProfile            types.String          `tfsdk:"instance_profile"`
	SubnetSelectorTerms        []subnetTermModel     `tfsdk:"subnet_selector_terms"`
	SecurityGroupSelectorTerms []sgTermModel         `tfsdk:"security_group_selector_terms"`
	CapacityReservationTerms   []reservationModel    `tfsdk:"capacity_reservation_selector_terms"`
	BlockDeviceMappings        []blockDeviceModel    `tfsdk:"block_device_mappings"`
	MetadataOptions            *metadataOptionsModel `tfsdk:"metadata_options"`
	Kubelet                    *kubeletModel         `tfsdk:"kubelet"`
	Tags                       types.Map             `tfsdk:"tags"`
	AssociatePublicIPAddress   types.Bool            `tfsdk:"associate_public_ip_address"`
	DetailedMonitoring         types.Bool            `tfsdk:"detailed_monitoring"`
	UserData                   *userDataModel        `tfsdk:"user_data"`
	Manifest                   types.Dynamic         `tfsdk:"manifest"`
	YAML                       types.String          `tfsdk:"yaml"`
	JSON                       types.String          `tfsdk:"json"`
	RenderedUserData           types.String          `tfsdk:"rendered_user_data"`
	SelectsReservations        types.Bool            `tfsdk:"selects_capacity_reservations"`
}

type reservationModel struct {
	ID                    types.String `tfsdk:"id"`
	OwnerID               types.String `tfsdk:"owner_id"`
	InstanceMatchCriteria types.String `tfsdk:"instance_match_criteria"`
	Tags                  types.Map    `tfsdk:"tags"`
}

type amiTermModel struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	Owner        types.String `tfsdk:"owner"`
	SSMParameter types.String `tfsdk:"ssm_parameter"`
	Tags         types.Map    `tfsdk:"tags"`
}

type subnetTermModel struct {
	ID   types.String `tfsdk:"id"`
	Tags types.Map    `tfsdk:"tags"`
}

type sgTermModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
	Tags types.Map    `tfsdk:"tags"`
}

type blockDeviceModel struct {
	DeviceName          types.String          `tfsdk:"device_name"`
	RootVolume          types.Bool            `tfsdk:"root_volume"`
	VolumeSize          types.String          `tfsdk:"volume_size"`
	VolumeType          types.String          `tfsdk:"volume_type"`
	IOPS                framework.WholeNumber `tfsdk:"iops"`
	Throughput          framework.WholeNumber `tfsdk:"throughput"`
	Encrypted           types.Bool            `tfsdk:"encrypted"`
	DeleteOnTermination types.Bool            `tfsdk:"delete_on_termination"`
	KMSKeyID            types.String          `tfsdk:"kms_key_id"`
	SnapshotID          types.String          `tfsdk:"snapshot_id"`
}

type metadataOptionsModel struct {
	HTTPEndpoint            types.String          `tfsdk:"http_endpoint"`
	HTTPProtocolIPv6        types.String          `tfsdk:"http_protocol_ipv6"`
	HTTPPutResponseHopLimit framework.WholeNumber `tfsdk:"http_put_response_hop_limit"`
	HTTPTokens              types.String          `tfsdk:"http_tokens"`
}

type kubeletModel struct {
	MaxPods                     framework.WholeNumber `tfsdk:"max_pods"`
	PodsPerCore                 framework.WholeNumber `tfsdk:"pods_per_core"`
	SystemReserved              types.Map             `tfsdk:"system_reserved"`
	KubeReserved                types.Map             `tfsdk:"kube_reserved"`
	EvictionHard                types.Map             `tfsdk:"eviction_hard"`
	EvictionSoft                types.Map             `tfsdk:"eviction_soft"`
	EvictionSoftGracePeriod     types.Map             `tfsdk:"eviction_soft_grace_period"`
	EvictionMaxPodGracePeriod   framework.WholeNumber `tfsdk:"eviction_max_pod_grace_period"`
	ImageGCHighThresholdPercent framework.WholeNumber `tfsdk:"image_gc_high_threshold_percent"`
	ImageGCLowThresholdPercent  framework.WholeNumber `tfsdk:"image_gc_low_threshold_percent"`
	CPUCFSQuota                 types.Bool            `tfsdk:"cpu_cfs_quota"`
	ClusterDNS                  types.List            `tfsdk:"cluster_dns"`
}

type userDataModel struct {
	SerializeImagePulls   types.Bool            `tfsdk:"serialize_image_pulls"`
	MaxParallelImagePulls framework.WholeNumber `tfsdk:"max_parallel_image_pulls"`
	RegistryPullQPS       framework.WholeNumber `tfsdk:"registry_pull_qps"`
	RegistryBurst         framework.WholeNumber `tfsdk:"registry_burst"`
	PrePullImages         types.List            `tfsdk:"pre_pull_images"`
	FastImagePull         types.Bool            `tfsdk:"fast_image_pull"`
	Raw                   types.String          `tfsdk:"raw"`
}

func (d *ec2NodeClassDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"name": schema.StringAttribute{Required: true, MarkdownDescription: "EC2NodeClass name (NodePools reference it as `node_class_name`)."},
		"ami_alias": schema.StringAttribute{Optional: true, MarkdownDescription: "AMI alias `family@version`: `al2023@latest` (default), `al2023@v20251117`, `bottlerocket@latest`... " +
			"Families: " + framework.Quoted(karpenterv1.AMIAliasFamilies) + ". Pin a version in production so node images change only when you say. " +
			"Excludes `ami_selector_terms`."},
		"ami_family": schema.StringAttribute{Optional: true, MarkdownDescription: "AMI family, required with `ami_selector_terms` (how Karpenter bootstraps the AMI): " + framework.Quoted(karpenterv1.AMIFamilies) + "."},
		"ami_selector_terms": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "Select AMIs instead of an alias (at most 30 terms).",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":            schema.StringAttribute{Optional: true, MarkdownDescription: "AMI id (`ami-...`); alone in its term."},
				"name":          schema.StringAttribute{Optional: true, MarkdownDescription: "AMI name (wildcards allowed)."},
				"owner":         schema.StringAttribute{Optional: true, MarkdownDescription: "AMI owner (account id, `self` or `amazon`), with `name` or `tags`."},
				"ssm_parameter": schema.StringAttribute{Optional: true, MarkdownDescription: "SSM parameter holding the AMI id."},
				"tags":          tagsAttr("AMI tags."),
			}}},
		"role":             schema.StringAttribute{Optional: true, MarkdownDescription: "IAM role name of the nodes; Karpenter creates the instance profile. Exactly one of `role` and `instance_profile`."},
		"instance_profile": schema.StringAttribute{Optional: true, MarkdownDescription: "Existing instance profile name, instead of `role`."},
		"subnet_selector_terms": schema.ListNestedAttribute{Required: true, MarkdownDescription: "Subnets for the nodes (1-30 terms), e.g. " +
			"`[{ tags = { \"karpenter.sh/discovery\" = \"my-cluster\" } }]`.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":   schema.StringAttribute{Optional: true, MarkdownDescription: "Subnet id (`subnet-...`); alone in its term."},
				"tags": tagsAttr("Subnet tags."),
			}}},
		"security_group_selector_terms": schema.ListNestedAttribute{Required: true, MarkdownDescription: "Security groups for the nodes (1-30 terms).",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":   schema.StringAttribute{Optional: true, MarkdownDescription: "Security group id (`sg-...`); alone in its term."},
				"name": schema.StringAttribute{Optional: true, MarkdownDescription: "Security group name; alone in its term."},
				"tags": tagsAttr("Security group tags."),
			}}},
		"capacity_reservation_selector_terms": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "On-Demand Capacity Reservations " +
			"and Capacity Blocks the nodes may launch into (at most 30 terms); NodePools with capacity type `reserved` use only these. " +
			"Pass `selects_capacity_reservations` to the NodePool's `node_class_selects_capacity_reservations` so a reserved-only pool " +
			"without reservations fails the plan.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":                      schema.StringAttribute{Optional: true, MarkdownDescription: "Reservation id (`cr-...`); alone in its term."},
				"owner_id":                schema.StringAttribute{Optional: true, MarkdownDescription: "12-digit account id that owns the reservations (shared reservations)."},
				"instance_match_criteria": schema.StringAttribute{Optional: true, MarkdownDescription: "`open` or `targeted`."},
				"tags":                    tagsAttr("Reservation tags."),
			}}},
		"block_device_mappings": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "EBS volumes. Unset: the AMI family's defaults " +
			"(AL2023: 20Gi gp3 root). Faster image pulls: a larger gp3 root with more throughput, or a `snapshot_id` with images pre-cached.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"device_name": schema.StringAttribute{Required: true, MarkdownDescription: "Device name, e.g. `/dev/xvda` (AL2023 root; Bottlerocket OS volume) or `/dev/xvdb` (Bottlerocket data volume)."},
				"root_volume": schema.BoolAttribute{Optional: true, MarkdownDescription: "Whether this is the root volume (at most one). Default false."},
				"volume_size": schema.StringAttribute{Optional: true, MarkdownDescription: "Size, e.g. `100Gi` (1Gi-64000G). Required unless `snapshot_id` is set."},
				"volume_type": schema.StringAttribute{Optional: true, MarkdownDescription: "EBS type: " + framework.Quoted(karpenterv1.VolumeTypes) + ". Default `gp3`."},
				"iops": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 256_000}, MarkdownDescription: "Provisioned IOPS: gp3 3,000-80,000 " +
					"(the limits AWS raised in 2025), io1 100-64,000, io2 100-256,000 (required for io1 and io2); not settable on gp2, st1, sc1 or standard. " +
					"Above 500 IOPS per GiB of gp3 is a warning (EC2 rejects the volume)."},
				"throughput": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 2000}, MarkdownDescription: "Throughput in MiB/s, gp3 only: " +
					"125-2,000, and at most 0.25 MiB/s per provisioned IOPS (a warning)."},
				"encrypted":             schema.BoolAttribute{Optional: true, MarkdownDescription: "Encrypt the volume."},
				"delete_on_termination": schema.BoolAttribute{Optional: true, MarkdownDescription: "Delete with the instance."},
				"kms_key_id":            schema.StringAttribute{Optional: true, MarkdownDescription: "KMS key for encryption."},
				"snapshot_id":           schema.StringAttribute{Optional: true, MarkdownDescription: "Snapshot to create the volume from (e.g. one with images pre-cached)."},
			}}},
		"metadata_options": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Instance metadata service. Default: IMDSv2 " +
			"required, hop limit 1 (pods cannot reach IMDS; use EKS Pod Identity or IRSA).",
			Attributes: map[string]schema.Attribute{
				"http_endpoint":               schema.StringAttribute{Optional: true, MarkdownDescription: "`enabled` (default) or `disabled`."},
				"http_protocol_ipv6":          schema.StringAttribute{Optional: true, MarkdownDescription: "`disabled` (default) or `enabled`."},
				"http_put_response_hop_limit": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 1, Max: 64}, MarkdownDescription: "1-64. Default 1; 2 lets pods reach IMDS."},
				"http_tokens":                 schema.StringAttribute{Optional: true, MarkdownDescription: "`required` (IMDSv2, default) or `optional` (allows IMDSv1; a warning)."},
			}},
		"kubelet": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Kubelet settings (`spec.kubelet`; Karpenter writes " +
			"them into the node's bootstrap configuration and uses them to compute allocatable capacity).",
			Attributes: map[string]schema.Attribute{
				"max_pods":                        schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 1000}, MarkdownDescription: "Maximum pods per node."},
				"pods_per_core":                   schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 1000}, MarkdownDescription: "Pods per vCPU (the lower of this and `max_pods` applies)."},
				"system_reserved":                 schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Reserved for the OS: keys `cpu`, `memory`, `ephemeral-storage`, `pid`."},
				"kube_reserved":                   schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Reserved for Kubernetes daemons: same keys."},
				"eviction_hard":                   schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Hard eviction thresholds by signal (`memory.available` = `\"5%\"` or `\"500Mi\"`)."},
				"eviction_soft":                   schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Soft eviction thresholds; each needs an `eviction_soft_grace_period`."},
				"eviction_soft_grace_period":      schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Grace period per soft eviction signal, e.g. `1m30s`."},
				"eviction_max_pod_grace_period":   schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 86_400}, MarkdownDescription: "Maximum pod termination grace period in seconds on soft eviction."},
				"image_gc_high_threshold_percent": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 100}, MarkdownDescription: "Disk usage (0-100) that triggers image garbage collection; above `image_gc_low_threshold_percent`."},
				"image_gc_low_threshold_percent":  schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 100}, MarkdownDescription: "Disk usage (0-100) image garbage collection frees down to."},
				"cpu_cfs_quota":                   schema.BoolAttribute{Optional: true, MarkdownDescription: "Enforce CPU limits with CFS quota."},
				"cluster_dns":                     schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Cluster DNS server IPs."},
			}},
		"tags": schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Tags on the instances, volumes and launch templates. Tags Karpenter sets itself (`kubernetes.io/cluster/*`, " +
			"`karpenter.sh/nodepool`, `karpenter.sh/nodeclaim`, `karpenter.k8s.aws/ec2nodeclass`, `eks:eks-cluster-name`) are rejected."},
		"associate_public_ip_address": schema.BoolAttribute{Optional: true, MarkdownDescription: "Give nodes a public IP (default: the subnet's setting)."},
		"detailed_monitoring":         schema.BoolAttribute{Optional: true, MarkdownDescription: "Enable EC2 detailed monitoring."},
		"user_data": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "User data, rendered for the AMI family. AL2023: a " +
			"`nodeadm` NodeConfig in MIME multipart (AL2023 has no `/etc/eks/bootstrap.sh`), with parallel image pulls on by default and an " +
			"optional shell part that pre-pulls images. Bottlerocket: TOML settings. Karpenter merges it with the cluster settings it adds.",
			Attributes: map[string]schema.Attribute{
				"serialize_image_pulls":    schema.BoolAttribute{Optional: true, MarkdownDescription: "AL2023: pull one image at a time. Default false (parallel pulls, faster pod start)."},
				"max_parallel_image_pulls": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 1, Max: 1000}, MarkdownDescription: "AL2023: maximum parallel pulls when not serialized. Default 5."},
				"registry_pull_qps":        schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 10_000}, MarkdownDescription: "Registry pulls per second allowed to the kubelet (AL2023 `registryPullQPS`; Bottlerocket `registry-qps`)."},
				"registry_burst":           schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 10_000}, MarkdownDescription: "Burst of registry pulls (AL2023 `registryBurst`; Bottlerocket `registry-burst`)."},
				"pre_pull_images":          schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "AL2023: images pulled in the background at boot (into containerd's `k8s.io` namespace), so the first pods skip their pulls. Private ECR images need the AWS CLI on the AMI and `ecr:GetAuthorizationToken` on the node role."},
				"fast_image_pull": schema.BoolAttribute{Optional: true, MarkdownDescription: "SOCI parallel pull and unpack (faster pulls of large images, no index needed): AL2023 sets the " +
					"`nodeadm` feature gate `FastImagePull` (experimental; AWS reports slower pulls below 600 MiB/s of root volume throughput, a warning), " +
					"Bottlerocket 1.44.0+ the `soci` snapshotter in `parallel-pull-unpack` mode."},
				"raw": schema.StringAttribute{Optional: true, MarkdownDescription: "Use this user data verbatim instead (excludes the other attributes). On Bottlerocket it must be " +
					"TOML: a shell script, MIME multipart, cloud-init or a `bootstrap.sh` call fails the plan, and so do node labels in the `kubernetes.io`, " +
					"`k8s.io`, `karpenter.sh` and `karpenter.k8s.aws` domains under `settings.kubernetes.node-labels` (the kubelet refuses them)."},
			}},
		"rendered_user_data": schema.StringAttribute{Computed: true, MarkdownDescription: "`spec.userData` as rendered (empty when there is none)."},
		"selects_capacity_reservations": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether `capacity_reservation_selector_terms` is set, " +
			"for the NodePool's `node_class_selects_capacity_reservations`."},
	}
	addObjectOutputs(attrs, "EC2NodeClass")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders a Karpenter `" + karpenterv1.EC2NodeClassAPIVersion + "` EC2NodeClass offline, at plan time, valid " +
			"against the real CRD (schema and CEL rules of karpenter-provider-aws v1.14): bad input fails the plan with the attribute " +
			"named and the fix. User data is rendered for the AMI family: a `nodeadm` NodeConfig in MIME multipart for AL2023, " +
			"TOML for Bottlerocket.",
		Attributes: attrs,
	}
}

func tagsAttr(desc string) schema.MapAttribute {
	return schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: desc + " At most 20 tags; empty keys or values are not allowed (`\"*\"` matches any value)."}
}

func (m ec2NodeClassModel) input(ctx context.Context, diags *diag.Diagnostics) karpenterv1.EC2NodeClass {
	nc := karpenterv1.EC2NodeClass{
		Name:                     m.Name.ValueString(),
		AMIAlias:                 m.AMIAlias.ValueString(),
		AMIFamily:                m.AMIFamily.ValueString(),
		Role:                     m.Role.ValueString(),
		InstanceProfile:          m.InstanceProfile.ValueString(),
		Tags:                     framework.StringMap(ctx, m.Tags, diags),
		AssociatePublicIPAddress: boolPointer(m.AssociatePublicIPAddress),
		DetailedMonitoring:       boolPointer(m.DetailedMonitoring),
	}
	for _, t := range m.AMISelectorTerms {
		nc.AMISelectorTerms = append(nc.AMISelectorTerms, karpenterv1.AMISelectorTerm{
			ID: t.ID.ValueString(), Name: t.Name.ValueString(), Owner: t.Owner.ValueString(),
			SSMParameter: t.SSMParameter.ValueString(), Tags: framework.StringMap(ctx, t.Tags, diags),
		})
	}
	for _, t := range m.SubnetSelectorTerms {
		nc.SubnetSelectorTerms = append(nc.SubnetSelectorTerms, karpenterv1.SelectorTerm{ID: t.ID.ValueString(), Tags: framework.StringMap(ctx, t.Tags, diags)})
	}
	for _, t := range m.SecurityGroupSelectorTerms {
		nc.SecurityGroupSelectorTerms = append(nc.SecurityGroupSelectorTerms, karpenterv1.SelectorTerm{
			ID: t.ID.ValueString(), Name: t.Name.ValueString(), Tags: framework.StringMap(ctx, t.Tags, diags),
		})
	}
	for _, t := range m.CapacityReservationTerms {
		nc.CapacityReservationSelectorTerms = append(nc.CapacityReservationSelectorTerms, karpenterv1.CapacityReservationSelectorTerm{
			ID: t.ID.ValueString(), OwnerID: t.OwnerID.ValueString(), InstanceMatchCriteria: t.InstanceMatchCriteria.ValueString(),
			Tags: framework.StringMap(ctx, t.Tags, diags),
		})
	}
	for _, b := range m.BlockDeviceMappings {
		nc.BlockDeviceMappings = append(nc.BlockDeviceMappings, karpenterv1.BlockDeviceMapping{
			DeviceName: b.DeviceName.ValueString(), RootVolume: b.RootVolume.ValueBool(),
			VolumeSize: b.VolumeSize.ValueString(), VolumeType: b.VolumeType.ValueString(),
			IOPS: b.IOPS.Int64Pointer(), Throughput: b.Throughput.Int64Pointer(),
			Encrypted: boolPointer(b.Encrypted), DeleteOnTermination: boolPointer(b.DeleteOnTermination),
			KMSKeyID: b.KMSKeyID.ValueString(), SnapshotID: b.SnapshotID.ValueString(),
		})
	}
	if o := m.MetadataOptions; o != nil {
		nc.MetadataOptions = karpenterv1.MetadataOptions{
			HTTPEndpoint: o.HTTPEndpoint.ValueString(), HTTPProtocolIPv6: o.HTTPProtocolIPv6.ValueString(),
			HTTPPutResponseHopLimit: o.HTTPPutResponseHopLimit.Int64Pointer(), HTTPTokens: o.HTTPTokens.ValueString(),
		}
	}
	if k := m.Kubelet; k != nil {
		nc.Kubelet = &karpenterv1.Kubelet{
			MaxPods: k.MaxPods.Int64Pointer(), PodsPerCore: k.PodsPerCore.Int64Pointer(),
			SystemReserved: framework.StringMap(ctx, k.SystemReserved, diags), KubeReserved: framework.StringMap(ctx, k.KubeReserved, diags),
			EvictionHard: framework.StringMap(ctx, k.EvictionHard, diags), EvictionSoft: framework.StringMap(ctx, k.EvictionSoft, diags),
			EvictionSoftGracePeriod:     framework.StringMap(ctx, k.EvictionSoftGracePeriod, diags),
			EvictionMaxPodGracePeriod:   k.EvictionMaxPodGracePeriod.Int64Pointer(),
			ImageGCHighThresholdPercent: k.ImageGCHighThresholdPercent.Int64Pointer(),
			ImageGCLowThresholdPercent:  k.ImageGCLowThresholdPercent.Int64Pointer(),
			CPUCFSQuota:                 boolPointer(k.CPUCFSQuota),
			ClusterDNS:                  framework.StringList(ctx, k.ClusterDNS, diags),
		}
	}
	if u := m.UserData; u != nil {
		nc.UserData = karpenterv1.UserData{
			SerializeImagePulls: boolPointer(u.SerializeImagePulls), MaxParallelImagePulls: u.MaxParallelImagePulls.Int64Pointer(),
			RegistryPullQPS: u.RegistryPullQPS.Int64Pointer(), RegistryBurst: u.RegistryBurst.Int64Pointer(),
			PrePullImages: framework.StringList(ctx, u.PrePullImages, diags), Raw: u.Raw.ValueString(),
			FastImagePull: boolPointer(u.FastImagePull),
		}
	}
	return nc
}

// Compute renders the EC2NodeClass and its user data.
func (m *ec2NodeClassModel) Compute(ctx context.Context, diags *diag.Diagnostics) problem.List {
	obj, probs := m.input(ctx, diags).Render()
	if !probs.HasErrors() {
		m.Manifest, m.YAML, m.JSON = framework.RenderObject(obj, diags)
		ud, _ := obj["spec"].(map[string]any)["userData"].(string)
		m.RenderedUserData = types.StringValue(ud)
		m.SelectsReservations = types.BoolValue(len(m.CapacityReservationTerms) > 0)
	}
	return probs
}
