#!/usr/bin/env bash
# Builds the Terraform providers that tests need into a filesystem mirror,
# since no registry is reachable here: our own provider (from this checkout)
# and, on request, hashicorp/kubernetes from the Go module proxy.
#
#   scripts/tf-mirror.sh [--kubernetes]     prints the CLI config file path
#
# Layout: .tf-mirror/registry.terraform.io/<ns>/<name>/<ver>/linux_amd64/terraform-provider-<name>_v<ver>
# Binaries built from the module proxy are cached in .cache/tf-providers and
# reused when present.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=local

ROOT=$PWD
MIRROR=$ROOT/.tf-mirror
CACHE=$ROOT/.cache/tf-providers
PLATFORM=$(go env GOOS)_$(go env GOARCH)
SCALING_VERSION=0.1.0
# hashicorp/kubernetes main (v3.2.1 plus 2 commits); the proxy serves this
# pseudo-version, not a tag. The mirror files it as 3.2.1.
K8S_MODULE=github.com/hashicorp/terraform-provider-kubernetes
K8S_PSEUDO=v1.13.4-0.20260821094251-3a33fb6cc605
K8S_VERSION=3.2.1

place() { # ns name version binary
  local dir=$MIRROR/registry.terraform.io/$1/$2/$3/$PLATFORM
  mkdir -p "$dir"
  install -m 0755 "$4" "$dir/terraform-provider-$2_v$3"
}

mkdir -p "$CACHE"
go build -o "$CACHE/terraform-provider-scaling" .
place scalingkit scaling "$SCALING_VERSION" "$CACHE/terraform-provider-scaling"

if [[ "${1:-}" == "--kubernetes" ]]; then
  bin=$CACHE/terraform-provider-kubernetes_$K8S_PSEUDO
  if [[ ! -x "$bin" ]]; then
    dir=$(go mod download -json "$K8S_MODULE@$K8S_PSEUDO" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
    echo "building hashicorp/kubernetes $K8S_PSEUDO (several minutes when cold)..." >&2
    (cd "$dir" && GOFLAGS=-mod=mod go build -trimpath -o "$bin.tmp" .) && mv "$bin.tmp" "$bin"
  fi
  place hashicorp kubernetes "$K8S_VERSION" "$bin"
fi

cat > "$MIRROR/terraformrc" <<RC
disable_checkpoint = true
provider_installation {
  filesystem_mirror {
    path    = "$MIRROR"
    include = ["registry.terraform.io/*/*"]
  }
  direct {
    exclude = ["registry.terraform.io/*/*"]
  }
}
RC
echo "$MIRROR/terraformrc"
