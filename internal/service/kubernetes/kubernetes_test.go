package kubernetes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/conns"
)

func TestRestConfigFromHostAndCredentials(t *testing.T) {
	cfg, err := restConfig(conns.KubernetesConfig{
		Host: "https://ABC.gr7.us-east-1.eks.amazonaws.com", ClusterCACertificate: "-----BEGIN CERTIFICATE-----",
		Exec: &conns.KubernetesExec{
			APIVersion: "client.authentication.k8s.io/v1beta1", Command: "aws",
			Args: []string{"eks", "get-token", "--cluster-name", "prod"}, Env: map[string]string{"AWS_PROFILE": "platform"},
		},
	}, "test-agent")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Host != "https://ABC.gr7.us-east-1.eks.amazonaws.com" || string(cfg.CAData) != "-----BEGIN CERTIFICATE-----" || cfg.UserAgent != "test-agent" {
		t.Errorf("config = %+v", cfg)
	}
	e := cfg.ExecProvider
	if e == nil || e.Command != "aws" || len(e.Args) != 4 || len(e.Env) != 1 || e.Env[0].Name != "AWS_PROFILE" || e.InteractiveMode != "Never" {
		t.Errorf("exec = %+v", e)
	}
	if cfg.QPS < 50 {
		t.Errorf("QPS = %v: client-go's default of 5 would throttle an apply", cfg.QPS)
	}
}

func TestRestConfigInsecureDropsTheCA(t *testing.T) {
	cfg, err := restConfig(conns.KubernetesConfig{Host: "https://127.0.0.1:6443", ClusterCACertificate: "x", Insecure: true, Token: "t"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.Insecure || cfg.CAData != nil || cfg.BearerToken != "t" {
		t.Errorf("config = %+v", cfg)
	}
}

// A kubeconfig's context is chosen by config_context, and attributes set
// next to config_path override the kubeconfig's.
func TestRestConfigFromKubeconfig(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config")
	if err := os.WriteFile(path, []byte(`apiVersion: v1
kind: Config
current-context: dev
clusters:
- {name: dev, cluster: {server: "https://dev:6443"}}
- {name: prod, cluster: {server: "https://prod:6443"}}
users:
- {name: u, user: {token: from-kubeconfig}}
contexts:
- {name: dev, context: {cluster: dev, user: u}}
- {name: prod, context: {cluster: prod, user: u}}
`), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := restConfig(conns.KubernetesConfig{ConfigPath: path, ConfigContext: "prod"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Host != "https://prod:6443" || cfg.BearerToken != "from-kubeconfig" {
		t.Errorf("context prod: host %q token %q", cfg.Host, cfg.BearerToken)
	}
	cfg, err = restConfig(conns.KubernetesConfig{ConfigPath: path, Token: "explicit"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Host != "https://dev:6443" || cfg.BearerToken != "explicit" {
		t.Errorf("current context with a token override: host %q token %q", cfg.Host, cfg.BearerToken)
	}
	if _, err := restConfig(conns.KubernetesConfig{ConfigPath: path, ConfigContext: "nope"}, ""); err == nil || !strings.Contains(err.Error(), "kubernetes.config_path") {
		t.Errorf("unknown context: %v", err)
	}
}

func TestRestConfigBadInput(t *testing.T) {
	cases := []struct {
		name string
		k    conns.KubernetesConfig
		want []string
	}{
		{"missing block", conns.KubernetesConfig{}, []string{"provider's kubernetes block does not say how", "kubernetes {", "host", "cluster_ca_certificate", "exec {", "config_path"}},
		{"unknown", conns.KubernetesConfig{Unknown: []string{"kubernetes.host"}}, []string{"not known yet (kubernetes.host)"}},
		{"half a client certificate", conns.KubernetesConfig{Host: "https://h", ClientCertificate: "c"}, []string{"client_certificate and kubernetes.client_key must be set together"}},
		{"exec without command", conns.KubernetesConfig{Host: "https://h", Exec: &conns.KubernetesExec{APIVersion: "v"}}, []string{"kubernetes.exec needs api_version", "command"}},
		{"no host", conns.KubernetesConfig{Token: "t"}, []string{"kubernetes.host is empty"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := restConfig(c.k, "")
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q lacks %q", err, w)
				}
			}
		})
	}
}

func TestExpandHome(t *testing.T) {
	t.Setenv("HOME", "/home/me")
	for in, want := range map[string]string{"~/.kube/config": "/home/me/.kube/config", "/etc/kubeconfig": "/etc/kubeconfig", "rel/config": "rel/config"} {
		if got, err := expandHome(in); err != nil || got != want {
			t.Errorf("expandHome(%q) = %q, %v", in, got, err)
		}
	}
}
