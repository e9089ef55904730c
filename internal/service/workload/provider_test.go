package workload_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

// badInputs are data source bodies by case name, each with the error
// (a regular expression) it must fail with.
type badInputs = map[string]struct{ body, err string }

// expectErrors runs each case as a parallel subtest: config(body) must
// fail with an error matching err.
func expectErrors(t *testing.T, config func(body string) string, cases badInputs) {
	t.Helper()
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			acctest.UnitTestOffline(t, []resource.TestStep{{Config: config(c.body), ExpectError: regexp.MustCompile(c.err)}})
		})
	}
}
