package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// awsEmulator is a running `terraform-provider-scaling emulator` process.
type awsEmulator struct {
	URL string
}

// startEmulator runs the provider binary's emulator on a free loopback port
// and stops it when the test ends. Tier changes stay InProgress for a second,
// so the provider's waiter is exercised without slowing the test.
func startEmulator(t *testing.T) *awsEmulator {
	t.Helper()
	dir := t.TempDir()
	urlFile := filepath.Join(dir, "url")
	logFile, err := os.Create(filepath.Join(dir, "emulator.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(providerBinary(t), "emulator", "--url-file", urlFile, "--update-delay", "1s")
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start emulator: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
		}
		logFile.Close()
	})
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(urlFile); err == nil && len(bytes.TrimSpace(b)) > 0 {
			return &awsEmulator{URL: strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0])}
		}
		time.Sleep(50 * time.Millisecond)
	}
	log, _ := os.ReadFile(logFile.Name())
	t.Fatalf("emulator did not write its URL within 30s:\n%s", log)
	return nil
}

// control calls the emulator's control surface (not an AWS API) and decodes
// the JSON answer into out (when not nil).
func (e *awsEmulator) control(t *testing.T, method, route string, body, out any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, e.URL+"/_emulator/"+route, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, route, err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		t.Fatalf("%s %s: %s: %s", method, route, resp.Status, data)
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatalf("%s %s: decode %s: %v", method, route, data, err)
		}
	}
}

// raw returns a control route's answer as text, for failure messages.
func (e *awsEmulator) raw(t *testing.T, route string) string {
	t.Helper()
	var v any
	e.control(t, http.MethodGet, route, nil, &v)
	b, _ := json.Marshal(v)
	return fmt.Sprintf("%s", b)
}
