package conns

import (
	"slices"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// KubernetesConfig is the provider's kubernetes block: how to reach the
// cluster that scaling_kubernetes_objects applies objects to. Attribute
// names follow hashicorp/kubernetes' provider block. Nothing here contacts
// the cluster; the resource builds its client when it needs one.
type KubernetesConfig struct {
	Host                 string
	ClusterCACertificate string
	Token                string
	ClientCertificate    string
	ClientKey            string
	Insecure             bool
	ConfigPath           string
	ConfigContext        string
	Exec                 *KubernetesExec
	// Unknown lists the attributes whose values are not known yet: at plan
	// time when the cluster is created in the same apply.
	Unknown []string
}

// KubernetesExec runs a command for credentials (client-go's exec plugin),
// such as `aws eks get-token`.
type KubernetesExec struct {
	APIVersion string
	Command    string
	Args       []string
	Env        map[string]string
}

// IsSet reports whether the block says anything (a value or an unknown).
func (k KubernetesConfig) IsSet() bool {
	return k.Host != "" || k.ConfigPath != "" || k.Token != "" || k.ClientCertificate != "" ||
		k.Exec != nil || len(k.Unknown) > 0
}

// Validate reports the block's mistakes that need neither a kubeconfig file
// nor the cluster, at the attribute they are about, so they fail the plan
// rather than the apply; values not known yet are left alone.
func (k KubernetesConfig) Validate() problem.List {
	var probs problem.List
	known := func(attr string) bool {
		return !slices.Contains(k.Unknown, "kubernetes."+attr)
	}
	if known("client_certificate") && known("client_key") && (k.ClientCertificate == "") != (k.ClientKey == "") {
		missing := "client_key"
		if k.ClientCertificate == "" {
			missing = "client_certificate"
		}
		probs.Addf(problem.Path{"kubernetes", missing}, "kubernetes.client_certificate and kubernetes.client_key must be set together: set %s too, or use token or exec instead.", missing)
	}
	if e := k.Exec; e != nil {
		for attr, v := range map[string]string{"api_version": e.APIVersion, "command": e.Command} {
			if v == "" && known("exec."+attr) {
				probs.Addf(problem.Path{"kubernetes", "exec", attr}, "kubernetes.exec needs api_version (e.g. client.authentication.k8s.io/v1beta1) and command (e.g. aws).")
			}
		}
	}
	return probs
}
