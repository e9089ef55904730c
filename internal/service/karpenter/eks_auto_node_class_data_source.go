package karpenter

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/eksauto"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSourceWithValidateConfig = (*eksAutoNodeClassDataSource)(nil)
	_ framework.ComputedModel                 = (*eksAutoNodeClassModel)(nil)
)

func newEKSAutoNodeClassDataSource() datasource.DataSource { return &eksAutoNodeClassDataSource{} }

type eksAutoNodeClassDataSource struct {
	framework.OfflineDataSource[eksAutoNodeClassModel, *eksAutoNodeClassModel]
}

func (d *eksAutoNodeClassDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_eks_auto_node_class"
}

type eksAutoNodeClassModel struct {
	Name                          types.String             `tfsdk:"name"`
	Role                          types.String             `tfsdk:"role"`
	SubnetSelectorTerms           []subnetTermModel        `tfsdk:"subnet_selector_terms"`
	SecurityGroupSelectorTerms    []sgTermModel            `tfsdk:"security_group_selector_terms"`
	PodSubnetSelectorTerms        []subnetTermModel        `tfsdk:"pod_subnet_selector_terms"`
	PodSecurityGroupSelectorTerms []subnetTermModel        `tfsdk:"pod_security_group_selector_terms"`
	CapacityReservationTerms      []autoReservationModel   `tfsdk:"capacity_reservation_selector_terms"`
	EphemeralStorage              *ephemeralStorageModel   `tfsdk:"ephemeral_storage"`
	NetworkPolicy                 types.String             `tfsdk:"network_policy"`
	NetworkPolicyEventLogs        types.String             `tfsdk:"network_policy_event_logs"`
	SNATPolicy                    types.String             `tfsdk:"snat_policy"`
	AdvancedNetworking            *advancedNetworkingModel `tfsdk:"advanced_networking"`
	CertificateBundles            []certificateBundleModel `tfsdk:"certificate_bundles"`
	Tags                          types.Map                `tfsdk:"tags"`
	// EC2NodeClass settings, present only to be rejected with the reason.
	AMIAlias                 types.Dynamic `tfsdk:"ami_alias"`
	AMIFamily                types.Dynamic `tfsdk:"ami_family"`
	AMISelectorTerms         types.Dynamic `tfsdk:"ami_selector_terms"`
	UserData                 types.Dynamic `tfsdk:"user_data"`
	BlockDeviceMappings      types.Dynamic `tfsdk:"block_device_mappings"`
	Kubelet                  types.Dynamic `tfsdk:"kubelet"`
	MetadataOptions          types.Dynamic `tfsdk:"metadata_options"`
	InstanceProfile          types.Dynamic `tfsdk:"instance_profile"`
	AssociatePublicIPAddress types.Dynamic `tfsdk:"associate_public_ip_address"`
	DetailedMonitoring       types.Dynamic `tfsdk:"detailed_monitoring"`
	Manifest                 types.Dynamic `tfsdk:"manifest"`
	YAML                     types.String  `tfsdk:"yaml"`
	JSON                     types.String  `tfsdk:"json"`
	SelectsReservations      types.Bool    `tfsdk:"selects_capacity_reservations"`
}

type autoReservationModel struct {
	ID    types.String `tfsdk:"id"`
	Owner types.String `tfsdk:"owner"`
	Tags  types.Map    `tfsdk:"tags"`
}

type ephemeralStorageModel struct {
	Size       types.String          `tfsdk:"size"`
	IOPS       framework.WholeNumber `tfsdk:"iops"`
	Throughput framework.WholeNumber `tfsdk:"throughput"`
	KMSKeyID   types.String          `tfsdk:"kms_key_id"`
}

type advancedNetworkingModel struct {
	HTTPSProxy               types.String `tfsdk:"https_proxy"`
	NoProxy                  types.List   `tfsdk:"no_proxy"`
	AssociatePublicIPAddress types.Bool   `tfsdk:"associate_public_ip_address"`
	IPv4PrefixSize           types.String `tfsdk:"ipv4_prefix_size"`
}

type certificateBundleModel struct {
	Name types.String `tfsdk:"name"`
	Data types.String `tfsdk:"data"`
}

