package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// children lists the pids whose parent is ppid.
func children(t *testing.T, ppid int) []int {
	t.Helper()
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	var pids []int
	for _, s := range stats {
		data, err := os.ReadFile(s)
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...; comm may contain spaces, so cut at ")".
		rest := string(data[strings.LastIndexByte(string(data), ')')+2:])
		fields := strings.Fields(rest)
		if len(fields) > 1 && fields[1] == strconv.Itoa(ppid) {
			pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(s)))
			pids = append(pids, pid)
		}
	}
	return pids
}

// Killing the runner with SIGKILL (no chance to clean up) still takes every
// control-plane process with it (Pdeathsig), and SIGTERM stops it cleanly.
func TestRunnerLeavesNoProcessBehind(t *testing.T) {
	if os.Getenv("KUBECONFIG") != "" {
		t.Skip("KUBECONFIG set")
	}
	bin := filepath.Join(t.TempDir(), "k8s-cluster")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "cluster")
			cmd := exec.Command(bin, "-dir", dir)
			cmd.Env = append(os.Environ(), "KUBECONFIG=")
			log, _ := os.Create(filepath.Join(t.TempDir(), "log"))
			cmd.Stdout, cmd.Stderr = log, log
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(3 * time.Minute)
			for {
				if _, err := os.Stat(filepath.Join(dir, "ready")); err == nil {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("not ready after 3 minutes")
				}
				time.Sleep(100 * time.Millisecond)
			}
			kids := children(t, cmd.Process.Pid)
			if len(kids) != 5 {
				t.Errorf("%d child processes, want 5", len(kids))
			}
			_ = cmd.Process.Signal(sig)
			_ = cmd.Wait()
			deadline = time.Now().Add(15 * time.Second)
			for _, pid := range kids {
				for {
					err := syscall.Kill(pid, 0)
					if errors.Is(err, syscall.ESRCH) {
						break
					}
					if time.Now().After(deadline) {
						syscall.Kill(-pid, syscall.SIGKILL)
						t.Fatalf("child %d still alive after %s", pid, sig)
					}
					time.Sleep(50 * time.Millisecond)
				}
			}
		})
	}
}
