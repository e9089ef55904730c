package framework

import (
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestTimeValue(t *testing.T) {
	at := time.Date(2025, 11, 20, 9, 30, 0, 0, time.FixedZone("CET", 3600))
	if got, want := TimeValue(&at), types.StringValue("2025-11-20T08:30:00Z"); !got.Equal(want) {
		t.Errorf("TimeValue = %v, want %v", got, want)
	}
	if got := TimeValue(nil); !got.IsNull() {
		t.Errorf("TimeValue(nil) = %v, want null", got)
	}
}
