package alerts

import "fmt"

// CloudWatch metric sources the alarms read.
const (
	// EKSNamespace holds the control-plane metrics EKS vends for free
	// (Kubernetes 1.28+), once a minute, dimension ClusterName.
	EKSNamespace = "AWS/EKS"
	EKSDoc       = "https://docs.aws.amazon.com/eks/latest/userguide/cloudwatch.html"
	// ContainerInsightsNamespace holds Container Insights (enhanced
	// observability) metrics of the amazon-cloudwatch-observability add-on.
	// Its PodName dimension is the pod's owner (the Deployment name for a
	// Deployment's pods), FullPodName the pod itself.
	ContainerInsightsNamespace = "ContainerInsights"
	ContainerInsightsDoc       = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-enhanced-EKS.html"
	alarmPeriod                = int64(60) // standard resolution: both sources publish per minute
)

// Alarm is one CloudWatch alarm, with the arguments of
// aws_cloudwatch_metric_alarm.
type Alarm struct {
	// Key is stable across plans (use it as the for_each key).
	Key, KPI                                     string
	AlarmName, Description                       string
	Namespace, MetricName                        string
	Dimensions                                   map[string]string
	Statistic                                    string
	Period, EvaluationPeriods, DatapointsToAlarm int64
	Threshold                                    float64
	ComparisonOperator, TreatMissingData         string
	// Doc is where the metric and its dimensions are documented.
	Doc string
}

// Skipped is a KPI a form has no alert for, and why.
type Skipped struct {
	KPI, Reason string
}

// cloudWatchAlarms builds the alarms Container Insights and the EKS
// control-plane metrics can express (after defaults).
func cloudWatchAlarms(s Spec) (alarms []Alarm, skipped []Skipped) {
	cluster := map[string]string{"ClusterName": s.ClusterName}
	periods := max(1, (*s.PendingSeconds+alarmPeriod-1)/alarmPeriod)
	add := func(a Alarm) {
		a.AlarmName = fmt.Sprintf("%s-%s-%s", s.ClusterName, s.Name, a.Key)
		a.Period = alarmPeriod
		if a.DatapointsToAlarm == 0 {
			a.DatapointsToAlarm = a.EvaluationPeriods
		}
		alarms = append(alarms, a)
	}
	add(Alarm{
		Key: "pods-unschedulable", KPI: KPIPendingPods, Namespace: EKSNamespace, MetricName: "scheduler_pending_pods_UNSCHEDULABLE",
		Dimensions: cluster, Statistic: "Sum", EvaluationPeriods: periods, Threshold: 0,
		ComparisonOperator: "GreaterThanThreshold", TreatMissingData: "notBreaching", Doc: EKSDoc,
		Description: fmt.Sprintf("Pods the scheduler could not place for %d minute(s): they wait for new capacity.", periods),
	})
	if w := s.Workload; w != nil {
		add(Alarm{
			Key: "workload-pods-pending", KPI: KPIPendingPods, Namespace: ContainerInsightsNamespace, MetricName: "pod_status_pending",
			Dimensions: map[string]string{"ClusterName": s.ClusterName, "Namespace": w.Namespace, "PodName": w.Name},
			Statistic:  "Sum", EvaluationPeriods: periods, Threshold: 0,
			ComparisonOperator: "GreaterThanThreshold", TreatMissingData: "notBreaching", Doc: ContainerInsightsDoc,
			Description: fmt.Sprintf("Pods of %s/%s Pending (sampled once a minute, so a %ds pending limit shows as one period).", w.Namespace, w.Name, *s.PendingSeconds),
		})
	}
	if wp := s.WarmPool; wp != nil {
		dims := map[string]string{"ClusterName": s.ClusterName, "Namespace": wp.Namespace, "PodName": wp.Deployment}
		add(Alarm{
			Key: "warm-pool-exhausted", KPI: KPIWarmPool, Namespace: ContainerInsightsNamespace, MetricName: "pod_status_running",
			Dimensions: dims, Statistic: "Sum", EvaluationPeriods: 1, Threshold: 1,
			ComparisonOperator: "LessThanThreshold", TreatMissingData: "breaching", Doc: ContainerInsightsDoc,
			Description: fmt.Sprintf("No pause pod of the warm pool %s/%s is running (no data counts as none).", wp.Namespace, wp.Deployment),
		})
		if low := warmPoolLow(*wp); low > 1 {
			add(Alarm{
				Key: "warm-pool-low", KPI: KPIWarmPool, Namespace: ContainerInsightsNamespace, MetricName: "pod_status_running",
				Dimensions: dims, Statistic: "Sum", EvaluationPeriods: 2, Threshold: float64(low),
				ComparisonOperator: "LessThanThreshold", TreatMissingData: "missing", Doc: ContainerInsightsDoc,
				Description: fmt.Sprintf("Fewer than %d of the warm pool's %d pause pods running for 2 minutes.", low, wp.Size),
			})
		}
	}
	add(Alarm{
		Key: "nodes-failed", KPI: KPIProvisioning, Namespace: ContainerInsightsNamespace, MetricName: "cluster_failed_node_count",
		Dimensions: cluster, Statistic: "Maximum", EvaluationPeriods: 3, Threshold: 0,
		ComparisonOperator: "GreaterThanThreshold", TreatMissingData: "notBreaching", Doc: ContainerInsightsDoc,
		Description: "Worker nodes with a failing node condition for 3 minutes (they take no new pods); Karpenter's own launch errors are in the Prometheus rules only.",
	})
	skipped = []Skipped{
		{KPIScaleOutP95, "Container Insights has no pod startup latency metric; use the Prometheus rule"},
		{KPISpotInterruption, "a Karpenter metric, not a Container Insights one; use the Prometheus rule"},
		{KPICostPerPod, "a Karpenter metric, not a Container Insights one; use the Prometheus rule"},
	}
	return alarms, skipped
}
