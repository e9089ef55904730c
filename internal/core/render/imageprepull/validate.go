package imageprepull

import (
	"maps"
	"slices"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sname"
)

// Validate reports every problem the API server would reject or that
// would keep the images off the nodes, with the attribute and the fix.
func (s Spec) Validate() problem.List {
	var probs problem.List
	if msg := k8sname.SubdomainError(s.Name); msg != "" {
		problem.Under(&probs, "name").Addf("%s (e.g. \"checkout-prepull\")", msg)
	} else if len(s.Name) > 63 {
		problem.Under(&probs, "name").Addf("must be at most 63 characters (it labels the pods), got %d", len(s.Name))
	}
	if s.Namespace != "" {
		if msg := k8sname.LabelNameError(s.Namespace); msg != "" {
			problem.Under(&probs, "namespace").Addf("%s", msg)
		}
	}
	validateImages(problem.Under(&probs, "images"), s.Images)
	for _, f := range []struct{ attr, v string }{{"pause_image", s.PauseImage}, {"helper_image", s.HelperImage}} {
		if f.v == "" {
			continue
		}
		if _, msg := parseRef(f.v); msg != "" {
			problem.Under(&probs, f.attr).Addf("%q %s", f.v, msg)
		}
	}
	validatePlacement(&probs, s)
	for i, t := range s.Taints {
		at := problem.Under(&probs, "taints", i)
		if msg := k8sname.QualifiedNameError(t.Key); msg != "" {
			at.Child("key").Addf("%q is not a taint key: %s", t.Key, msg)
		}
		if t.Value != "" {
			if msg := k8sname.LabelValueError(t.Value); msg != "" {
				at.Child("value").Addf("%s", msg)
			}
		}
		if t.Effect != "" && !slices.Contains(k8sname.TaintEffects, t.Effect) {
			at.Child("effect").Addf("%q is not a taint effect: use NoSchedule, PreferNoSchedule or NoExecute (or leave it empty to tolerate every effect)", t.Effect)
		}
	}
	for i, p := range s.ImagePullSecrets {
		if msg := k8sname.SubdomainError(p); msg != "" {
			problem.Under(&probs, "image_pull_secrets", i).Addf("%s", msg)
		}
	}
	if s.PriorityClassName != "" {
		if msg := k8sname.SubdomainError(s.PriorityClassName); msg != "" {
			problem.Under(&probs, "priority_class_name").Addf("%s", msg)
		}
	}
	return probs
}

func validateImages(at *problem.At, images []string) {
	switch {
	case len(images) == 0:
		at.Addf("list at least one image, e.g. [\"123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:v1.4.2@sha256:<digest>\"]")
	case len(images) > MaxImages:
		at.Addf("at most %d images per DaemonSet (they are pulled one after another), got %d", MaxImages, len(images))
	}
	seen := map[string]int{}
	for i, img := range images {
		ip := at.Child(i)
		r, msg := parseRef(img)
		if msg != "" {
			ip.Addf("%q %s; e.g. public.ecr.aws/docker/library/nginx:1.27@sha256:<64 hex>", img, msg)
			continue
		}
		if prev, dup := seen[img]; dup {
			ip.Addf("%q is already listed at images[%d]", img, prev)
		}
		seen[img] = i
		switch {
		case r.digest == "" && (r.tag == "" || r.tag == "latest"):
			ip.Warnf("%q is not pinned: a node keeps the first copy it pulled and never refreshes it, so nodes drift apart; pin a tag and digest, e.g. %s:1.2.3@sha256:<digest>", img, r.name)
		case r.digest == "":
			ip.Warnf("%q has a tag but no digest: a retagged image is not pulled again on nodes that have it; add @sha256:<digest> to pin it", img)
		}
	}
}

func validatePlacement(probs *problem.List, s Spec) {
	if len(s.NodePools) == 0 && len(s.NodeSelector) == 0 {
		problem.Under(probs, "node_pools").Addf("set node_pools (the NodePools whose nodes get the images) or node_selector; pre-pulling onto every node of the cluster is rarely what you want")
	}
	seen := map[string]bool{}
	for i, p := range s.NodePools {
		if msg := k8sname.SubdomainError(p); msg != "" || len(p) > 63 {
			problem.Under(probs, "node_pools", i).Addf("%q is not a NodePool name (at most 63 lowercase letters, digits, '-' or '.')", p)
		} else if seen[p] {
			problem.Under(probs, "node_pools", i).Addf("%q is listed twice", p)
		}
		seen[p] = true
	}
	sel := problem.Under(probs, "node_selector")
	for _, k := range slices.Sorted(maps.Keys(s.NodeSelector)) {
		if msg := k8sname.QualifiedNameError(k); msg != "" {
			sel.Key(k).Addf("label key %q is invalid: %s", k, msg)
		}
		if msg := k8sname.LabelValueError(s.NodeSelector[k]); msg != "" {
			sel.Key(k).Addf("label value %s", msg)
		}
		if k == NodePoolLabel && len(s.NodePools) > 0 {
			sel.Key(k).Addf("selects NodePools twice: list them in node_pools only")
		}
	}
}
