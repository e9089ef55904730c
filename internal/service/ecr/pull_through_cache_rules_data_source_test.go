package ecr_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

func TestAccPullThroughCacheRulesDataSource_basic(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	for _, p := range []string{"quay", "k8s"} {
		url := map[string]string{"quay": "quay.io", "k8s": "registry.k8s.io"}[p]
		if _, err := tg.client(t).CreatePullThroughCacheRule(t.Context(), ecrCreate(p, url)); err != nil {
			t.Fatal(err)
		}
	}
	const ds = "data.scaling_ecr_pull_through_cache_rules.all"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: tg.ProviderConfig(t) + `data "scaling_ecr_pull_through_cache_rules" "all" {}`,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds, "rules.#", "2"),
				resource.TestCheckResourceAttr(ds, "rules.0.ecr_repository_prefix", "k8s"),
				resource.TestCheckResourceAttr(ds, "rules.0.upstream_registry", "k8s"),
				resource.TestCheckResourceAttr(ds, "rules.1.upstream_registry_url", "quay.io"),
				resource.TestCheckResourceAttr(ds, "rules.1.upstream_repository_prefix", "ROOT"),
				resource.TestCheckNoResourceAttr(ds, "rules.1.credential_arn"),
				resource.TestCheckResourceAttrSet(ds, "rules.1.node_iam_policy_json"),
			),
		}},
	})
}
