package warmmodes

import (
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	schedulingv1 "k8s.io/api/scheduling/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// The pod shape of every warm and workload pod: 250m CPU / 512Mi, as in the
// pause-pod benchmark, so 15 fit on an s-4x node (3900m allocatable after
// KWOK's 100m kube-reserved).
var podRequests = corev1.ResourceList{
	corev1.ResourceCPU:    resource.MustParse("250m"),
	corev1.ResourceMemory: resource.MustParse("512Mi"),
}

const (
	// instanceType is a KWOK generic instance type: 4 CPU, 16 GiB, 64 pods,
	// about an m6i.xlarge.
	instanceType = "s-4x-amd64-linux"
	podsPerNode  = 15
	// groupLabel is on every node of a mode's NodePools (the static one and
	// the dynamic one behind it); workload pods select it, so pods beyond
	// the warm room can go to new nodes.
	groupLabel = "warmmodes.scaling.test/group"
	pauseClass = "warm-pool-pause"
	pauseImage = "registry.k8s.io/pause:3.10"
)

var (
	nodePoolGVR       = schema.GroupVersionResource{Group: "karpenter.sh", Version: "v1", Resource: "nodepools"}
	nodeClaimGVR      = schema.GroupVersionResource{Group: "karpenter.sh", Version: "v1", Resource: "nodeclaims"}
	nodeClassGVR      = schema.GroupVersionResource{Group: "karpenter.kwok.sh", Version: "v1alpha1", Resource: "kwoknodeclasses"}
	capacityBufferGVR = schema.GroupVersionResource{Group: "autoscaling.x-k8s.io", Version: "v1beta1", Resource: "capacitybuffers"}
)

func kwokNodeClass() *unstructured.Unstructured {
	return &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": "karpenter.kwok.sh/v1alpha1", "kind": "KWOKNodeClass",
		"metadata": map[string]any{"name": "default"},
	}}
}

// nodePool is a KWOK NodePool of one on-demand instance type that never
// consolidates, so warm nodes stay for the burst; its nodes carry the
// group label. replicas > 0 makes it a static NodePool (feature gate
// StaticCapacity).
func nodePool(name, group string, replicas int64) *unstructured.Unstructured {
	spec := map[string]any{
		"template": map[string]any{
			"metadata": map[string]any{"labels": map[string]any{groupLabel: group}},
			"spec": map[string]any{
				"nodeClassRef": map[string]any{"group": "karpenter.kwok.sh", "kind": "KWOKNodeClass", "name": "default"},
				"requirements": []any{
					map[string]any{"key": "node.kubernetes.io/instance-type", "operator": "In", "values": []any{instanceType}},
					map[string]any{"key": "karpenter.sh/capacity-type", "operator": "In", "values": []any{"on-demand"}},
				},
				"expireAfter": "Never",
			},
		},
		"disruption": map[string]any{"consolidationPolicy": "WhenEmpty", "consolidateAfter": "Never"},
	}
	if replicas > 0 {
		spec["replicas"] = replicas // consolidation settings are ignored then
	}
	return &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": "karpenter.sh/v1", "kind": "NodePool",
		"metadata": map[string]any{"name": name},
		"spec":     spec,
	}}
}

func podSpec(group string) corev1.PodSpec {
	zero := int64(0)
	return corev1.PodSpec{
		TerminationGracePeriodSeconds: &zero,
		NodeSelector:                  map[string]string{groupLabel: group},
		Containers: []corev1.Container{{
			Name: "main", Image: pauseImage,
			Resources: corev1.ResourceRequirements{Requests: podRequests},
		}},
	}
}

// workloadPod is a default-priority (0) pod of the shape, pinned to the group.
func workloadPod(ns, group, name string) *corev1.Pod {
	return &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns, Labels: map[string]string{"app": "workload"}},
		Spec:       podSpec(group),
	}
}

func pausePriorityClass() *schedulingv1.PriorityClass {
	never := corev1.PreemptNever
	return &schedulingv1.PriorityClass{
		ObjectMeta:       metav1.ObjectMeta{Name: pauseClass},
		Value:            -1,
		PreemptionPolicy: &never,
		Description:      "Pause pods holding warm capacity; any workload preempts them.",
	}
}

func pauseDeployment(ns, group string, replicas int32) *appsv1.Deployment {
	labels := map[string]string{"app": "warm-pool-pause"}
	spec := podSpec(group)
	spec.PriorityClassName = pauseClass
	return &appsv1.Deployment{
		ObjectMeta: metav1.ObjectMeta{Name: "warm-pool-pause", Namespace: ns},
		Spec: appsv1.DeploymentSpec{
			Replicas: &replicas,
			Selector: &metav1.LabelSelector{MatchLabels: labels},
			Template: corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: labels}, Spec: spec},
		},
	}
}

func bufferPodTemplate(ns, group string) *corev1.PodTemplate {
	return &corev1.PodTemplate{
		ObjectMeta: metav1.ObjectMeta{Name: "warm-shape", Namespace: ns},
		Template: corev1.PodTemplateSpec{
			ObjectMeta: metav1.ObjectMeta{Labels: map[string]string{"app": "warm-shape"}},
			Spec:       podSpec(group),
		},
	}
}

func capacityBuffer(ns string, replicas int64) *unstructured.Unstructured {
	return &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": "autoscaling.x-k8s.io/v1beta1", "kind": "CapacityBuffer",
		"metadata": map[string]any{"name": "warm", "namespace": ns},
		"spec": map[string]any{
			"podTemplateRef": map[string]any{"name": "warm-shape"},
			"replicas":       replicas,
		},
	}}
}
