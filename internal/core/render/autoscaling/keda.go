package autoscaling

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // time zones load the same on every machine

	"github.com/robfig/cron/v3"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// KEDAAPIVersion is the API of ScaledObject and TriggerAuthentication in
// github.com/kedacore/keda/v2@v2.21.0 (config/crd/bases).
const KEDAAPIVersion = "keda.sh/v1alpha1"

// Trigger types rendered here.
const (
	TriggerPrometheus = "prometheus"
	TriggerSQS        = "aws-sqs-queue"
	TriggerCron       = "cron"
)

// DefaultSQSQueueLength is KEDA's own default target (messages per pod).
const DefaultSQSQueueLength = int64(5)

// cronParser is KEDA's cron scaler parser (five fields).
var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow)

// MaxTriggers bounds a ScaledObject.
const MaxTriggers = 50

// ScaledObjectResult is the rendered ScaledObject, preceded by the
// TriggerAuthentication its SQS triggers use when one was generated.
type ScaledObjectResult struct {
	// Objects in apply order (TriggerAuthentication first).
	Objects []k8sobj.Object
	// TriggerAuthenticationName is the generated one, or "".
	TriggerAuthenticationName string
}

func withKEDADefaults(s ScaledObjectSpec) ScaledObjectSpec {
	if s.Namespace == "" {
		s.Namespace = DefaultNamespace
	}
	s.Target = targetDefaults(s.Target)
	if s.Name == "" {
		s.Name = s.Target.Name
	}
	if s.PollingInterval == nil {
		v := DefaultKEDAPollingInterval
		s.PollingInterval = &v
	}
	if s.CooldownPeriod == nil {
		v := DefaultKEDACooldownPeriod
		s.CooldownPeriod = &v
	}
	if s.MinReplicas == nil {
		v := DefaultMinReplicas
		s.MinReplicas = &v
	}
	if s.ScaleUpPods == 0 {
		s.ScaleUpPods = DefaultScaleUpPods
	}
	if s.PodIdentity.Provider == "" {
		s.PodIdentity.Provider = DefaultPodIdentityProvider
	}
	return s
}

// RenderScaledObject validates and renders a KEDA ScaledObject.
func RenderScaledObject(s ScaledObjectSpec) (ScaledObjectResult, problem.List) {
	s = withKEDADefaults(s)
	var probs problem.List
	validateMeta(s.Name, s.Namespace, &probs)
	validateTarget(s.Target, problem.Path{"scale_target_ref"}, &probs)
	if *s.PollingInterval < 1 {
		probs.Addf(problem.Path{"polling_interval"}, "must be at least 1 second, got %d", *s.PollingInterval)
	}
	if *s.CooldownPeriod < 0 {
		probs.Addf(problem.Path{"cooldown_period"}, "must be 0 or more seconds, got %d", *s.CooldownPeriod)
	}
	if *s.MinReplicas < 0 {
		probs.Addf(problem.Path{"min_replicas"}, "must be 0 or more, got %d", *s.MinReplicas)
	}
	if s.MaxReplicas < 1 || s.MaxReplicas < *s.MinReplicas {
		probs.Addf(problem.Path{"max_replicas"}, "must be at least 1 and at least min_replicas (%d), got %d", *s.MinReplicas, s.MaxReplicas)
	}
	if s.IdleReplicas != nil && (*s.IdleReplicas != 0 || *s.MinReplicas < 1) {
		probs.Addf(problem.Path{"idle_replicas"}, "KEDA supports only idle_replicas = 0, and only with min_replicas of 1 or more")
	}
	if s.ScaleUpPods < 1 {
		probs.Addf(problem.Path{"scale_up_pods"}, "must be at least 1, got %d", s.ScaleUpPods)
	}
	if len(s.Triggers) == 0 {
		probs.Addf(problem.Path{"trigger"}, "a ScaledObject needs at least one trigger (prometheus, aws-sqs-queue or cron)")
	}
	if len(s.Triggers) > MaxTriggers {
		probs.Addf(problem.Path{"trigger"}, "at most %d triggers, got %d", MaxTriggers, len(s.Triggers))
	}
	authName := ""
	for _, tr := range s.Triggers {
		if tr.Type == TriggerSQS && tr.SQS != nil && tr.SQS.AuthenticationRef == "" {
			authName = s.Name + "-aws"
		}
	}
	if authName != "" {
		validatePodIdentity(s.PodIdentity, &probs)
	}
	triggers := make([]any, 0, len(s.Triggers))
	names := map[string]bool{}
	for i, tr := range s.Triggers {
		at := problem.Path{"trigger", i}
		if tr.Name != "" {
			if !dnsLabel.MatchString(tr.Name) || len(tr.Name) > 63 {
				probs.Addf(at.Child("name"), "%q must be a DNS label (lowercase letters, digits and '-')", tr.Name)
			} else if names[tr.Name] {
				probs.Addf(at.Child("name"), "%q is used by another trigger; names must be unique", tr.Name)
			}
			names[tr.Name] = true
		}
		if obj := triggerObject(tr, authName, at, &probs); obj != nil {
			triggers = append(triggers, obj)
		}
		if s.Fallback != nil && tr.MetricType == "Value" {
			probs.Addf(at.Child("metric_type"), "KEDA's fallback works only with AverageValue triggers; drop fallback or the Value metric type")
		}
	}
	var fallback map[string]any
	if f := s.Fallback; f != nil {
		if f.FailureThreshold < 1 {
			probs.Addf(problem.Path{"fallback", "failure_threshold"}, "must be at least 1 failed poll, got %d", f.FailureThreshold)
		}
		if f.Replicas < 0 {
			probs.Addf(problem.Path{"fallback", "replicas"}, "must be 0 or more, got %d", f.Replicas)
		}
		fallback = map[string]any{"failureThreshold": f.FailureThreshold, "replicas": f.Replicas}
		switch f.Behavior {
		case "":
		case "static", "currentReplicas", "currentReplicasIfHigher", "currentReplicasIfLower":
			fallback["behavior"] = f.Behavior
		default:
			probs.Addf(problem.Path{"fallback", "behavior"}, "must be static, currentReplicas, currentReplicasIfHigher or currentReplicasIfLower, got %q", f.Behavior)
		}
	}
	behavior := behaviorObject(s.Behavior, s.ScaleUpPods, problem.Path{"behavior"}, &probs)
	if probs.HasErrors() {
		return ScaledObjectResult{}, probs
	}
	res := ScaledObjectResult{TriggerAuthenticationName: authName}
	if authName != "" {
		res.Objects = append(res.Objects, triggerAuthentication(s, authName))
	}
	so := k8sobj.New(KEDAAPIVersion, "ScaledObject", s.Name, s.Namespace)
	so["metadata"].(map[string]any)["labels"] = managedLabels(s.Target.Name)
	spec := map[string]any{
		"scaleTargetRef":  targetRef(s.Target),
		"pollingInterval": *s.PollingInterval,
		"cooldownPeriod":  *s.CooldownPeriod,
		"minReplicaCount": *s.MinReplicas,
		"maxReplicaCount": s.MaxReplicas,
		"triggers":        triggers,
		"advanced": map[string]any{
			"horizontalPodAutoscalerConfig": map[string]any{"behavior": behavior},
		},
	}
	if s.IdleReplicas != nil {
		spec["idleReplicaCount"] = *s.IdleReplicas
	}
	if fallback != nil {
		spec["fallback"] = fallback
	}
	so["spec"] = spec
	res.Objects = append(res.Objects, so)
	return res, probs
}

