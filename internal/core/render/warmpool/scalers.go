package warmpool

import (
	"fmt"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// AnnotationReplicas records on each CronJob the size it sets.
const AnnotationReplicas = "scaling.scalingkit.io/replicas"

func scalerName(s Spec) string { return s.Name + "-scaler" }

// cronRBAC lets the CronJobs scale only the pause Deployment.
func cronRBAC(s Spec) []k8sobj.Object {
	name := scalerName(s)
	sa := withLabels(k8sobj.New("v1", "ServiceAccount", name, s.Namespace), labels(s))
	role := withLabels(k8sobj.New("rbac.authorization.k8s.io/v1", "Role", name, s.Namespace), labels(s))
	role["rules"] = []any{
		map[string]any{"apiGroups": []any{"apps"}, "resources": []any{"deployments"}, "resourceNames": []any{s.Name}, "verbs": []any{"get"}},
		map[string]any{"apiGroups": []any{"apps"}, "resources": []any{"deployments/scale"}, "resourceNames": []any{s.Name}, "verbs": []any{"get", "patch", "update"}},
	}
	rb := withLabels(k8sobj.New("rbac.authorization.k8s.io/v1", "RoleBinding", name, s.Namespace), labels(s))
	rb["roleRef"] = map[string]any{"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": name}
	rb["subjects"] = []any{map[string]any{"kind": "ServiceAccount", "name": name, "namespace": s.Namespace}}
	return []k8sobj.Object{sa, role, rb}
}

// cronJobs renders one CronJob per change of the weekly timeline.
func cronJobs(s Spec, trs []Transition, zone string) []k8sobj.Object {
	out := make([]k8sobj.Object, 0, len(trs))
	for i, tr := range trs {
		cj := withLabels(k8sobj.New("batch/v1", "CronJob", fmt.Sprintf("%s-scale-%02d", s.Name, i+1), s.Namespace), labels(s))
		cj["metadata"].(map[string]any)["annotations"] = map[string]any{AnnotationReplicas: fmt.Sprint(tr.Replicas)}
		cj["spec"] = map[string]any{
			"schedule":                   tr.Cron(),
			"timeZone":                   zone,
			"concurrencyPolicy":          "Replace",
			"startingDeadlineSeconds":    int64(300),
			"successfulJobsHistoryLimit": int64(1),
			"failedJobsHistoryLimit":     int64(3),
			"jobTemplate": map[string]any{"spec": map[string]any{
				"backoffLimit":          int64(3),
				"activeDeadlineSeconds": int64(300),
				"template": map[string]any{
					"metadata": map[string]any{"labels": labels(s)},
					"spec": map[string]any{
						"serviceAccountName": scalerName(s),
						"restartPolicy":      "OnFailure",
						"containers": []any{map[string]any{
							"name":  "scale",
							"image": s.KubectlImage,
							"args": []any{
								"scale", "deployment/" + s.Name,
								"--namespace=" + s.Namespace,
								fmt.Sprintf("--replicas=%d", tr.Replicas),
							},
							"resources": map[string]any{"requests": map[string]any{"cpu": "10m", "memory": "32Mi"}},
						}},
					},
				},
			}},
		}
		out = append(out, cj)
	}
	return out
}

// kedaScaledObject drives the pause Deployment with one cron trigger per
// window; outside every window KEDA holds minReplicaCount (the base).
func kedaScaledObject(s Spec, base int64, windows []parsedWindow) k8sobj.Object {
	so := withLabels(k8sobj.New("keda.sh/v1alpha1", "ScaledObject", s.Name, s.Namespace), labels(s))
	maxR := base
	triggers := make([]any, 0, len(windows))
	for _, w := range windows {
		if w.Replicas > maxR {
			maxR = w.Replicas
		}
		triggers = append(triggers, map[string]any{
			"type": "cron",
			"name": w.Name,
			"metadata": map[string]any{
				"timezone":        w.TimeZone,
				"start":           w.Start,
				"end":             w.End,
				"desiredReplicas": fmt.Sprint(w.Replicas),
			},
		})
	}
	if maxR < 1 {
		maxR = 1
	}
	so["spec"] = map[string]any{
		"scaleTargetRef":  map[string]any{"apiVersion": "apps/v1", "kind": "Deployment", "name": s.Name},
		"minReplicaCount": base,
		"maxReplicaCount": maxR,
		"triggers":        triggers,
	}
	return so
}
