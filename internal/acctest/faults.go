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

// Step applies config with the fault armed on emu, then checks that it was
// ridden out and that checks hold (nothing was lost).
func (fc FaultCase) Step(t *testing.T, emu *emulator.Emulator, service, config string, checks ...resource.TestCheckFunc) resource.TestStep {
	return resource.TestStep{
		PreConfig: func() { fc.Inject(t, emu, service) },
		Config:    config,
		Check:     resource.ComposeAggregateTestCheckFunc(append([]resource.TestCheckFunc{fc.CheckRiddenOut(emu, service)}, checks...)...),
	}
}

// RunFaultCases runs test once per case, as parallel subtests each on an
// emulator of its own (faults match by operation, so they must not meet
// other tests' calls). Against a real endpoint they skip.
func RunFaultCases(t *testing.T, cases []FaultCase, test func(t *testing.T, tg Target, fc FaultCase)) {
	for _, fc := range cases {
		t.Run(fc.Name, func(t *testing.T) {
			tg := PrivateTarget(t, emulator.Options{})
			t.Parallel()
			test(t, tg, fc)
		})
	}
}
