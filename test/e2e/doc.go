// Package e2e applies the Terraform examples end to end: examples/complete
// with terratest against the local AWS emulator (the provider binary's
// `emulator` command) and the local Kubernetes control plane from test/k8s,
// with both providers served from the offline filesystem mirror that
// scripts/tf-mirror.sh builds.
package e2e