func validatePodIdentity(p PodIdentity, probs *problem.List) {
	switch p.Provider {
	case "aws", "aws-eks":
	default:
		probs.Addf(problem.Path{"pod_identity", "provider"}, "SQS triggers authenticate with provider aws (EKS Pod Identity or IRSA) or aws-eks, got %q", p.Provider)
	}
	switch p.IdentityOwner {
	case "", "keda", "workload":
	default:
		probs.Addf(problem.Path{"pod_identity", "identity_owner"}, "must be keda or workload, got %q", p.IdentityOwner)
	}
	if p.RoleArn != "" && !strings.HasPrefix(p.RoleArn, "arn:") {
		probs.Addf(problem.Path{"pod_identity", "role_arn"}, "%q is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)", p.RoleArn)
	}
	if p.RoleArn != "" && p.IdentityOwner == "workload" {
		probs.Addf(problem.Path{"pod_identity", "role_arn"}, "role_arn and identity_owner = \"workload\" exclude each other: the workload's own role is used")
	}
}

func triggerAuthentication(s ScaledObjectSpec, name string) k8sobj.Object {
	ta := k8sobj.New(KEDAAPIVersion, "TriggerAuthentication", name, s.Namespace)
	ta["metadata"].(map[string]any)["labels"] = managedLabels(s.Target.Name)
	pi := map[string]any{"provider": s.PodIdentity.Provider}
	if s.PodIdentity.RoleArn != "" {
		pi["roleArn"] = s.PodIdentity.RoleArn
	}
	if s.PodIdentity.IdentityOwner != "" {
		pi["identityOwner"] = s.PodIdentity.IdentityOwner
	}
	ta["spec"] = map[string]any{"podIdentity": pi}
	return ta
}