func (d *eksAutoNodeClassDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	idTags := func(what, example string) schema.NestedAttributeObject {
		return schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"id":   schema.StringAttribute{Optional: true, MarkdownDescription: what + " id (`" + example + "`); alone in its term."},
			"tags": tagsAttr(what + " tags."),
		}}
	}
	attrs := map[string]schema.Attribute{
		"name": schema.StringAttribute{Required: true, MarkdownDescription: "NodeClass name (NodePools reference it as `node_class_name`). Not `default`: that is the NodeClass EKS Auto Mode creates itself."},
		"role": schema.StringAttribute{Required: true, MarkdownDescription: "Name of the node IAM role (not its ARN). A custom NodeClass also needs an EKS access entry " +
			"of type `EC2` for this role with the `AmazonEKSAutoNodePolicy` access policy."},
		"subnet_selector_terms": schema.ListNestedAttribute{Required: true, MarkdownDescription: "Subnets for the nodes (1-30 terms), e.g. " +
			"`[{ tags = { \"kubernetes.io/role/internal-elb\" = \"1\" } }]`.", NestedObject: idTags("Subnet", "subnet-...")},
		"security_group_selector_terms": schema.ListNestedAttribute{Required: true, MarkdownDescription: "Security groups for the nodes (1-30 terms).",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":   schema.StringAttribute{Optional: true, MarkdownDescription: "Security group id (`sg-...`); alone in its term."},
				"name": schema.StringAttribute{Optional: true, MarkdownDescription: "Security group name; alone in its term."},
				"tags": tagsAttr("Security group tags."),
			}}},
		"pod_subnet_selector_terms": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "Separate subnets for pod IPs (with " +
			"`pod_security_group_selector_terms`, which is then required). Pod subnets must be in the node subnets' zones.", NestedObject: idTags("Subnet", "subnet-...")},
		"pod_security_group_selector_terms": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "Security groups for the pods in the pod " +
			"subnets (one set for every pod of the NodeClass).", NestedObject: idTags("Security group", "sg-...")},
		"capacity_reservation_selector_terms": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "On-Demand Capacity Reservations and " +
			"Capacity Blocks for NodePools with capacity type `reserved`. Once any NodeClass of the cluster sets these, Auto Mode stops using " +
			"open reservations automatically.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":    schema.StringAttribute{Optional: true, MarkdownDescription: "Reservation id (`cr-...`); alone in its term."},
				"owner": schema.StringAttribute{Optional: true, MarkdownDescription: "12-digit account id owning the reservations, with `tags` (Karpenter's EC2NodeClass calls it `owner_id`)."},
				"tags":  tagsAttr("Reservation tags."),
			}}},
		"ephemeral_storage": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "The node's root volume (gp3). Auto Mode's default is 80Gi, " +
			"3,000 IOPS, 125 MiB/s; image pulls of large images go faster with more throughput.",
			Attributes: map[string]schema.Attribute{
				"size":       schema.StringAttribute{Optional: true, MarkdownDescription: "Size, e.g. `160Gi` (1-59000Gi, 1-64000G, 1-58Ti or 1-64T)."},
				"iops":       schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 256_000}, MarkdownDescription: "IOPS, 3,000-16,000 (the Auto Mode NodeClass range)."},
				"throughput": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 2000}, MarkdownDescription: "Throughput in MiB/s, 125-1,000 (the Auto Mode NodeClass range)."},
				"kms_key_id": schema.StringAttribute{Optional: true, MarkdownDescription: "KMS key id, key ARN, alias name (`alias/...`) or alias ARN to encrypt the volume."},
			}},
		"network_policy":            schema.StringAttribute{Optional: true, MarkdownDescription: "Default network policy: " + framework.Quoted(eksauto.NetworkPolicies) + "."},
		"network_policy_event_logs": schema.StringAttribute{Optional: true, MarkdownDescription: "Network policy event logs: " + framework.Quoted(eksauto.NetworkPolicyEventLogs) + "."},
		"snat_policy":               schema.StringAttribute{Optional: true, MarkdownDescription: "Source NAT for pod traffic leaving the VPC: " + framework.Quoted(eksauto.SNATPolicies) + "."},
		"advanced_networking": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Forward proxy, public IPs and pod IP allocation.",
			Attributes: map[string]schema.Attribute{
				"https_proxy": schema.StringAttribute{Optional: true, MarkdownDescription: "Proxy URL, e.g. `http://192.0.2.4:3128` (at most 255 characters); often needs `certificate_bundles`."},
				"no_proxy": schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Hosts, domains (`.internal`), IPs and CIDRs that bypass the proxy " +
					"(at most 50, each at most 255 characters); list `169.254.169.254` and your VPC endpoints."},
				"associate_public_ip_address": schema.BoolAttribute{Optional: true, MarkdownDescription: "Give nodes a public IP."},
				"ipv4_prefix_size":            schema.StringAttribute{Optional: true, MarkdownDescription: "`Auto` (default: /28 prefixes per node) or `32` (one secondary IP per pod; for pod-sparse nodes at high scale)."},
			}},
		"certificate_bundles": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "CA bundles added to the node's trust store.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"name": schema.StringAttribute{Required: true, MarkdownDescription: "Bundle name, unique in the NodeClass."},
				"data": schema.StringAttribute{Required: true, MarkdownDescription: "Base64-encoded PEM certificates, e.g. `base64encode(file(\"ca.pem\"))` (no private keys)."},
			}}},
		"tags": schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Tags on the instances and volumes (at most 50). Keys EKS sets itself " +
			"(`kubernetes.io/cluster/*`, `karpenter.sh/nodepool`, `karpenter.sh/nodeclaim`, `karpenter.sh/managed-by`, `karpenter.sh/provisioner-name`, " +
			"`eks.amazonaws.com/nodeclass`) are rejected."},
		"selects_capacity_reservations": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether `capacity_reservation_selector_terms` is set, " +
			"for the NodePool's `node_class_selects_capacity_reservations`."},
	}
	for _, s := range eksauto.EC2NodeClassOnlySettings() {
		attrs[s] = schema.DynamicAttribute{Optional: true, MarkdownDescription: "Not an EKS Auto Mode setting: `" + s + "` belongs to Karpenter's " +
			"EC2NodeClass (`scaling_karpenter_ec2_node_class`). Setting it fails the plan with what Auto Mode does instead."}
	}
	addObjectOutputs(attrs, "NodeClass")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders an EKS Auto Mode `" + eksauto.APIVersion + "` NodeClass offline, at plan time. A NodeClass has its own " +
			"fields (role, node and pod subnet and security group selector terms, capacity reservations, ephemeral storage, network and SNAT " +
			"policy, advanced networking, certificate bundles, tags) and none of the EC2NodeClass's AMI selection, user data, block " +
			"devices, kubelet or metadata options: setting those fails the plan with the reason. AWS publishes no CRD for it; objects are " +
			"checked against the schema the EKS user guide page \"Create a Node Class for Amazon EKS\" documents.",
		Attributes: attrs,
	}
}

