package workload

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/warmpool"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

func (d *warmPoolDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders warm capacity for a workload, offline at plan time, with its size and cost. " +
			"`mode` picks how capacity is held: `pause_pods` (a negative-priority PriorityClass and a pause Deployment " +
			"whose pods request what a workload pod requests; real pods preempt them), `capacity_buffer` (a Karpenter " +
			"`CapacityBuffer`, `" + warmpool.CapacityBufferAPIVersion + "`, feature gate `CapacityBuffer`), or " +
			"`static_node_pool` (a Karpenter NodePool with `spec.replicas`, feature gate `StaticCapacity`). " +
			"Time-of-day `schedule` windows resize the pause Deployment through CronJobs or a KEDA ScaledObject: outside " +
			"every window the pool holds `replicas`; inside, the largest of `replicas` and the active windows' replicas " +
			"(overlaps: the maximum wins; gaps: the base size). Pass `manifests` to `kubernetes_manifest` (one per element).",
		Attributes: map[string]schema.Attribute{
			"name":      framework.OptionalString("Name of the rendered objects (a DNS label of at most 40 characters). Default `" + warmpool.DefaultName + "`."),
			"namespace": framework.OptionalString("Namespace of the namespaced objects. Default `" + warmpool.DefaultNamespace + "`."),
			"mode":      framework.OptionalString("`pause_pods` (default), `capacity_buffer` or `static_node_pool`."),
			"replicas": schema.NumberAttribute{CustomType: framework.WholeNumberType{Min: 0, Max: 1_000_000}, Optional: true, Computed: true, MarkdownDescription: "Warm pods outside every schedule window. " +
				"Set it, or leave it to the sizing inputs: then it is `ceil(basis x safety_factor)`."},
			"baseline_replicas": schema.NumberAttribute{CustomType: framework.WholeNumberType{Min: 0, Max: 1_000_000}, Optional: true, MarkdownDescription: "Replicas the workload runs at its usual load (sizing input). Default 0."},
			"peak_replicas":     schema.NumberAttribute{CustomType: framework.WholeNumberType{Min: 0, Max: 1_000_000}, Optional: true, MarkdownDescription: "Replicas the workload runs at its peak (sizing input); not below `baseline_replicas`."},
			"safety_factor":     schema.NumberAttribute{CustomType: framework.RealNumberType{Min: 0, Max: 1}, Optional: true, MarkdownDescription: "Share of the basis kept warm, in (0, 1], e.g. `0.15`."},
			"basis": framework.OptionalString("What `safety_factor` multiplies: `peak_delta` (default, `peak - baseline`, the guide's formula) or " +
				"`peak` (the whole peak, as the guide's cost table did). Echoed in `sizing_basis`."),
			"cpu":    framework.OptionalString("CPU one warm pod requests: the same as one real workload pod, e.g. `500m`."),
			"memory": framework.OptionalString("Memory one warm pod requests, e.g. `512Mi`."),
			"extended_resources": schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Other resources " +
				"the workload pod requests (`nvidia.com/gpu`, `hugepages-2Mi`, `ephemeral-storage`), by quantity. They are requested " +
				"and limited at the same quantity, as the API requires for resources that cannot be overcommitted."},
			"image":     framework.OptionalString("Pause container image. Default `" + warmpool.DefaultPauseImage + "`."),
			"node_pool": framework.OptionalString("Karpenter NodePool the warm pods are pinned to (node selector `" + warmpool.NodePoolLabel + "`)."),
			"node_selector": schema.MapAttribute{ElementType: types.StringType, Optional: true,
				MarkdownDescription: "Node selector used instead of `node_pool`, for pools selected otherwise."},
			"tolerations": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "Tolerations for a tainted NodePool.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"key":      framework.OptionalString("Taint key."),
					"operator": framework.OptionalString("`Equal` (default) or `Exists`."),
					"value":    framework.OptionalString("Taint value (with `Equal`)."),
					"effect":   framework.OptionalString("`NoSchedule`, `PreferNoSchedule` or `NoExecute`; empty matches all."),
				}}},
			"priority_class_name": framework.OptionalString("PriorityClass of the pause pods (cluster-scoped). Default `<namespace>-<name>`."),
			"priority_class_value": schema.NumberAttribute{CustomType: framework.WholeNumberType{Min: -1_000_000_000, Max: 1_000_000_000}, Optional: true, MarkdownDescription: "Its value: negative, so that every " +
				"default-priority pod preempts the warm pods. Default `-1`."},
			"schedule": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "Time-of-day windows (mode `pause_pods`). A window " +
				"is active from each `start` until the next `end` (KEDA's cron rule). Pod-hours are computed over a fixed reference " +
				"week (Monday 5 January 2026) so plans are deterministic.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":      schema.StringAttribute{Required: true, MarkdownDescription: "Window name (a DNS label, unique)."},
					"start":     schema.StringAttribute{Required: true, MarkdownDescription: "Five-field cron when the window opens, e.g. `0 8 * * 1-5`."},
					"end":       schema.StringAttribute{Required: true, MarkdownDescription: "Five-field cron when it closes, e.g. `0 18 * * 1-5`."},
					"time_zone": schema.StringAttribute{Optional: true, MarkdownDescription: "IANA time zone of both crons, e.g. `Europe/Berlin` (required by both scalers; the cronjob scaler needs one zone for all windows)."},
					"replicas":  schema.NumberAttribute{CustomType: framework.WholeNumberType{Min: 0, Max: 1_000_000}, Required: true, MarkdownDescription: "Warm pods while the window is active (at least 1 with KEDA)."},
				}}},
			"scaler": framework.OptionalString("What applies the schedule: `cronjob` (default: CronJobs running `kubectl scale`, one per change of the " +
				"weekly size, with a ServiceAccount, Role on `deployments` and `deployments/scale`, RoleBinding; windows must repeat " +
				"weekly) or `keda` (a ScaledObject with one `cron` trigger per window; no kubectl image, no RBAC)."),
			"kubectl_image":         framework.OptionalString("Image of the CronJobs (entrypoint `kubectl`). Default `" + warmpool.DefaultKubectlImage + "`."),
			"price_per_pod_hour":    schema.NumberAttribute{CustomType: framework.RealNumberType{Min: 0, Max: 1000}, Optional: true, MarkdownDescription: "Price of one warm pod per hour, in USD."},
			"instance_hourly_price": schema.NumberAttribute{CustomType: framework.RealNumberType{Min: 0, Max: 1000}, Optional: true, MarkdownDescription: "Hourly price of the instance warm pods run on; priced by the pod's share (`pods_per_instance`, or `instance_cpu`/`instance_memory`). For `static_node_pool`, the price of one node."},
			"pods_per_instance":     schema.NumberAttribute{CustomType: framework.RealNumberType{Min: 0, Max: 1000}, Optional: true, MarkdownDescription: "Warm pods one instance holds (the pod's share is 1/this)."},
			"instance_cpu":          framework.OptionalString("CPU of the instance, e.g. `8`: the pod's share is the larger of its CPU and memory fractions."),
			"instance_memory":       framework.OptionalString("Memory of the instance, e.g. `32Gi`."),
			"capacity_buffer": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Settings of mode `capacity_buffer`. " +
				"Without `scalable_ref` a PodTemplate of the pod shape is rendered and referenced.",
				Attributes: map[string]schema.Attribute{
					"scalable_ref": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Workload whose pod shape the buffer copies.",
						Attributes: map[string]schema.Attribute{
							"api_group": framework.OptionalString("API group, e.g. `apps`."),
							"kind":      schema.StringAttribute{Required: true, MarkdownDescription: "`Deployment`, `StatefulSet` or `ReplicaSet`."},
							"name":      schema.StringAttribute{Required: true, MarkdownDescription: "Its name."},
						}},
					"percentage": schema.NumberAttribute{CustomType: framework.WholeNumberType{Min: 0, Max: 1000}, Optional: true, MarkdownDescription: "Buffer as a percentage of the scalable's replicas; with `replicas` Karpenter takes the smaller."},
					"limits":     schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Caps on the buffer's total requests, e.g. `{ cpu = \"20\" }`."},
				}},
			"static_node_pool": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Settings of mode `static_node_pool`.",
				Attributes: map[string]schema.Attribute{
					"node_class_group": framework.OptionalString("NodeClass group. Default `karpenter.k8s.aws`."),
					"node_class_kind":  framework.OptionalString("NodeClass kind. Default `EC2NodeClass`."),
					"node_class_name":  framework.OptionalString("NodeClass name. Default `default`."),
					"pods_per_node": schema.NumberAttribute{CustomType: framework.WholeNumberType{Min: 1, Max: 1000}, Optional: true, MarkdownDescription: "Warm pods one node holds; nodes = " +
						"ceil(warm pods / this). Defaults to `pods_per_instance` or the pod's share of `instance_cpu`/`instance_memory`."},
					"instance_types": schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Instance types allowed (requirement `node.kubernetes.io/instance-type`)."},
					"capacity_type":  framework.OptionalString("`on-demand` (default), `spot` or `reserved`."),
				}},
			"sizing_basis":     schema.StringAttribute{Computed: true, MarkdownDescription: "How `replicas` was found: `replicas` (given), `peak_delta` or `peak`."},
			"nodes":            schema.Int64Attribute{Computed: true, MarkdownDescription: "Nodes of the static NodePool (mode `static_node_pool`), else null."},
			"max_replicas":     schema.Int64Attribute{Computed: true, MarkdownDescription: "Largest size the schedule reaches."},
			"weekly_pod_hours": schema.Float64Attribute{Computed: true, MarkdownDescription: "Warm pod-hours per week."},
			"pod_hour_price":   schema.Float64Attribute{Computed: true, MarkdownDescription: "Resolved price per warm pod-hour; null without a price input."},
			"monthly_cost": schema.Float64Attribute{Computed: true, MarkdownDescription: "Monthly cost in USD over a 720-hour month: pods x price x 720, " +
				"or weekly pod-hours x 720/168 x price with a schedule, or nodes x instance price x 720 for a static NodePool. Null without a price."},
			"hours_per_month": schema.Float64Attribute{Computed: true, MarkdownDescription: "Hours per month used for costs (720, as the guide prices warm pods)."},
			"feature_gate":    schema.StringAttribute{Computed: true, MarkdownDescription: "Karpenter feature gate the mode needs, as `FEATURE_GATES` spells it (`CapacityBuffer`, `StaticCapacity`; Helm: `settings.featureGates.capacityBuffer` / `.staticCapacity`), else null."},
			"windows": schema.ListNestedAttribute{Computed: true, MarkdownDescription: "Each schedule window with its replicas and active hours per week.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":                  schema.StringAttribute{Computed: true, MarkdownDescription: "Window name."},
					"replicas":              schema.Int64Attribute{Computed: true, MarkdownDescription: "Its replicas."},
					"active_hours_per_week": schema.Float64Attribute{Computed: true, MarkdownDescription: "Hours per week it is active."},
				}}},
			"manifests": schema.DynamicAttribute{Computed: true, MarkdownDescription: "The objects in apply order (a tuple of objects), for `kubernetes_manifest`."},
			"yaml":      schema.StringAttribute{Computed: true, MarkdownDescription: "The objects as one YAML stream, in apply order."},
			"json":      schema.StringAttribute{Computed: true, MarkdownDescription: "The objects as a JSON array, in apply order."},
		},
	}
}
