package cluster

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/rest"
)

// CRD sources, pinned. Karpenter's NodePool, NodeClaim, NodeOverlay and
// EC2NodeClass and the CapacityBuffer (autoscaling.x-k8s.io) come from the AWS
// provider module: its NodePool differs from core's. KEDA from its bases.
// Kueue's five kinds the Kueue renderer emits from its bases. Istio ships
// all its CRDs in one file (DestinationRule among them). Each entry is a
// module and glob patterns inside it.
var crdSources = []struct {
	module   string
	patterns []string
}{
	{"github.com/aws/karpenter-provider-aws@v1.14.1", []string{"pkg/apis/crds/*.yaml"}},
	{"github.com/kedacore/keda/v2@v2.21.0", []string{"config/crd/bases/*.yaml"}},
	{"sigs.k8s.io/kueue@v0.17.0", []string{
		"config/components/crd/bases/kueue.x-k8s.io_resourceflavors.yaml",
		"config/components/crd/bases/kueue.x-k8s.io_clusterqueues.yaml",
		"config/components/crd/bases/kueue.x-k8s.io_localqueues.yaml",
		"config/components/crd/bases/kueue.x-k8s.io_admissionchecks.yaml",
		"config/components/crd/bases/kueue.x-k8s.io_provisioningrequestconfigs.yaml",
	}},
	{"istio.io/api@v1.32.0", []string{"kubernetes/customresourcedefinitions.gen.yaml"}},
}

// repoCRDs are CRDs kept in the repository: their projects publish no Go
// module with them (Node Readiness Controller), no CRD at all (EKS Auto
// Mode's NodeClass, written from the EKS user guide), or a module the
// proxy does not serve (prometheus-operator v0.95.2's PrometheusRule,
// generated from its Go types; test/conformance/promcrd checks it).
var repoCRDs = []string{
	"test/crds/node-readiness-controller/readiness.node.x-k8s.io_nodereadinessrules.yaml",
	"test/crds/eks-auto-mode/eks.amazonaws.com_nodeclasses.yaml",
	"test/crds/prometheus-operator-v0.95.2/monitoring.coreos.com_prometheusrules.yaml",
}

// KarpenterCoreModule holds the KWOK cloud provider's own CRDs.
const KarpenterCoreModule = "sigs.k8s.io/karpenter@v1.14.1"

var crdGVR = schema.GroupVersionResource{Group: "apiextensions.k8s.io", Version: "v1", Resource: "customresourcedefinitions"}

// ModuleDir downloads a pinned Go module (through the module proxy, into the
// module cache) and returns its directory.
func ModuleDir(moduleAtVersion string) (string, error) {
	tmp, err := os.MkdirTemp("", "scaling-moddir-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("go", "mod", "download", "-json", moduleAtVersion)
	cmd.Dir = tmp // outside any module: no go.mod is touched
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOFLAGS=")
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s: %v", moduleAtVersion, err)
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(out, &info); err != nil {
		return "", err
	}
	if info.Dir == "" {
		return "", fmt.Errorf("go mod download %s: %s", moduleAtVersion, info.Error)
	}
	return info.Dir, nil
}

// CRDFiles lists the CRD manifests the renderers target.
func CRDFiles() ([]string, error) {
	var files []string
	for _, src := range crdSources {
		dir, err := ModuleDir(src.module)
		if err != nil {
			return nil, err
		}
		for _, p := range src.patterns {
			found, _ := filepath.Glob(filepath.Join(dir, p))
			if len(found) == 0 {
				return nil, fmt.Errorf("no CRDs at %s/%s", src.module, p)
			}
			files = append(files, found...)
		}
	}
	root, err := repoRoot()
	if err != nil {
		return nil, err
	}
	for _, rel := range repoCRDs {
		f := filepath.Join(root, filepath.FromSlash(rel))
		if _, err := os.Stat(f); err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	sort.Strings(files)
	return files, nil
}

// InstallCRDs creates every CRD in files that the server does not have yet
// (an existing cluster keeps its own) and waits until all are Established.
func InstallCRDs(ctx context.Context, cfg *rest.Config, files []string) error {
	client, err := dynamic.NewForConfig(cfg)
	if err != nil {
		return err
	}
	var names []string
	for _, f := range files {
		objs, err := ReadObjects(f)
		if err != nil {
			return err
		}
		for _, obj := range objs {
			if obj.GetKind() != "CustomResourceDefinition" {
				continue
			}
			names = append(names, obj.GetName())
			_, err := client.Resource(crdGVR).Create(ctx, obj, metav1.CreateOptions{})
			if err != nil && !apierrors.IsAlreadyExists(err) {
				return fmt.Errorf("create CRD %s: %w", obj.GetName(), err)
			}
		}
	}
	deadline := time.Now().Add(60 * time.Second)
	for _, name := range names {
		for {
			crd, err := client.Resource(crdGVR).Get(ctx, name, metav1.GetOptions{})
			if err == nil && established(crd) {
				break
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("CRD %s not Established after 60s (last error: %v)", name, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	return nil
}

func established(crd *unstructured.Unstructured) bool {
	conds, _, _ := unstructured.NestedSlice(crd.Object, "status", "conditions")
	for _, c := range conds {
		m, _ := c.(map[string]any)
		if m["type"] == "Established" && strings.EqualFold(fmt.Sprint(m["status"]), "true") {
			return true
		}
	}
	return false
}
