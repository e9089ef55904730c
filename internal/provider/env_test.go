package provider_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// isolateAWS clears the AWS_* variables and points the shared files at
// empty ones, so the provider under test (served in this process) sees no
// region, profile or credentials but what the test gives it. Tests using
// it cannot run in parallel.
func isolateAWS(t *testing.T) {
	t.Helper()
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "AWS_") && k != "AWS_CA_BUNDLE" {
			t.Setenv(k, "")
			_ = os.Unsetenv(k)
		}
	}
	dir := t.TempDir()
	for _, f := range []string{"config", "credentials"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}
