package karpenter_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

// badInputs are data source bodies by case name, each with the error
// (a regular expression) it must fail the plan with.
type badInputs = map[string]struct{ body, want string }

// expectErrors runs each case as a parallel subtest: config(body) must
// fail at plan time with an error matching want.
func expectErrors(t *testing.T, config func(body string) string, cases badInputs) {
	t.Helper()
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			acctest.UnitTestOffline(t, []resource.TestStep{{
				Config:      config(tc.body),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(tc.want),
			}})
		})
	}
}
