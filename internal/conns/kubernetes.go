package conns

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