func triggerObject(tr Trigger, authName string, at problem.Path, probs *problem.List) map[string]any {
	md := map[string]any{}
	out := map[string]any{"type": tr.Type, "metadata": md}
	if tr.Name != "" {
		out["name"] = tr.Name
	}
	switch tr.MetricType {
	case "":
	case "AverageValue", "Value", "Utilization":
		out["metricType"] = tr.MetricType
	default:
		probs.Addf(at.Child("metric_type"), "must be AverageValue, Value or Utilization, got %q", tr.MetricType)
	}
	set := 0
	for _, b := range []bool{tr.Prometheus != nil, tr.SQS != nil, tr.Cron != nil} {
		if b {
			set++
		}
	}
	if set != 1 {
		probs.Addf(at, "set exactly one of prometheus, aws_sqs_queue or cron")
		return nil
	}
	switch {
	case tr.Type == TriggerPrometheus && tr.Prometheus != nil:
		p := tr.Prometheus
		if u, err := url.Parse(p.ServerAddress); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			probs.Addf(at.Child("prometheus").Child("server_address"), "must be an http(s) URL such as http://prometheus.monitoring:9090, got %q", p.ServerAddress)
		}
		if strings.TrimSpace(p.Query) == "" {
			probs.Addf(at.Child("prometheus").Child("query"), "must be a PromQL query returning one value")
		}
		if v, err := strconv.ParseFloat(p.Threshold, 64); err != nil || v <= 0 {
			probs.Addf(at.Child("prometheus").Child("threshold"), "must be a positive number (the value per pod), got %q", p.Threshold)
		}
		md["serverAddress"], md["query"], md["threshold"] = p.ServerAddress, p.Query, p.Threshold
		if p.ActivationThreshold != "" {
			if v, err := strconv.ParseFloat(p.ActivationThreshold, 64); err != nil || v < 0 {
				probs.Addf(at.Child("prometheus").Child("activation_threshold"), "must be a number of 0 or more, got %q", p.ActivationThreshold)
			}
			md["activationThreshold"] = p.ActivationThreshold
		}
	case tr.Type == TriggerSQS && tr.SQS != nil:
		q := tr.SQS
		if u, err := url.Parse(q.QueueURL); err != nil || u.Scheme != "https" || u.Host == "" || len(u.Path) < 2 {
			probs.Addf(at.Child("aws_sqs_queue").Child("queue_url"), "must be the queue URL, e.g. https://sqs.eu-west-1.amazonaws.com/123456789012/orders, got %q", q.QueueURL)
		}
		if q.AWSRegion == "" || strings.ContainsAny(q.AWSRegion, " /") {
			probs.Addf(at.Child("aws_sqs_queue").Child("aws_region"), "must be the queue's region, e.g. eu-west-1, got %q", q.AWSRegion)
		}
		length := q.QueueLength
		if length == 0 {
			length = DefaultSQSQueueLength
		}
		if length < 1 {
			probs.Addf(at.Child("aws_sqs_queue").Child("queue_length"), "must be at least 1 message per pod, got %d", length)
		}
		md["queueURL"], md["awsRegion"], md["queueLength"] = q.QueueURL, q.AWSRegion, fmt.Sprint(length)
		if a := q.ActivationQueueLength; a != nil {
			if *a < 0 {
				probs.Addf(at.Child("aws_sqs_queue").Child("activation_queue_length"), "must be 0 or more, got %d", *a)
			}
			md["activationQueueLength"] = fmt.Sprint(*a)
		}
		ref := q.AuthenticationRef
		if ref == "" {
			ref = authName
		} else if !dnsSubdomain.MatchString(ref) {
			probs.Addf(at.Child("aws_sqs_queue").Child("authentication_ref"), "%q is not a TriggerAuthentication name", ref)
		}
		out["authenticationRef"] = map[string]any{"name": ref}
	case tr.Type == TriggerCron && tr.Cron != nil:
		c := tr.Cron
		validateCron(c, at.Child("cron"), probs)
		md["timezone"], md["start"], md["end"], md["desiredReplicas"] = c.TimeZone, c.Start, c.End, fmt.Sprint(c.DesiredReplicas)
	default:
		probs.Addf(at.Child("type"), "must be %q, %q or %q with its matching block, got %q", TriggerPrometheus, TriggerSQS, TriggerCron, tr.Type)
		return nil
	}
	return out
}

func validateCron(c *CronTrigger, at problem.Path, probs *problem.List) {
	if c.TimeZone == "" || strings.EqualFold(c.TimeZone, "Local") {
		probs.Addf(at.Child("time_zone"), "set an IANA time zone such as \"Europe/Berlin\" or \"UTC\" (KEDA requires one)")
	} else if _, err := time.LoadLocation(c.TimeZone); err != nil {
		probs.Addf(at.Child("time_zone"), "%q is not an IANA time zone (e.g. \"America/New_York\", \"UTC\")", c.TimeZone)
	}
	for _, f := range []struct{ attr, expr string }{{"start", c.Start}, {"end", c.End}} {
		if len(strings.Fields(f.expr)) != 5 {
			probs.Addf(at.Child(f.attr), "%q must have five fields: minute hour day-of-month month day-of-week (e.g. \"0 8 * * 1-5\")", f.expr)
		} else if _, err := cronParser.Parse(f.expr); err != nil {
			probs.Addf(at.Child(f.attr), "%q is not a valid cron expression: %v", f.expr, err)
		}
	}
	if c.Start == c.End && c.Start != "" {
		probs.Addf(at.Child("end"), "start and end are the same (%q); KEDA rejects that", c.Start)
	}
	if c.DesiredReplicas < 1 {
		probs.Addf(at.Child("desired_replicas"), "must be at least 1 (KEDA rejects 0), got %d", c.DesiredReplicas)
	}
}
