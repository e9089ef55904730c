# Sourced by scripts/bench.sh (uses ROOT, WORK, BIN, PROVIDER, PLAN_RUNS,
# CLUSTERS). Plans examples/multi-cluster ("ours") and bench/plain-hcl (the
# same manifests from yamlencode/templatefile, no provider) at each cluster
# count, interleaved so both see the same machine load. Each plan is a fresh
# `terraform plan -refresh=false` of an empty state (what CI does for a
# pull request), measured by benchtool run: wall time, and the peak RSS of
# terraform and of each provider process.
#
#   BENCH_EXAMPLE       config measured as ours (default examples/multi-cluster)
#   BENCH_CLUSTER_VAR   its cluster-count variable (default cluster_count)

PLAN_EXAMPLE=${BENCH_EXAMPLE:-$ROOT/examples/multi-cluster}
CLUSTER_VAR=${BENCH_CLUSTER_VAR:-cluster_count}

# plan_mirror: a filesystem mirror holding this build of ours (and
# hashicorp/kubernetes, when built), so `terraform init` works offline.
plan_mirror() {
  local m=$WORK/mirror/registry.terraform.io plat k8s
  plat=$(go env GOOS)_$(go env GOARCH)
  mkdir -p "$m/scalingkit/scaling/0.1.0/$plat"
  cp "$PROVIDER" "$m/scalingkit/scaling/0.1.0/$plat/terraform-provider-scaling_v0.1.0"
  k8s=$(ls "$ROOT"/.cache/tf-providers/terraform-provider-kubernetes_* 2>/dev/null | grep -v '\.tmp$' | head -1 || true)
  if [ -n "$k8s" ]; then
    mkdir -p "$m/hashicorp/kubernetes/3.2.1/$plat"
    cp "$k8s" "$m/hashicorp/kubernetes/3.2.1/$plat/terraform-provider-kubernetes_v3.2.1"
  fi
  cat >"$WORK/plan.tfrc" <<EOF
disable_checkpoint = true
provider_installation {
  filesystem_mirror {
    path    = "$WORK/mirror"
    include = ["registry.terraform.io/*/*"]
  }
  direct {
    exclude = ["registry.terraform.io/*/*"]
  }
}
EOF
}

