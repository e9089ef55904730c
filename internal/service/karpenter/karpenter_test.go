package karpenter_test

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/service/karpenter"
)

func TestSchemas(t *testing.T) {
	acctest.CheckDataSourceSchemas(t, karpenter.DataSources()...)
}
