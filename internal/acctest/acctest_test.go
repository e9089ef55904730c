package acctest

import (
	"strings"
	"testing"
)

func TestProviderConfigPointsAtEmulator(t *testing.T) {
	SkipIfExternal(t)
	cfg := ProviderConfig(t)
	if !strings.Contains(cfg, EmulatorURL(t)) || !strings.Contains(cfg, "use_test_credentials = true") {
		t.Fatalf("provider block does not target the emulator:\n%s", cfg)
	}
}