# plan_prepare NAME SRC: a copy of SRC with its providers installed. A
# config under examples/ is copied with the repository's modules/ beside
# it, so its ../../modules sources resolve.
plan_prepare() {
  local w=$WORK/plan/$1
  if [[ "$2" == "$ROOT"/examples/* ]]; then
    mkdir -p "$WORK/plan/tree/examples"
    cp -r "$ROOT/modules" "$WORK/plan/tree/"
    cp -r "$2" "$WORK/plan/tree/examples/"
    ln -sfn "$WORK/plan/tree/examples/$(basename "$2")" "$w"
  else
    mkdir -p "$w"
    cp -r "$2"/. "$w/"
  fi
  rm -rf "$w/.terraform" "$w"/*.tfstate* "$w/.terraform.lock.hcl" "$w/tests"
  TF_CLI_CONFIG_FILE=$WORK/plan.tfrc terraform -chdir="$w" init -input=false -no-color >"$w/init.log" 2>&1 ||
    { cat "$w/init.log" >&2; return 1; }
}

# LOGGING_OFF: the provider's SDK log levels set to off (see bench_plan).
LOGGING_OFF="TF_LOG_SDK=off TF_LOG_SDK_PROTO=off TF_LOG_SDK_FRAMEWORK=off"

# plan_once NAME N [ENV...]: prints wall ms, then CPU seconds of terraform and of the
# providers, then peak MB of terraform, provider-scaling, provider-kubernetes
# and the whole tree, tab-separated.
plan_once() {
  local w=$WORK/plan/$1 n=$2 out
  shift 2
  out=$(env "$@" TF_CLI_CONFIG_FILE=$WORK/plan.tfrc "$BIN/benchtool" run -log "$w/plan-$n.log" -- \
    terraform -chdir="$w" plan -refresh=false -lock=false -input=false -no-color -var "$CLUSTER_VAR=$n")
  if [ "$(jq -r .exit <<<"$out")" != 0 ]; then
    note "terraform plan of $w at $n clusters failed:"; tail -30 "$w/plan-$n.log" >&2; return 1
  fi
  jq -r '[.wall_ms, (.cpu_s.terraform // 0), ([.cpu_s | to_entries[] | select(.key | startswith("provider-")) | .value] | add // 0),
          (.peak_mb.terraform // 0), (.peak_mb["provider-scaling"] // 0), (.peak_mb["provider-kubernetes"] // 0), .tree_peak_mb] | @tsv' <<<"$out"
}

# same_objects N: both configs planned to a file; their gitops_manifests
# must hold the same objects per cluster.
same_objects() {
  local name
  for name in ours plain; do
    TF_CLI_CONFIG_FILE=$WORK/plan.tfrc terraform -chdir="$WORK/plan/$name" plan -refresh=false -lock=false -input=false -no-color \
      -var "$CLUSTER_VAR=$1" -out="$WORK/plan/$name.tfplan" >"$WORK/plan/$name-check.log" 2>&1
    TF_CLI_CONFIG_FILE=$WORK/plan.tfrc terraform -chdir="$WORK/plan/$name" show -json "$WORK/plan/$name.tfplan" >"$WORK/plan/$name.json"
  done
  python3 "$ROOT/bench/same_manifests.py" "$WORK/plan/ours.json" "$WORK/plan/plain.json"
}

calc() { awk "BEGIN { print $1 }"; }

# median of numbers on stdin
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

bench_plan() {
  if [ ! -d "$PLAN_EXAMPLE" ]; then
    echo "Skipped: $PLAN_EXAMPLE does not exist yet."
    return 0
  fi
  plan_mirror
  plan_prepare ours "$PLAN_EXAMPLE"
  plan_prepare plain "$ROOT/bench/plain-hcl"
  echo "Ours: $(basename "$PLAN_EXAMPLE") (per cluster: fast-scaling-stack with the control-plane tier, Karpenter"
  echo "node class and spot/on-demand pools, warm pool, HPA, cost and latency estimates; per region: image"
  echo "cache rules). Plain HCL: bench/plain-hcl, the same Kubernetes objects as HCL objects through yamlencode,"
  echo "no provider, no tiers, caches or estimates. Objects compared at 7 clusters: $(same_objects 7 || echo "DIFFERENT (see stderr)")."
  echo
  echo "\`terraform plan -refresh=false -var $CLUSTER_VAR=N\` on an empty state, median of $PLAN_RUNS runs per point, ours and"
  echo "plain HCL interleaved. CPU is user+system seconds; memory is each program's peak RSS (terraform;"
  echo "the largest scaling and kubernetes provider process) and the sampled peak of the whole process tree."
  echo
  echo "| clusters | ours: wall | ours: CPU terraform + providers | ours: MB terraform / scaling / kubernetes / tree | plain: wall | plain: CPU | plain: MB | wall ours/plain |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  local n i col first_n="" first_o first_p last_n last_o last_p
  for n in $CLUSTERS; do
    : >"$WORK/plan/ours.$n"; : >"$WORK/plan/plain.$n"
    for i in $(seq 1 "$PLAN_RUNS"); do
      plan_once ours "$n" >>"$WORK/plan/ours.$n"
      plan_once plain "$n" >>"$WORK/plan/plain.$n"
    done
    local o=() p=()
    for col in 1 2 3 4 5 6 7; do
      o+=("$(cut -f$col "$WORK/plan/ours.$n" | median)")
      p+=("$(cut -f$col "$WORK/plan/plain.$n" | median)")
    done
    printf '| %d | %.2f s | %.2f + %.2f s | %.0f / %.0f / %.0f / %.0f | %.2f s | %.2f s | %.0f | %.1fx |\n' "$n" \
      "$(calc "${o[0]}/1000")" "${o[1]}" "${o[2]}" "${o[3]}" "${o[4]}" "${o[5]}" "${o[6]}" \
      "$(calc "${p[0]}/1000")" "${p[1]}" "${p[3]}" "$(calc "${o[0]}/${p[0]}")"
    [ -n "$first_n" ] || { first_n=$n; first_o=${o[0]}; first_p=${p[0]}; }
    last_n=$n; last_o=${o[0]}; last_p=${p[0]}
  done
  if [ "$last_n" != "$first_n" ]; then
    echo
    printf 'Growth from %d to %d clusters: ours +%.0f ms per cluster, plain HCL +%.1f ms per cluster.\n' \
      "$first_n" "$last_n" "$(calc "($last_o-$first_o)/($last_n-$first_n)")" "$(calc "($last_p-$first_p)/($last_n-$first_n)")"
  fi
  # Why ours is slower (see the guide): terraform core evaluating the
  # module tree, and the framework formatting TRACE logs that terraform then
  # discards (terraform-plugin-framework#721). The second is the provider's
  # to fix: with the SDK loggers off, as main.go could do when no TF_LOG*
  # variable is set, the same plan costs this much.
  local k=${BENCH_LOGGING_CLUSTERS:-28} a=() b=()
  : >"$WORK/plan/on.$k"; : >"$WORK/plan/off.$k"
  for i in $(seq 1 "$PLAN_RUNS"); do
    plan_once ours "$k" >>"$WORK/plan/on.$k"
    # shellcheck disable=SC2086
    plan_once ours "$k" $LOGGING_OFF >>"$WORK/plan/off.$k"
  done
  for col in 1 2 3; do
    a+=("$(cut -f$col "$WORK/plan/on.$k" | median)")
    b+=("$(cut -f$col "$WORK/plan/off.$k" | median)")
  done
  echo
  echo "Ours at $k clusters with the provider's SDK logging off ($LOGGING_OFF), interleaved with the default:"
  echo
  echo "| provider logging | wall | CPU terraform | CPU providers |"
  echo "|---|---:|---:|---:|"
  printf '| default (TRACE built, then discarded by terraform) | %.2f s | %.2f s | %.2f s |\n' "$(calc "${a[0]}/1000")" "${a[1]}" "${a[2]}"
  printf '| off | %.2f s | %.2f s | %.2f s |\n' "$(calc "${b[0]}/1000")" "${b[1]}" "${b[2]}"
}
