package acctest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// Test applies steps with the provider served in-process, then runs
// checkDestroy once terraform has destroyed everything.
func Test(t *testing.T, checkDestroy resource.TestCheckFunc, steps []resource.TestStep) {
	t.Helper()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: ProtoV6ProviderFactories,
		CheckDestroy:             checkDestroy,
		Steps:                    steps,
	})
}

// ImportStep imports address by id and checks that the imported state
// matches the one apply wrote.
func ImportStep(address, id string) resource.TestStep {
	return resource.TestStep{ResourceName: address, ImportState: true, ImportStateId: id, ImportStateVerify: true}
}

// DisappearsStep applies config, then deletes the object outside
// Terraform with remove (false: it was never created). The refresh must
// notice, so the plan after the step is not empty.
func DisappearsStep(config, what string, remove func() bool) resource.TestStep {
	return resource.TestStep{
		Config: config,
		Check: func(*terraform.State) error {
			if !remove() {
				return fmt.Errorf("%s was not created", what)
			}
			return nil
		},
		ExpectNonEmptyPlan: true,
	}
}

// CheckGone is a CheckDestroy: reading each resource of resourceType left
// in state must fail with the API's not-found error (an error containing
// notFound, e.g. "ResourceNotFoundException").
func CheckGone(resourceType, notFound string, read func(id string) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != resourceType {
				continue
			}
			err := read(rs.Primary.ID)
			if err == nil {
				return fmt.Errorf("%s %s still exists", resourceType, rs.Primary.ID)
			}
			if !strings.Contains(err.Error(), notFound) {
				return err
			}
		}
		return nil
	}
}
