package karpenterv1

import (
	"fmt"
	"sort"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// mimeBoundary separates the parts of AL2023 user data. Karpenter merges
// these parts with the NodeConfig it generates (cluster name, endpoint, CA).
const mimeBoundary = "BOUNDARY"

// RenderUserData returns spec.userData for the family ("" when there is
// nothing to add). Call after Validate.
func RenderUserData(u UserData, family string) (string, error) {
	if u.Raw != "" {
		return u.Raw, nil
	}
	switch family {
	case "AL2023":
		return al2023UserData(u)
	case "Bottlerocket":
		return bottlerocketUserData(u), nil
	}
	return "", nil
}

// al2023UserData is a MIME multipart document: a nodeadm NodeConfig (AL2023
// has no /etc/eks/bootstrap.sh) and, optionally, a shell part that pre-pulls
// images in the background.
func al2023UserData(u UserData) (string, error) {
	serialize := false
	if u.SerializeImagePulls != nil {
		serialize = *u.SerializeImagePulls
	}
	kubelet := map[string]any{"serializeImagePulls": serialize}
	if !serialize {
		n := DefaultMaxParallelImagePulls
		if u.MaxParallelImagePulls != nil {
			n = *u.MaxParallelImagePulls
		}
		kubelet["maxParallelImagePulls"] = n
	}
	if u.RegistryPullQPS != nil {
		kubelet["registryPullQPS"] = *u.RegistryPullQPS
	}
	if u.RegistryBurst != nil {
		kubelet["registryBurst"] = *u.RegistryBurst
	}
	ncSpec := map[string]any{"kubelet": map[string]any{"config": kubelet}}
	if u.FastImagePull != nil && *u.FastImagePull {
		ncSpec["featureGates"] = map[string]any{"FastImagePull": true}
	}
	nodeConfig := map[string]any{
		"apiVersion": "node.eks.aws/v1alpha1",
		"kind":       "NodeConfig",
		"spec":       ncSpec,
	}
	ncYAML, err := k8sobj.YAML(nodeConfig)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("MIME-Version: 1.0\n")
	fmt.Fprintf(&b, "Content-Type: multipart/mixed; boundary=%q\n\n", mimeBoundary)
	fmt.Fprintf(&b, "--%s\nContent-Type: application/node.eks.aws\n\n%s\n", mimeBoundary, ncYAML)
	if len(u.PrePullImages) > 0 {
		fmt.Fprintf(&b, "--%s\nContent-Type: text/x-shellscript; charset=\"us-ascii\"\n\n%s\n", mimeBoundary, prePullScript(u.PrePullImages))
	}
	fmt.Fprintf(&b, "--%s--\n", mimeBoundary)
	return b.String(), nil
}

// prePullScript pulls images into containerd's k8s.io namespace (the one
// the kubelet uses) in the background, so boot is not delayed. Private ECR
// images are pulled with a token from the node role when the AWS CLI is
// present. Image references were validated to contain no shell characters.
func prePullScript(images []string) string {
	quoted := make([]string, len(images))
	for i, img := range images {
		quoted[i] = "'" + img + "'"
	}
	return `#!/bin/bash
# Pre-pull images so the first pods on this node skip their image pulls.
set -u
(
  for _ in $(seq 1 120); do
    systemctl is-active --quiet containerd && break
    sleep 1
  done
  for image in ` + strings.Join(quoted, " ") + `; do
    creds=()
    case "$image" in
      *.dkr.ecr.*.amazonaws.com/*)
        region=$(echo "${image%%/*}" | cut -d. -f4)
        if command -v aws >/dev/null 2>&1; then
          creds=(--user "AWS:$(aws ecr get-login-password --region "$region")")
        fi
        ;;
    esac
    ctr --namespace k8s.io images pull "${creds[@]}" "$image" || echo "pre-pull of $image failed"
  done
) >>/var/log/scaling-prepull.log 2>&1 &`
}

// bottlerocketUserData is TOML; Karpenter adds the cluster settings and the
// spec.kubelet values itself.
func bottlerocketUserData(u UserData) string {
	settings := map[string]int64{}
	if u.RegistryPullQPS != nil {
		settings["registry-qps"] = *u.RegistryPullQPS
	}
	if u.RegistryBurst != nil {
		settings["registry-burst"] = *u.RegistryBurst
	}
	soci := u.FastImagePull != nil && *u.FastImagePull
	if len(settings) == 0 && !soci {
		return ""
	}
	keys := make([]string, 0, len(settings))
	for k := range settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	if len(keys) > 0 {
		b.WriteString("[settings.kubernetes]\n")
		for _, k := range keys {
			fmt.Fprintf(&b, "%s = %d\n", k, settings[k])
		}
	}
	if soci {
		b.WriteString("[settings.container-runtime]\nsnapshotter = \"soci\"\n")
		b.WriteString("[settings.container-runtime-plugins.soci-snapshotter]\npull-mode = \"parallel-pull-unpack\"\n")
	}
	return b.String()
}
