package conns

import (
	"os"
	"path/filepath"
	"testing"
)

// isolate clears every AWS_* variable the SDK reads and points the shared
// files at empty ones, so a developer's own AWS setup cannot leak into a
// test; it returns the config file's path. Tests using it cannot run in
// parallel (they change the environment).
func isolate(t *testing.T) string {
	t.Helper()
	for _, kv := range os.Environ() {
		for i := 0; i < len(kv); i++ {
			if kv[i] == '=' {
				if k := kv[:i]; len(k) > 4 && k[:4] == "AWS_" && k != "AWS_CA_BUNDLE" {
					t.Setenv(k, "")
					_ = os.Unsetenv(k)
				}
				break
			}
		}
	}
	dir := t.TempDir()
	config := filepath.Join(dir, "config")
	creds := filepath.Join(dir, "credentials")
	for _, f := range []string{config, creds} {
		if err := os.WriteFile(f, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("AWS_CONFIG_FILE", config)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", creds)
	// Nothing here may reach a real metadata service.
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	return config
}

func intp(n int) *int { return &n }
