package cluster

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
)

// Cluster is a running control plane, or an existing cluster from KUBECONFIG.
type Cluster struct {
	// Kubeconfig is the path of a kubeconfig file for the cluster.
	Kubeconfig string
	// Config is a client configuration with high QPS, for tests.
	Config *rest.Config
	// External is true when the cluster came from KUBECONFIG: nothing was
	// started, and there may be no kwok to drive fake nodes.
	External bool
	// Dir holds certificates, data and logs (empty when External).
	Dir string

	mu    sync.Mutex
	procs []*process
}

// Options tune Start.
type Options struct {
	// Dir, when set, is used (and kept) instead of a fresh temporary directory.
	Dir string
	// Logf receives progress messages; nil discards them.
	Logf func(format string, args ...any)
	// SkipCRDs leaves the CRDs out.
	SkipCRDs bool
	// SchedulerArgs are extra kube-scheduler flags (e.g. feature gates).
	SchedulerArgs []string
	// ControllerManagerArgs are extra kube-controller-manager flags (e.g.
	// --horizontal-pod-autoscaler-sync-period=10s).
	ControllerManagerArgs []string
	// APIServerArgs are extra kube-apiserver flags (e.g.
	// --enable-aggregator-routing=true for an aggregated API served by a test).
	APIServerArgs []string
}

// The service range must not contain 127.0.0.1; its first address is the
// kubernetes Service, which the serving certificate names.
const serviceCIDR = "10.0.0.0/24"

