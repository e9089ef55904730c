package crdvalidate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/mod/module"
)

// Module is a pinned Go module that ships CRD YAML files.
type Module struct {
	Path    string
	Version string
}

// Pinned modules whose CRDs the conformance suite checks against. Change a
// version here and in README.md together.
var (
	// KarpenterAWS ships NodePool, NodeClaim and EC2NodeClass (use these
	// rather than core's: the AWS module's NodePool/NodeClaim carry the AWS
	// specific rules) and CapacityBuffer.
	KarpenterAWS = Module{Path: "github.com/aws/karpenter-provider-aws", Version: "v1.14.1"}
	// KarpenterCore is sigs.k8s.io/karpenter (core CRDs, CapacityBuffer).
	KarpenterCore = Module{Path: "sigs.k8s.io/karpenter", Version: "v1.14.1"}
	// KEDA ships ScaledObject, TriggerAuthentication... in config/crd/bases.
	KEDA = Module{Path: "github.com/kedacore/keda/v2", Version: "v2.21.0"}
	// Kueue ships ResourceFlavor, ClusterQueue, LocalQueue, AdmissionCheck
	// and ProvisioningRequestConfig in config/components/crd/bases (v1beta2
	// stored, v1beta1 deprecated). Also a Go dependency of this module:
	// its webhook checks run in kueue_test.go.
	Kueue = Module{Path: "sigs.k8s.io/kueue", Version: "v0.17.0"}
	// Istio ships every Istio CRD in one file,
	// kubernetes/customresourcedefinitions.gen.yaml; DestinationRule is served
	// as v1, v1beta1 and v1alpha3 with one schema. Also a Go dependency of
	// this module: the protobuf types decode DestinationRule specs strictly.
	Istio = Module{Path: "istio.io/api", Version: "v1.32.0"}
)

// Files of the pinned modules that hold the CRDs.
const (
	KueueCRDDir    = "config/components/crd/bases/"
	IstioCRDFile   = "kubernetes/customresourcedefinitions.gen.yaml"
	KueueCRDPrefix = KueueCRDDir + "kueue.x-k8s.io_"
)

// Dir returns the module's directory in the module cache, downloading it
// through the Go module proxy (`go mod download -json`) when it is missing.
// The modules are not dependencies of this module: their Go code is never
// compiled, only their YAML is read.
func (m Module) Dir() (string, error) {
	cache, err := goEnv("GOMODCACHE")
	if err != nil {
		return "", err
	}
	escPath, err := module.EscapePath(m.Path)
	if err != nil {
		return "", err
	}
	escVer, err := module.EscapeVersion(m.Version)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(cache, escPath+"@"+escVer)
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		return dir, nil
	}
	// Run outside any module so nothing is added to go.mod/go.sum.
	cmd := exec.Command("go", "mod", "download", "-json", m.Path+"@"+m.Version)
	cmd.Dir = os.TempDir()
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GO111MODULE=on")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go mod download %s@%s: %v: %s%s", m.Path, m.Version, err, errb.String(), out.String())
	}
	var info struct {
		Dir   string
		Error string
	}
	if err := json.Unmarshal(out.Bytes(), &info); err != nil {
		return "", fmt.Errorf("go mod download %s@%s: %v", m.Path, m.Version, err)
	}
	if info.Error != "" || info.Dir == "" {
		return "", fmt.Errorf("go mod download %s@%s: %s", m.Path, m.Version, info.Error)
	}
	return info.Dir, nil
}

// File returns the path of rel inside the module (downloading it if needed).
func (m Module) File(rel string) (string, error) {
	dir, err := m.Dir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, filepath.FromSlash(rel)), nil
}

func goEnv(name string) (string, error) {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %v", name, err)
	}
	v := strings.TrimSpace(string(out))
	if v == "" {
		return "", fmt.Errorf("go env %s is empty", name)
	}
	return v, nil
}

// AddModuleFiles loads CRD files (paths relative to the module root) from a
// pinned module into the set.
func (s *Set) AddModuleFiles(m Module, rels ...string) error {
	for _, rel := range rels {
		p, err := m.File(rel)
		if err != nil {
			return err
		}
		if err := s.AddFile(p); err != nil {
			return fmt.Errorf("%s@%s %s: %w", m.Path, m.Version, rel, err)
		}
	}
	return nil
}