func (m eksAutoNodeClassModel) input(ctx context.Context, diags *diag.Diagnostics) eksauto.NodeClass {
	terms := func(in []subnetTermModel) []eksauto.SelectorTerm {
		var out []eksauto.SelectorTerm
		for _, t := range in {
			out = append(out, eksauto.SelectorTerm{ID: t.ID.ValueString(), Tags: framework.StringMap(ctx, t.Tags, diags)})
		}
		return out
	}
	nc := eksauto.NodeClass{
		Name:                          m.Name.ValueString(),
		Role:                          m.Role.ValueString(),
		SubnetSelectorTerms:           terms(m.SubnetSelectorTerms),
		PodSubnetSelectorTerms:        terms(m.PodSubnetSelectorTerms),
		PodSecurityGroupSelectorTerms: terms(m.PodSecurityGroupSelectorTerms),
		NetworkPolicy:                 m.NetworkPolicy.ValueString(),
		NetworkPolicyEventLogs:        m.NetworkPolicyEventLogs.ValueString(),
		SNATPolicy:                    m.SNATPolicy.ValueString(),
		Tags:                          framework.StringMap(ctx, m.Tags, diags),
	}
	for _, t := range m.SecurityGroupSelectorTerms {
		nc.SecurityGroupSelectorTerms = append(nc.SecurityGroupSelectorTerms, eksauto.SelectorTerm{
			ID: t.ID.ValueString(), Name: t.Name.ValueString(), Tags: framework.StringMap(ctx, t.Tags, diags),
		})
	}
	for _, t := range m.CapacityReservationTerms {
		nc.CapacityReservationSelectorTerms = append(nc.CapacityReservationSelectorTerms, eksauto.CapacityReservationSelectorTerm{
			ID: t.ID.ValueString(), Owner: t.Owner.ValueString(), Tags: framework.StringMap(ctx, t.Tags, diags),
		})
	}
	if e := m.EphemeralStorage; e != nil {
		nc.EphemeralStorage = eksauto.EphemeralStorage{
			Size: e.Size.ValueString(), IOPS: e.IOPS.Int64Pointer(), Throughput: e.Throughput.Int64Pointer(), KMSKeyID: e.KMSKeyID.ValueString(),
		}
	}
	if a := m.AdvancedNetworking; a != nil {
		nc.AdvancedNetworking = eksauto.AdvancedNetworking{
			HTTPSProxy: a.HTTPSProxy.ValueString(), NoProxy: framework.StringList(ctx, a.NoProxy, diags),
			AssociatePublicIPAddress: boolPointer(a.AssociatePublicIPAddress), IPv4PrefixSize: a.IPv4PrefixSize.ValueString(),
		}
	}
	for _, b := range m.CertificateBundles {
		nc.CertificateBundles = append(nc.CertificateBundles, eksauto.CertificateBundle{Name: b.Name.ValueString(), Data: b.Data.ValueString()})
	}
	set := map[string]types.Dynamic{
		"ami_alias": m.AMIAlias, "ami_family": m.AMIFamily, "ami_selector_terms": m.AMISelectorTerms, "user_data": m.UserData,
		"block_device_mappings": m.BlockDeviceMappings, "kubelet": m.Kubelet, "metadata_options": m.MetadataOptions,
		"instance_profile": m.InstanceProfile, "associate_public_ip_address": m.AssociatePublicIPAddress, "detailed_monitoring": m.DetailedMonitoring,
	}
	for _, name := range eksauto.EC2NodeClassOnlySettings() {
		if v, ok := set[name]; ok && !v.IsNull() {
			nc.EC2NodeClassOnly = append(nc.EC2NodeClassOnly, name)
		}
	}
	return nc
}

// Compute renders the NodeClass.
func (m *eksAutoNodeClassModel) Compute(ctx context.Context, diags *diag.Diagnostics) problem.List {
	obj, probs := m.input(ctx, diags).Render()
	if !probs.HasErrors() {
		m.Manifest, m.YAML, m.JSON = framework.RenderObject(obj, diags)
		m.SelectsReservations = types.BoolValue(len(m.CapacityReservationTerms) > 0)
	}
	return probs
}
