package conns

import "testing"

// Values not known yet (from resources of the same apply) are never
// reported; known mistakes are, at their attribute.
func TestKubernetesConfigValidate(t *testing.T) {
	cases := []struct {
		name string
		k    KubernetesConfig
		want []string // paths of the problems
	}{
		{"half a client certificate", KubernetesConfig{ClientCertificate: "c"}, []string{"kubernetes.client_key"}},
		{"half a client key", KubernetesConfig{ClientKey: "k"}, []string{"kubernetes.client_certificate"}},
		{"key not known yet", KubernetesConfig{ClientCertificate: "c", Unknown: []string{"kubernetes.client_key"}}, nil},
		{"exec without command", KubernetesConfig{Exec: &KubernetesExec{APIVersion: "v"}}, []string{"kubernetes.exec.command"}},
		{"exec command not known yet", KubernetesConfig{Exec: &KubernetesExec{APIVersion: "v"}, Unknown: []string{"kubernetes.exec.command"}}, nil},
		{"complete", KubernetesConfig{Host: "https://h", ClientCertificate: "c", ClientKey: "k", Exec: &KubernetesExec{APIVersion: "v", Command: "aws"}}, nil},
	}
	for _, c := range cases {
		probs := c.k.Validate()
		var got []string
		for _, p := range probs {
			got = append(got, p.Path.String())
		}
		if len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) {
			t.Errorf("%s: problems at %v, want %v (%v)", c.name, got, c.want, probs)
		}
	}
}
