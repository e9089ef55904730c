#!/usr/bin/env bash
# `make bench`: performance against the alternatives, offline, printed as
# Markdown tables (templates/guides/performance.md.tmpl holds one run).
#
#   1. startup  provider start-up (go-plugin handshake + GetProviderSchema) and
#               peak RSS, ours vs hashicorp/kubernetes built from the module proxy
#   2. plan     terraform plan of examples/multi-cluster at 1/7/28/112 clusters,
#               ours vs the plain-HCL equivalent in bench/plain-hcl
#   3. go       Go benchmarks (-benchmem) of every renderer and model
#   4. calls    AWS API calls per apply/refresh/update/destroy of each AWS
#               resource, counted by the emulator; the waiter's poll schedule
#
#   BENCH_SECTIONS   which to run (default "startup plan go calls")
#   BENCH_RUNS       start-up runs per provider (default 10); plan runs per point (default 3)
#   BENCH_CLUSTERS   cluster counts for plan (default "1 7 28 112")
#   BENCH_UPDATE_DELAY  how long the emulator keeps an EKS update InProgress (default 30s)
#   BENCH_KEEP=1     keep .cache/bench (logs, work dirs) afterwards
#
# hashicorp/kubernetes is built once by scripts/tf-mirror.sh --kubernetes
# (~7 min cold) and reused from .cache/tf-providers.
set -euo pipefail
export GOTOOLCHAIN=local CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
export TF_CLI_CONFIG_FILE=${TF_CLI_CONFIG_FILE:-}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ -f "$TF_CLI_CONFIG_FILE" ] || export TF_CLI_CONFIG_FILE=$ROOT/.ci/terraformrc
WORK=${BENCH_WORK:-$ROOT/.cache/bench}
BIN=$WORK/bin
SECTIONS=${BENCH_SECTIONS:-startup plan go calls}
RUNS=${BENCH_RUNS:-10}
PLAN_RUNS=${BENCH_PLAN_RUNS:-3}
CLUSTERS=${BENCH_CLUSTERS:-1 7 28 112}
UPDATE_DELAY=${BENCH_UPDATE_DELAY:-30s}

say() { printf '\n## %s\n\n' "$*"; }
note() { printf '%s\n' "$*" >&2; }
want() { [[ " $SECTIONS " == *" $1 "* ]]; }

rm -rf "$WORK"
mkdir -p "$BIN"
EMU_PID=
cleanup() {
  status=$?
  [ -n "$EMU_PID" ] && kill "$EMU_PID" 2>/dev/null && wait "$EMU_PID" 2>/dev/null || true
  [ "${BENCH_KEEP:-}" = 1 ] || rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT INT TERM

note "building the provider and bench/benchtool..."
# As .goreleaser.yml builds the release, so start-up, the binary terraform
# hashes on every command, and memory are what users run.
RELEASE_FLAGS=(-trimpath -ldflags "-s -w")
(cd "$ROOT" && CGO_ENABLED=0 go build "${RELEASE_FLAGS[@]}" -o "$BIN/terraform-provider-scaling" .)
(cd "$ROOT/bench" && go build -o "$BIN/benchtool" ./benchtool)
PROVIDER=$BIN/terraform-provider-scaling

say "Machine"
echo "- CPU: $(nproc) x $(lscpu | sed -n 's/^Model name: *//p' | sed -n 1p), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- Memory: $(free -g | awk '/^Mem:/{print $2}') GiB"
echo "- $(go version | cut -d' ' -f3-4), $(terraform version | sed -n 1p), $(uname -sr)"
echo "- commit $(git -C "$ROOT" rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC')"

# ---------------------------------------------------------------- start-up
k8s_provider() {
  local bin
  bin=$(ls "$ROOT"/.cache/tf-providers/terraform-provider-kubernetes_* 2>/dev/null | grep -v '\.tmp$' | sed -n 1p || true)
  if [ -z "$bin" ]; then
    note "building hashicorp/kubernetes (scripts/tf-mirror.sh --kubernetes, several minutes when cold)..."
    bash "$ROOT/scripts/tf-mirror.sh" --kubernetes >/dev/null
    bin=$(ls "$ROOT"/.cache/tf-providers/terraform-provider-kubernetes_* | grep -v '\.tmp$' | sed -n 1p)
  fi
  echo "$bin"
}

if want startup; then
  say "1. Provider start-up"
  K8S=$(k8s_provider)
  echo "Measured by bench/benchtool: it starts each binary as Terraform does (TF_PLUGIN_MAGIC_COOKIE,"
  echo "PLUGIN_PROTOCOL_VERSIONS=5,6), reads the go-plugin handshake line, dials the announced unix"
  echo "socket and calls GetProviderSchema (tfplugin6; GetSchema on tfplugin5 for hashicorp/kubernetes)."
  echo "Peak RSS is the provider's VmHWM once the schema is served. hashicorp/kubernetes: $(basename "$K8S")."
  echo
  "$BIN/benchtool" startup -n "$RUNS" scaling="$PROVIDER" kubernetes="$K8S"
fi

# ---------------------------------------------------------------- plan
if want plan; then
  say "2. Plan time and memory: examples/multi-cluster vs plain HCL"
  source "$ROOT/bench/plan.sh"
  bench_plan
fi

# ---------------------------------------------------------------- go
if want go; then
  say "3. Go benchmarks (-benchmem)"
  echo "\`go test -run '^\$' -bench . -benchmem -benchtime 200ms ./internal/core/render/... ./internal/core/model/...\`"
  echo "Render = validation + rendering of one golden case; RenderYAML adds the multi-document YAML output."
  echo
  echo "| package | benchmark | time/op | B/op | allocs/op |"
  echo "|---|---|---:|---:|---:|"
  (cd "$ROOT" && go test -run '^$' -bench . -benchmem -benchtime 200ms ./internal/core/render/... ./internal/core/model/...) |
    awk '/^pkg:/ { pkg = $2; sub(".*/internal/", "", pkg) }
         /^Benchmark/ {
           name = $1; sub(/-[0-9]+$/, "", name); sub(/^Benchmark/, "", name)
           ns = $3; t = ns " ns"
           if (ns >= 1e6) t = sprintf("%.2f ms", ns / 1e6); else if (ns >= 1e3) t = sprintf("%.1f µs", ns / 1e3)
           printf "| %s | %s | %s | %s | %s |\n", pkg, name, t, $5, $7 }'
fi

# ---------------------------------------------------------------- calls
if want calls; then
  say "4. AWS API calls per operation, counted by the emulator"
  source "$ROOT/bench/calls.sh"
  bench_calls
fi
