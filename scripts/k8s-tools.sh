#!/usr/bin/env bash
# Builds the local Kubernetes test substrate into a cache directory and prints
# that directory: etcd, kube-apiserver, kube-scheduler, kube-controller-manager
# (test/k8s/tools/controlplane), kwok and its stages (test/k8s/tools/kwok).
# The CRDs are not here: the Go harness (test/k8s/cluster/crds.go) reads them
# from their pinned Go modules.
#
# The directory is keyed by a hash of the tools modules and this script, so a
# version bump builds afresh and an unchanged tree reuses the binaries (seconds).
# Cold: ~10 min and ~2 GB RSS on 2 cores, mostly kube-apiserver.
#
#   scripts/k8s-tools.sh                 control plane + kwok
#   scripts/k8s-tools.sh karpenter-kwok  Karpenter with its KWOK cloud provider
#                                        (test/k8s/tools/karpenter-kwok) and its CRDs
#   K8S_BIN_CACHE   parent of the keyed directories (default .cache/k8s-bin)
set -euo pipefail
export GOTOOLCHAIN=local GOFLAGS=-buildvcs=false

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS="$ROOT/test/k8s/tools"

# The pins live in the tools' go.mod files; these must match them (the
# version stamp of the binaries and the kwok stages come from here).
K8S_VERSION=v1.35.4
KWOK_VERSION=v0.8.0

CACHE=${K8S_BIN_CACHE:-${XDG_CACHE_HOME:+$XDG_CACHE_HOME/scaling}}
CACHE=${CACHE:-$ROOT/.cache}/k8s-bin
KARPENTER_VERSION=v1.14.1

what=${1:-core}
case $what in
core) key=$(cat "$TOOLS"/controlplane/go.{mod,sum} "$TOOLS"/kwok/go.{mod,sum} \
	"${BASH_SOURCE[0]}" | sha256sum | cut -c1-16)
	OUT="$CACHE/$K8S_VERSION-$key" ;;
karpenter-kwok) key=$(cat "$TOOLS"/karpenter-kwok/go.{mod,sum} "${BASH_SOURCE[0]}" | sha256sum | cut -c1-16)
	OUT="$CACHE/karpenter-kwok-$KARPENTER_VERSION-$key" ;;
*) echo "usage: $0 [core|karpenter-kwok]" >&2; exit 2 ;;
esac

if [ -f "$OUT/.complete" ]; then
	echo "$OUT"
	exit 0
fi
# One build at a time (test packages run in parallel and may all ask).
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9
if [ -f "$OUT/.complete" ]; then
	echo "$OUT"
	exit 0
fi

log() { echo "k8s-tools: $*" >&2; }
start=$(date +%s)
tmp="$OUT.tmp.$$"
rm -rf "$tmp"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT

# Outside any module, so no go.mod is touched.
moddir() { (cd "$tmp" && go mod download -json "$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p'); }

if [ "$what" = karpenter-kwok ]; then
	log "building karpenter (KWOK provider) $KARPENTER_VERSION (cold: ~4 min)"
	(cd "$TOOLS/karpenter-kwok" && go build -trimpath -ldflags "-s -w" -o "$tmp/karpenter-kwok" sigs.k8s.io/karpenter/kwok)
	# Core's NodePool/NodeClaim CRDs (not the AWS provider's) and KWOKNodeClass.
	coredir=$(moddir "sigs.k8s.io/karpenter@$KARPENTER_VERSION")
	mkdir -p "$tmp/crds"
	cp "$coredir"/kwok/charts/crds/*.yaml "$coredir"/kwok/apis/crds/*.yaml "$tmp/crds/"
	chmod -R u+w "$tmp"
	echo "karpenter $KARPENTER_VERSION" >"$tmp/VERSIONS"
else
	ver=k8s.io/component-base/version
	minor=${K8S_VERSION#v1.}
	minor=${minor%%.*}
	ldflags="-s -w -X $ver.gitVersion=$K8S_VERSION -X $ver.gitMajor=1 -X $ver.gitMinor=$minor -X $ver.gitTreeState=clean"

	log "building control plane $K8S_VERSION (cold: ~10 min)"
	(cd "$TOOLS/controlplane" && go build -trimpath -ldflags "$ldflags" -o "$tmp/" tool)
	mv "$tmp/server" "$tmp/etcd" # the etcd server package builds as "server"

	log "building kwok $KWOK_VERSION (cold: ~3 min)"
	(cd "$TOOLS/kwok" && go build -trimpath -ldflags "-s -w" -o "$tmp/" tool)

	# kwok needs stages to move fake nodes to Ready and fake pods to Running.
	kwokdir=$(moddir "sigs.k8s.io/kwok@$KWOK_VERSION")
	for f in "$kwokdir"/kustomize/stage/{node/fast,node/heartbeat-with-lease,pod/fast}/*.yaml; do
		case $f in */kustomization.yaml) continue ;; esac
		echo "---"
		cat "$f"
	done >"$tmp/kwok-stages.yaml"

	etcdv=$(cd "$TOOLS/controlplane" && go list -m -f '{{.Version}}' go.etcd.io/etcd/server/v3)
	printf 'kubernetes %s\netcd %s\nkwok %s\n' "$K8S_VERSION" "$etcdv" "$KWOK_VERSION" >"$tmp/VERSIONS"
fi
touch "$tmp/.complete"
rm -rf "$OUT"
mv "$tmp" "$OUT"
trap - EXIT
log "built in $(($(date +%s) - start))s: $OUT"
echo "$OUT"
