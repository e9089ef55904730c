package problem

import (
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	names := []string{"karpenter_nodes_created_total", "karpenter_nodes_terminated_total", "karpenter_pods_state"}
	if got := Suggest("karpenter_nodes_created", names, 3); len(got) == 0 || got[0] != "karpenter_nodes_created_total" || strings.Contains(strings.Join(got, ","), "terminated") {
		t.Fatalf("got %v", got)
	}
	if got := Suggest("BaseEjectionTim", []string{"baseEjectionTime", "interval"}, 1); len(got) != 1 || got[0] != "baseEjectionTime" {
		t.Fatalf("got %v", got)
	}
	if got := Suggest("zzz", names, 3); len(got) != 0 {
		t.Fatalf("nothing is near, got %v", got)
	}
}
