package kubernetes

import (
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest/kubeapi"
	"github.com/scalingkit/terraform-provider-scaling/internal/conns"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/objectset"
)

// Test objects: a CRD and an object of its kind, a Namespace and objects in it.
const (
	nodePoolCRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: nodepools.karpenter.sh}
spec:
  group: karpenter.sh
  names: {kind: NodePool, plural: nodepools}
  scope: Cluster
  versions:
  - name: v1
    served: true
    storage: true
    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
`
	nodePool = `apiVersion: karpenter.sh/v1
kind: NodePool
metadata: {name: general}
spec: {weight: 10}
`
	shopNamespace = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
`
)

func configMap(name, value string) string {
	return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + ", namespace: shop}\ndata: {value: \"" + value + "\"}\n"
}

func join(docs ...string) string { return strings.Join(docs, "---\n") }

func parse(t *testing.T, src string) []objectset.Object {
	t.Helper()
	objs, probs := objectset.Parse(src, yamlPath)
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	return objs
}

func fakeConfig(f *kubeapi.Fake) conns.KubernetesConfig {
	return conns.KubernetesConfig{Host: f.URL, Token: "test-token"}
}

func fakeClient(t *testing.T, f *kubeapi.Fake) *client {
	t.Helper()
	cfg, err := restConfig(fakeConfig(f), "test")
	if err != nil {
		t.Fatal(err)
	}
	c, err := newClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// indexOf is the position of the first request starting with prefix, or -1.
func indexOf(log []string, prefix string) int {
	for i, l := range log {
		if strings.HasPrefix(l, prefix) {
			return i
		}
	}
	return -1
}
