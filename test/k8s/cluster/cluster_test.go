package cluster

import (
	"context"
	"errors"
	"os"
	"syscall"
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// Start brings up a working control plane and Stop leaves no process and no
// directory behind.
func TestStartStopLeavesNothing(t *testing.T) {
	if os.Getenv("KUBECONFIG") != "" {
		t.Skip("KUBECONFIG set: nothing is started")
	}
	c, err := Start(context.Background(), Options{Logf: t.Logf, SkipCRDs: true})
	if err != nil {
		t.Fatal(err)
	}
	stopped := false
	defer func() {
		if !stopped {
			c.Stop()
		}
	}()
	cs, err := kubernetes.NewForConfig(c.Config)
	if err != nil {
		t.Fatal(err)
	}
	v, err := cs.Discovery().ServerVersion()
	if err != nil {
		t.Fatal(err)
	}
	if v.GitVersion != "v1.35.4" {
		t.Errorf("server version %q, want the stamped v1.35.4", v.GitVersion)
	}
	if _, err := cs.CoreV1().Namespaces().Get(context.Background(), "kube-system", metav1.GetOptions{}); err != nil {
		t.Error(err)
	}
	var pids []int
	for _, p := range c.procs {
		pids = append(pids, p.cmd.Process.Pid)
	}
	if len(pids) != 5 {
		t.Errorf("%d processes, want etcd, kube-apiserver, kube-scheduler, kube-controller-manager, kwok", len(pids))
	}
	c.Stop()
	stopped = true
	for _, pid := range pids {
		// Process groups are gone too: signal 0 to the group must fail.
		if err := syscall.Kill(-pid, 0); !errors.Is(err, syscall.ESRCH) {
			t.Errorf("process group %d still exists after Stop (kill: %v)", pid, err)
		}
	}
	if _, err := os.Stat(c.Dir); !os.IsNotExist(err) {
		t.Errorf("directory %s still exists after Stop", c.Dir)
	}
}