// Start starts etcd, kube-apiserver, kube-scheduler, kube-controller-manager
// and kwok on free loopback ports, waits until they are ready and installs the
// CRDs. When KUBECONFIG is set it starts nothing and uses that cluster.
// On error everything started so far is stopped.
func Start(ctx context.Context, opts Options) (*Cluster, error) {
	logf := opts.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if kc := os.Getenv("KUBECONFIG"); kc != "" {
		return external(ctx, kc, opts, logf)
	}
	began := time.Now()
	bin, err := BinDir()
	if err != nil {
		return nil, err
	}
	dir := opts.Dir
	if dir == "" {
		if dir, err = os.MkdirTemp("", "scaling-k8s-"); err != nil {
			return nil, err
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	c := &Cluster{Dir: dir, Kubeconfig: filepath.Join(dir, "kubeconfig")}
	register(c)
	if err := c.start(ctx, bin, opts, logf); err != nil {
		c.stop(opts.Dir == "" && os.Getenv("K8S_KEEP_DIR") == "")
		return nil, fmt.Errorf("%w (logs in %s)", err, filepath.Join(dir, "logs"))
	}
	logf("cluster: ready in %s, kubeconfig %s", time.Since(began).Round(time.Millisecond), c.Kubeconfig)
	return c, nil
}

func (c *Cluster) start(ctx context.Context, bin string, opts Options, logf func(string, ...any)) error {
	logs := filepath.Join(c.Dir, "logs")
	if err := os.MkdirAll(logs, 0o755); err != nil {
		return err
	}
	p, err := newPKI(filepath.Join(c.Dir, "pki"))
	if err != nil {
		return err
	}
	ports, err := freePorts(6)
	if err != nil {
		return err
	}
	etcdPort, peerPort, apiPort, schedPort, kcmPort, kwokPort := ports[0], ports[1], ports[2], ports[3], ports[4], ports[5]
	url := func(scheme string, port int) string { return scheme + "://127.0.0.1:" + strconv.Itoa(port) }
	run := func(name string, args ...string) (*process, error) {
		proc, err := startProcess(name, filepath.Join(bin, name), filepath.Join(logs, name+".log"), args...)
		if err != nil {
			return nil, err
		}
		c.mu.Lock()
		c.procs = append(c.procs, proc)
		c.mu.Unlock()
		return proc, nil
	}

	etcd, err := run("etcd",
		"--name=default", "--data-dir="+filepath.Join(c.Dir, "etcd"),
		"--listen-client-urls="+url("http", etcdPort), "--advertise-client-urls="+url("http", etcdPort),
		"--listen-peer-urls="+url("http", peerPort), "--initial-advertise-peer-urls="+url("http", peerPort),
		"--initial-cluster=default="+url("http", peerPort),
		"--unsafe-no-fsync", "--log-level=warn")
	if err != nil {
		return err
	}
	if err := waitHTTP(ctx, etcd, http.DefaultClient, url("http", etcdPort)+"/health", "", 30*time.Second); err != nil {
		return err
	}
	logf("cluster: etcd up")

	tokenFile := filepath.Join(c.Dir, "pki", "tokens.csv")
	if err := os.WriteFile(tokenFile, []byte(p.token+`,admin,admin,"system:masters"`+"\n"), 0o600); err != nil {
		return err
	}
	apiArgs := append([]string{
		"--etcd-servers=" + url("http", etcdPort),
		"--bind-address=127.0.0.1", "--advertise-address=127.0.0.1", "--secure-port=" + strconv.Itoa(apiPort),
		"--cert-dir=" + filepath.Join(c.Dir, "pki"),
		"--tls-cert-file=" + p.servingCert, "--tls-private-key-file=" + p.servingKey,
		"--client-ca-file=" + p.caCert, "--token-auth-file=" + tokenFile,
		"--authorization-mode=RBAC",
		"--service-account-issuer=https://kubernetes.default.svc.cluster.local",
		"--service-account-key-file=" + p.saPub, "--service-account-signing-key-file=" + p.saKey,
		"--service-cluster-ip-range=" + serviceCIDR,
		// The endpoint reconciler refuses 127.0.0.1 as the kubernetes endpoint.
		"--endpoint-reconciler-type=none",
		"--allow-privileged=true", "--profiling=false", "--v=1",
	}, opts.APIServerArgs...)
	api, err := run("kube-apiserver", apiArgs...)
	if err != nil {
		return err
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM([]byte(p.caPEM))
	apiClient := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	if err := waitHTTP(ctx, api, apiClient, url("https", apiPort)+"/readyz", p.token, 90*time.Second); err != nil {
		return err
	}
	logf("cluster: kube-apiserver up")

	if err := writeKubeconfig(c.Kubeconfig, url("https", apiPort), p.caPEM, p.token); err != nil {
		return err
	}
	c.Config = &rest.Config{
		Host:            url("https", apiPort),
		BearerToken:     p.token,
		TLSClientConfig: rest.TLSClientConfig{CAData: []byte(p.caPEM)},
		QPS:             1000, Burst: 2000,
	}

	schedArgs := append([]string{
		"--kubeconfig=" + c.Kubeconfig,
		"--leader-elect=false", "--bind-address=127.0.0.1", "--secure-port=" + strconv.Itoa(schedPort),
		"--cert-dir=" + filepath.Join(c.Dir, "scheduler"), "--v=" + logLevel("K8S_SCHEDULER_V", "2"),
	}, opts.SchedulerArgs...)
	sched, err := run("kube-scheduler", schedArgs...)
	if err != nil {
		return err
	}
	kcmArgs := append([]string{
		"--kubeconfig=" + c.Kubeconfig,
		"--leader-elect=false", "--bind-address=127.0.0.1", "--secure-port=" + strconv.Itoa(kcmPort),
		"--cert-dir=" + filepath.Join(c.Dir, "controller-manager"),
		"--service-account-private-key-file=" + p.saKey, "--root-ca-file=" + p.caCert,
		"--service-cluster-ip-range=" + serviceCIDR, "--v=1",
	}, opts.ControllerManagerArgs...)
	kcm, err := run("kube-controller-manager", kcmArgs...)
	if err != nil {
		return err
	}
	kwok, err := run("kwok",
		"--kubeconfig="+c.Kubeconfig, "--config="+filepath.Join(bin, "kwok-stages.yaml"),
		"--manage-all-nodes=true", "--server-address=127.0.0.1:"+strconv.Itoa(kwokPort),
		"--node-lease-duration-seconds=40")
	if err != nil {
		return err
	}

	var crdErr error
	crdDone := make(chan struct{})
	go func() {
		defer close(crdDone)
		if opts.SkipCRDs {
			return
		}
		files, err := CRDFiles()
		if err == nil {
			err = InstallCRDs(ctx, c.Config, files)
		}
		crdErr = err
	}()
	insecure := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	if err := waitHTTP(ctx, sched, insecure, url("https", schedPort)+"/healthz", "", 60*time.Second); err != nil {
		return err
	}
	if err := waitHTTP(ctx, kcm, insecure, url("https", kcmPort)+"/healthz", "", 60*time.Second); err != nil {
		return err
	}
	if err := waitHTTP(ctx, kwok, http.DefaultClient, url("http", kwokPort)+"/healthz", "", 60*time.Second); err != nil {
		return err
	}
	logf("cluster: scheduler, controller-manager and kwok up")
	// Pods are refused until the service-account controller made "default".
	if err := c.waitDefaultServiceAccount(ctx, kcm); err != nil {
		return err
	}
	<-crdDone
	if crdErr != nil {
		return crdErr
	}
	return nil
}

func (c *Cluster) waitDefaultServiceAccount(ctx context.Context, kcm *process) error {
	cs, err := kubernetes.NewForConfig(c.Config)
	if err != nil {
		return err
	}
	return poll(ctx, kcm, 60*time.Second, "default service account", func() error {
		_, err := cs.CoreV1().ServiceAccounts("default").Get(ctx, "default", metav1.GetOptions{})
		return err
	})
}

// Stop stops every process (SIGTERM, then SIGKILL) and removes the directory
// unless K8S_KEEP_DIR is set. It is safe to call more than once.
func (c *Cluster) Stop() {
	c.stop(os.Getenv("K8S_KEEP_DIR") == "")
}

func (c *Cluster) stop(removeDir bool) {
	unregister(c)
	c.mu.Lock()
	procs := c.procs
	c.procs = nil
	c.mu.Unlock()
	// Reverse order: controllers first, etcd last.
	var wg sync.WaitGroup
	for i := len(procs) - 1; i >= 1; i-- {
		wg.Add(1)
		go func(p *process) { defer wg.Done(); p.stop(5 * time.Second) }(procs[i])
	}
	wg.Wait()
	if len(procs) > 0 {
		procs[0].stop(5 * time.Second)
	}
	if removeDir && c.Dir != "" && !c.External {
		os.RemoveAll(c.Dir)
	}
}

// LogDir holds one log file per process.
func (c *Cluster) LogDir() string { return filepath.Join(c.Dir, "logs") }

func external(ctx context.Context, kubeconfig string, opts Options, logf func(string, ...any)) (*Cluster, error) {
	rules := clientcmd.NewDefaultClientConfigLoadingRules()
	cfg, err := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(rules, &clientcmd.ConfigOverrides{}).ClientConfig()
	if err != nil {
		return nil, fmt.Errorf("KUBECONFIG=%s: %w", kubeconfig, err)
	}
	cfg.QPS, cfg.Burst = 200, 400
	path := strings.Split(kubeconfig, string(os.PathListSeparator))[0]
	c := &Cluster{Kubeconfig: path, Config: cfg, External: true}
	if !opts.SkipCRDs {
		files, err := CRDFiles()
		if err == nil {
			err = InstallCRDs(ctx, cfg, files)
		}
		if err != nil {
			return nil, err
		}
	}
	logf("cluster: using the existing cluster from KUBECONFIG (%s)", cfg.Host)
	return c, nil
}

// logLevel reads a klog verbosity from env, with a default.
func logLevel(env, def string) string {
	if v := os.Getenv(env); v != "" {
		return v
	}
	return def
}

func writeKubeconfig(path, server, caPEM, token string) error {
	cfg := clientcmdapi.NewConfig()
	cfg.Clusters["scaling-test"] = &clientcmdapi.Cluster{Server: server, CertificateAuthorityData: []byte(caPEM)}
	cfg.AuthInfos["admin"] = &clientcmdapi.AuthInfo{Token: token}
	cfg.Contexts["scaling-test"] = &clientcmdapi.Context{Cluster: "scaling-test", AuthInfo: "admin", Namespace: "default"}
	cfg.CurrentContext = "scaling-test"
	return clientcmd.WriteToFile(*cfg, path)
}

// waitHTTP polls url until it answers 200, the process exits or timeout.
func waitHTTP(ctx context.Context, p *process, client *http.Client, url, token string, timeout time.Duration) error {
	client.Timeout = 2 * time.Second
	return poll(ctx, p, timeout, p.name+" "+url, func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		return nil
	})
}

func poll(ctx context.Context, p *process, timeout time.Duration, what string, check func() error) error {
	deadline := time.Now().Add(timeout)
	for {
		err := check()
		if err == nil {
			return nil
		}
		if exitErr := p.exited(); exitErr != nil {
			return exitErr
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("waiting for %s: %v after %s\n%s", what, err, timeout, p.tail(20))
		}
		select {
		case <-ctx.Done():
			return errors.Join(ctx.Err(), err)
		case <-time.After(100 * time.Millisecond):
		}
	}
}
