package framework

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/configvalue"
)

func TestConfigValue(t *testing.T) {
	for _, tc := range []struct {
		in   types.String
		want configvalue.Value
	}{
		{types.StringValue("x"), configvalue.Set("x")},
		{types.StringValue(""), configvalue.Set("")},
		{types.StringNull(), configvalue.Unset()},
		{types.StringUnknown(), configvalue.Unknown()},
	} {
		if got := ConfigValue(tc.in); got != tc.want {
			t.Errorf("ConfigValue(%v) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}
