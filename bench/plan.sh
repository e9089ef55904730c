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

# plan_prepare NAME SRC: a copy of SRC with its providers installed.
plan_prepare() {
  local w=$WORK/plan/$1
  mkdir -p "$w"
  cp -r "$2"/. "$w/"
  rm -rf "$w/.terraform" "$w"/*.tfstate* "$w/.terraform.lock.hcl"
  TF_CLI_CONFIG_FILE=$WORK/plan.tfrc terraform -chdir="$w" init -input=false -no-color >"$w/init.log" 2>&1 ||
    { cat "$w/init.log" >&2; return 1; }
}

# plan_once NAME N: prints "wall_ms terraform_mb provider_mb tree_mb".
plan_once() {
  local w=$WORK/plan/$1 out
  out=$(TF_CLI_CONFIG_FILE=$WORK/plan.tfrc "$BIN/benchtool" run -log "$w/plan-$2.log" -- \
    terraform -chdir="$w" plan -refresh=false -lock=false -input=false -no-color -var "$CLUSTER_VAR=$2")
  if [ "$(jq -r .exit <<<"$out")" != 0 ]; then
    note "terraform plan of $1 at $2 clusters failed:"; tail -30 "$w/plan-$2.log" >&2; return 1
  fi
  jq -r '[.wall_ms, (.peak_mb.terraform // 0), ([.peak_mb | to_entries[] | select(.key | startswith("provider-")) | .value] | add // 0), .tree_peak_mb] | @tsv' <<<"$out"
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
  echo "\`terraform plan -refresh=false -var $CLUSTER_VAR=N\` on an empty state, median of $PLAN_RUNS runs per point,"
  echo "ours and plain HCL interleaved. Memory: peak RSS of the terraform process and the sum of the"
  echo "provider processes' peaks (plain HCL starts no provider); \"tree\" is the sampled peak of all"
  echo "processes together."
  echo
  echo "| clusters | ours: plan | ours: terraform MB | ours: providers MB | ours: tree MB | plain HCL: plan | plain: terraform MB | time ours/plain |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  local n i first_ours="" first_plain="" last_ours last_plain last_n
  for n in $CLUSTERS; do
    : >"$WORK/plan/ours.$n"; : >"$WORK/plan/plain.$n"
    for i in $(seq 1 "$PLAN_RUNS"); do
      plan_once ours "$n" >>"$WORK/plan/ours.$n"
      plan_once plain "$n" >>"$WORK/plan/plain.$n"
    done
    local ot om op otr pt pm
    ot=$(cut -f1 "$WORK/plan/ours.$n" | median); om=$(cut -f2 "$WORK/plan/ours.$n" | median)
    op=$(cut -f3 "$WORK/plan/ours.$n" | median); otr=$(cut -f4 "$WORK/plan/ours.$n" | median)
    pt=$(cut -f1 "$WORK/plan/plain.$n" | median); pm=$(cut -f2 "$WORK/plan/plain.$n" | median)
    printf '| %d | %.2f s | %.0f | %.0f | %.0f | %.2f s | %.0f | %.2fx |\n' "$n" \
      "$(calc "$ot/1000")" "$om" "$op" "$otr" "$(calc "$pt/1000")" "$pm" "$(calc "$ot/$pt")"
    [ -n "$first_ours" ] || { first_ours=$ot; first_plain=$pt; first_n=$n; }
    last_ours=$ot; last_plain=$pt; last_n=$n
  done
  if [ "$last_n" != "$first_n" ]; then
    echo
    printf 'Growth from %d to %d clusters: ours +%.1f ms per cluster, plain HCL +%.1f ms per cluster.\n' \
      "$first_n" "$last_n" "$(calc "($last_ours-$first_ours)/($last_n-$first_n)")" \
      "$(calc "($last_plain-$first_plain)/($last_n-$first_n)")"
  fi
}
