// Package cluster starts a real Kubernetes control plane on 127.0.0.1 for
// tests: etcd, kube-apiserver, kube-scheduler, kube-controller-manager and
// kwok (fake nodes), on free ports, in a temporary directory, with the
// Karpenter, KEDA and CapacityBuffer CRDs installed. Every process runs in its
// own process group and dies with its parent, so nothing outlives a failed or
// killed test.
//
// Binaries come from scripts/k8s-tools.sh (a cache directory keyed by the
// pinned versions); K8S_BIN_DIR points at a prepared directory instead. When
// KUBECONFIG is set, no process is started: the tests use that cluster.
package cluster
