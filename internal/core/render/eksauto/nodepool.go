package eksauto

import "github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1"

// NodePool points np at an Auto Mode NodeClass (group eks.amazonaws.com,
// kind NodeClass; name "default" is the built-in one) and gives it Auto
// Mode's node lifetime unless it sets its own. Everything else, including
// the fast-scaling defaults, the eks.amazonaws.com/instance-* label keys and
// the checks, is karpenterv1's.
func NodePool(np karpenterv1.NodePool) karpenterv1.NodePool {
	np.NodeClass.Group = Group
	if np.NodeClass.Kind == "" {
		np.NodeClass.Kind = Kind
	}
	if np.ExpireAfter == nil {
		v := DefaultExpireAfter
		np.ExpireAfter = &v
	}
	return np
}
