package nodes_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

const prepull = "data.scaling_image_prepull.test"

const pinned = "public.ecr.aws/docker/library/nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

func prepullConfig(body string) string {
	return acctest.OfflineDataSourceConfig("scaling_image_prepull", body)
}

func TestImagePrepullDataSource_defaults(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: prepullConfig(`
  name       = "web-prepull"
  images     = ["` + pinned + `"]
  node_pools = ["web"]
  taints     = [{ key = "ebs.csi.aws.com/agent-not-ready", effect = "NoExecute" }]
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(prepull, "manifest.kind", "DaemonSet"),
			resource.TestCheckResourceAttr(prepull, "manifest.metadata.namespace", "kube-system"),
			resource.TestCheckResourceAttr(prepull, "manifest.spec.template.spec.hostNetwork", "true"),
			resource.TestCheckResourceAttr(prepull, "manifest.spec.template.spec.initContainers.#", "2"),
			resource.TestCheckResourceAttr(prepull, "manifest.spec.template.spec.initContainers.1.image", pinned),
			resource.TestCheckResourceAttr(prepull, "manifest.spec.template.spec.initContainers.1.command.0", "/prepull/true"),
			resource.TestCheckResourceAttr(prepull, "manifest.spec.template.spec.containers.0.image", "registry.k8s.io/pause:3.10"),
			resource.TestCheckResourceAttr(prepull, "manifest.spec.template.spec.containers.0.resources.requests.cpu", "1m"),
			resource.TestCheckResourceAttr(prepull, "manifest.spec.template.spec.tolerations.0.operator", "Exists"),
			resource.TestCheckResourceAttrSet(prepull, "soci.bottlerocket"),
			resource.TestCheckResourceAttrSet(prepull, "soci.al2023"),
		),
	}})
}

func TestImagePrepullDataSource_badInput(t *testing.T) {
	t.Parallel()
	acctest.ExpectErrors(t, prepullConfig, acctest.BadInputs{
		"no images":    {`name = "p"` + "\n" + `images = []` + "\n" + `node_pools = ["web"]`, `list at least one image`},
		"shell":        {`name = "p"` + "\n" + `images = ["nginx; rm -rf /"]` + "\n" + `node_pools = ["web"]`, `no spaces or shell characters`},
		"no placement": {`name = "p"` + "\n" + `images = ["` + pinned + `"]`, `set node_pools`},
		"bad effect":   {`name = "p"` + "\n" + `images = ["` + pinned + `"]` + "\n" + `node_pools = ["web"]` + "\n" + `taints = [{ key = "a", effect = "Evict" }]`, `"Evict" is not a taint effect`},
	})
}

func TestImagePrepullDataSource_problemPaths(t *testing.T) {
	t.Parallel()
	acctest.CheckProblemPaths(t, "scaling_image_prepull", map[string]any{
		"name":               "p",
		"images":             []any{pinned},
		"node_pools":         []any{"web"},
		"node_selector":      map[string]any{"example.com/tier": "critical"},
		"taints":             []any{map[string]any{"key": "a", "value": "b", "effect": "NoSchedule"}},
		"image_pull_secrets": []any{"regcred"},
	})
}
