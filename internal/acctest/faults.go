package acctest

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
)

// FaultCase is one fault an apply must ride out: the emulator answers the
// next Count calls of Operation with Kind.
type FaultCase struct {
	Name      string
	Kind      emulator.FaultKind
	Count     int
	Operation string
}

// Inject arms the fault on a test's private emulator.
func (fc FaultCase) Inject(t *testing.T, emu *emulator.Emulator, service string) {
	t.Helper()
	if err := emu.Faults.Inject(emulator.Fault{Service: service, Operation: fc.Operation, Kind: fc.Kind, Count: fc.Count}); err != nil {
		t.Fatal(err)
	}
}

// CheckRiddenOut checks that every injected fault was consumed and that the
// operation was called again after them (the SDK or the resource retried).
func (fc FaultCase) CheckRiddenOut(emu *emulator.Emulator, service string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if p := emu.Faults.Pending(); len(p) != 0 {
			return fmt.Errorf("faults not consumed: %+v", p)
		}
		if n := emu.Calls.Count(service, fc.Operation); n < fc.Count+1 {
			return fmt.Errorf("%s called %d times, want at least %d", fc.Operation, n, fc.Count+1)
		}
		return nil
	}
}
