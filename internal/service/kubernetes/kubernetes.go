// Package kubernetes holds scaling_kubernetes_objects, which server-side
// applies rendered objects at apply time, and the client it uses. The client
// is client-go's dynamic client plus a small discovery of its own: it never
// loads client-go's typed clientset or k8s.io/api, whose package
// initialisation would slow every start of the provider.
package kubernetes

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"

	"github.com/scalingkit/terraform-provider-scaling/internal/conns"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

// Resources lists this package's resources for the provider.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{newObjectsResource}
}

// DefaultFieldManager names this provider's server-side applies in the
// objects' managedFields.
const DefaultFieldManager = "terraform-provider-scaling"

// errNotConfigured says which provider block and fields are missing.
const errNotConfigured = "scaling_kubernetes_objects needs to reach a cluster, and the provider's kubernetes block does not say how. " +
	"In the provider \"scaling\" block, set\n\n" +
	"  kubernetes {\n" +
	"    host                   = aws_eks_cluster.this.endpoint\n" +
	"    cluster_ca_certificate = base64decode(aws_eks_cluster.this.certificate_authority[0].data)\n" +
	"    exec {\n" +
	"      api_version = \"client.authentication.k8s.io/v1beta1\"\n" +
	"      command     = \"aws\"\n" +
	"      args        = [\"eks\", \"get-token\", \"--cluster-name\", aws_eks_cluster.this.name]\n" +
	"    }\n" +
	"  }\n\n" +
	"(or token, or client_certificate and client_key instead of exec), or kubernetes { config_path, config_context } for a kubeconfig file. " +
	"The attribute names are hashicorp/kubernetes' provider block's."

// restConfig turns the provider's kubernetes block into a client-go
// configuration. It fails when the block is missing or still unknown.
func restConfig(k conns.KubernetesConfig, userAgent string) (*rest.Config, error) {
	if len(k.Unknown) > 0 {
		return nil, fmt.Errorf("the provider's kubernetes block is not known yet (%s): the resources it depends on must be applied first", strings.Join(k.Unknown, ", "))
	}
	if !k.IsSet() {
		return nil, fmt.Errorf("%s", errNotConfigured)
	}
	if err := k.Validate().Err(); err != nil {
		return nil, err
	}
	cfg := &rest.Config{}
	if k.ConfigPath != "" {
		path, err := expandHome(k.ConfigPath)
		if err != nil {
			return nil, err
		}
		loaded, err := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(
			&clientcmd.ClientConfigLoadingRules{ExplicitPath: path},
			&clientcmd.ConfigOverrides{CurrentContext: k.ConfigContext},
		).ClientConfig()
		if err != nil {
			return nil, fmt.Errorf("kubernetes.config_path %q (context %q): %w", k.ConfigPath, k.ConfigContext, err)
		}
		cfg = loaded
	}
	if k.Host != "" {
		cfg.Host = k.Host
	}
	if k.ClusterCACertificate != "" {
		cfg.CAData, cfg.CAFile = []byte(k.ClusterCACertificate), ""
	}
	if k.Insecure {
		// client-go refuses a CA together with insecure.
		cfg.Insecure, cfg.CAData, cfg.CAFile = true, nil, ""
	}
	if k.Token != "" {
		cfg.BearerToken, cfg.BearerTokenFile = k.Token, ""
	}
	if k.ClientCertificate != "" {
		cfg.CertData, cfg.KeyData, cfg.CertFile, cfg.KeyFile = []byte(k.ClientCertificate), []byte(k.ClientKey), "", ""
	}
	if e := k.Exec; e != nil {
		exec := &clientcmdapi.ExecConfig{
			APIVersion: e.APIVersion, Command: e.Command, Args: e.Args,
			InteractiveMode: clientcmdapi.NeverExecInteractiveMode,
		}
		for name, value := range e.Env {
			exec.Env = append(exec.Env, clientcmdapi.ExecEnvVar{Name: name, Value: value})
		}
		cfg.ExecProvider = exec
	}
	if cfg.Host == "" {
		return nil, fmt.Errorf("kubernetes.host is empty (and no kubeconfig gives one): set it to the API server URL, e.g. aws_eks_cluster.this.endpoint")
	}
	// An apply sends tens of objects and polls CRDs: client-go's default of
	// 5 requests per second would add seconds.
	cfg.QPS, cfg.Burst = 50, 100
	cfg.UserAgent = userAgent
	return cfg, nil
}

func expandHome(p string) (string, error) {
	if p != "~" && !strings.HasPrefix(p, "~/") {
		return p, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("kubernetes.config_path %q: %w", p, err)
	}
	return filepath.Join(home, strings.TrimPrefix(p, "~")), nil
}

// client talks to one cluster: the dynamic client for objects, and plain
// GETs for discovery, both over one authenticated HTTP client.
type client struct {
	dyn  dynamic.Interface
	http *http.Client
	base string // API server URL without a trailing slash

	mu        sync.Mutex
	resources map[string]*metav1.APIResourceList // by group/version; nil: not served
}

func newClient(cfg *rest.Config) (*client, error) {
	hc, err := rest.HTTPClientFor(cfg)
	if err != nil {
		return nil, fmt.Errorf("kubernetes client: %w", err)
	}
	dyn, err := dynamic.NewForConfigAndClient(cfg, hc)
	if err != nil {
		return nil, fmt.Errorf("kubernetes client: %w", err)
	}
	base, _, err := rest.DefaultServerUrlFor(cfg)
	if err != nil {
		return nil, fmt.Errorf("kubernetes.host: %w", err)
	}
	return &client{dyn: dyn, http: hc, base: strings.TrimSuffix(base.String(), "/"), resources: map[string]*metav1.APIResourceList{}}, nil
}

// explain is err's text, with the fix when the API server did not answer
// (a wrong host, no route to it, nothing listening): the bare dial error
// names neither the provider attribute nor what to check.
func (c *client) explain(err error) string {
	var op *net.OpError
	if !errors.As(err, &op) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err.Error()
	}
	return fmt.Sprintf("%v\n\nThe API server at %s did not answer. %s", err, c.base, checkReach)
}

const checkReach = "Check the provider's kubernetes block (host, or config_path and config_context) and that the server is " +
	"reachable from where Terraform runs: an EKS cluster without public endpoint access answers only from inside its VPC."

// explainTimeout is explain for an operation bounded by a timeout of the
// resource's timeouts block (name, e.g. "read", and its value): running out
// of it means the server took the connection but never answered.
func (c *client) explainTimeout(ctx context.Context, err error, name string, d time.Duration) string {
	if !errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return c.explain(err)
	}
	return fmt.Sprintf("%v\n\nThe API server at %s did not answer within timeouts.%s (%s). %s A server that accepts connections "+
		"but never answers is often a proxy or load balancer in front of a control plane that is down or overloaded. "+
		"If the cluster is only slow, raise timeouts.%s.", err, c.base, name, framework.DurationText(d), checkReach, name)
}
