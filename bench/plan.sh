# Sourced by scripts/bench.sh (uses ROOT, WORK, BIN, PROVIDER, PLAN_RUNS,
# CLUSTERS). Plans examples/multi-cluster ("ours"), bench/gitops-stack (the
# stack as a GitOps team uses it: one provider configuration, render-only),
# bench/ours-direct (the same objects from the data sources alone) and
# bench/plain-hcl (the same manifests from yamlencode, no provider) at each
# cluster count, interleaved so all see the same machine load. Each plan is a fresh
# `terraform plan -refresh=false` of an empty state (what CI does for a
# pull request), measured by benchtool run: wall time, CPU, and the peak RSS
# of terraform and of each provider process. Then the stack with and
# without hashicorp/kubernetes loaded (what GitOps users save), and the
# provider's logging default.
#
#   BENCH_EXAMPLE           config measured as ours (default examples/multi-cluster)
#   BENCH_CLUSTER_VAR       its cluster-count variable (default cluster_count)
#   BENCH_PLAN_CONFIGS      which of ours, gitops, direct, plain to plan (default all;
#                           plain is always planned, as the ratios' baseline)
#   BENCH_GITOPS_CLUSTERS   cluster counts of the with/without hashicorp/kubernetes
#                           comparison (default "1 28")
#   BENCH_BASELINE_REF      a git ref (e.g. the commit before a change): its modules/ and
#                           example are planned too, as "stack before", interleaved

PLAN_EXAMPLE=${BENCH_EXAMPLE:-$ROOT/examples/multi-cluster}
# The examples' provider blocks check AWS credentials before planning AWS
# resources; a plan calls no AWS API, so the test keys do (ignored by
# configurations without the variable).
export TF_VAR_use_test_credentials=true
CLUSTER_VAR=${BENCH_CLUSTER_VAR:-cluster_count}

# plan_mirror: a filesystem mirror holding this build of ours (and
# hashicorp/kubernetes, when built), so `terraform init` works offline.
plan_mirror() {
  local m=$WORK/mirror/registry.terraform.io plat k8s
  plat=$(go env GOOS)_$(go env GOARCH)
  mkdir -p "$m/scalingkit/scaling/0.1.0/$plat"
  cp "$PROVIDER" "$m/scalingkit/scaling/0.1.0/$plat/terraform-provider-scaling_v0.1.0"
  k8s=$(ls "$ROOT"/.cache/tf-providers/terraform-provider-kubernetes_* 2>/dev/null | grep -v '\.tmp$' | sed -n 1p || true)
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

# plan_prepare NAME SRC: a copy of SRC (a directory of this repository)
# with its providers installed, at the same path in a copy of the tree that
# holds modules/, so its ../../modules sources resolve.
plan_prepare() {
  local tree=$WORK/plan/tree rel=${2#"$ROOT"/} w=$WORK/plan/$1
  mkdir -p "$tree/$(dirname "$rel")"
  [ -d "$tree/modules" ] || cp -r "$ROOT/modules" "$tree/"
  rm -rf "${tree:?}/$rel"
  cp -r "$2" "$tree/$rel"
  ln -sfn "$tree/$rel" "$w"
  rm -rf "$w/.terraform" "$w"/*.tfstate* "$w/.terraform.lock.hcl" "$w/tests"
  TF_CLI_CONFIG_FILE=$WORK/plan.tfrc terraform -chdir="$w" init -input=false -no-color >"$w/init.log" 2>&1 ||
    { cat "$w/init.log" >&2; return 1; }
}

# LOGGING_TRACE: the SDK loggers at TRACE, the framework's default before
# main.go switched them off when no TF_LOG* variable is set (see bench_plan).
LOGGING_TRACE="TF_LOG_SDK=trace TF_LOG_SDK_PROTO=trace TF_LOG_SDK_FRAMEWORK=trace"

# plan_once NAME N [ENV...]: prints wall ms, then CPU seconds of terraform and of the
# providers (sampled), then peak MB of terraform, provider-scaling,
# provider-kubernetes and the whole tree, then the exact CPU seconds of the
# whole tree (wait4 rusage), tab-separated.
plan_once() {
  local w=$WORK/plan/$1 n=$2 out
  shift 2
  out=$(env "$@" TF_CLI_CONFIG_FILE=$WORK/plan.tfrc "$BIN/benchtool" run -log "$w/plan-$n.log" -- \
    terraform -chdir="$w" plan -refresh=false -lock=false -input=false -no-color -var "$CLUSTER_VAR=$n")
  if [ "$(jq -r .exit <<<"$out")" != 0 ]; then
    note "terraform plan of $w at $n clusters failed:"; tail -30 "$w/plan-$n.log" >&2; return 1
  fi
  jq -r '[.wall_ms, (.cpu_s.terraform // 0), ([.cpu_s | to_entries[] | select(.key | startswith("provider-")) | .value] | add // 0),
          (.peak_mb.terraform // 0), (.peak_mb["provider-scaling"] // 0), (.peak_mb["provider-kubernetes"] // 0), .tree_peak_mb, .cpu_total_s] | @tsv' <<<"$out"
}

# same_objects A B N: both configs planned to a file at N clusters; their
# gitops_manifests must hold the same objects per cluster.
same_objects() {
  local name
  for name in "$1" "$2"; do
    TF_CLI_CONFIG_FILE=$WORK/plan.tfrc terraform -chdir="$WORK/plan/$name" plan -refresh=false -lock=false -input=false -no-color \
      -var "$CLUSTER_VAR=$3" -out="$WORK/plan/$name.tfplan" >"$WORK/plan/$name-check.log" 2>&1
    TF_CLI_CONFIG_FILE=$WORK/plan.tfrc terraform -chdir="$WORK/plan/$name" show -json "$WORK/plan/$name.tfplan" >"$WORK/plan/$name.json"
  done
  python3 "$ROOT/bench/same_manifests.py" "$WORK/plan/$1.json" "$WORK/plan/$2.json"
}

# plan_prepare_ref NAME REF: the example and modules/ as they were at the git
# ref REF (git archive, no checkout), for a before/after table in one run.
plan_prepare_ref() {
  local tree=$WORK/plan/$1-tree rel=${PLAN_EXAMPLE#"$ROOT"/}
  rm -rf "$tree"
  mkdir -p "$tree"
  git -C "$ROOT" archive "$2" modules "$rel" | tar -x -C "$tree"
  rm -rf "$tree/$rel/tests"
  ln -sfn "$tree/$rel" "$WORK/plan/$1"
  TF_CLI_CONFIG_FILE=$WORK/plan.tfrc terraform -chdir="$tree/$rel" init -input=false -no-color >"$tree/init.log" 2>&1 ||
    { cat "$tree/init.log" >&2; return 1; }
}

# plan_prepare_with_kubernetes NAME: ours with hashicorp/kubernetes required
# but never configured or called, as every module required it before they
# only rendered (their kubernetes_manifest resources had count = 0):
# terraform starts it and loads its schema in every walk all the same.
plan_prepare_with_kubernetes() {
  local w=$WORK/plan/tree/examples/$1
  rm -rf "$w"
  cp -r "$(readlink -f "$WORK/plan/ours")" "$w"
  rm -rf "$w/.terraform" "$w/.terraform.lock.hcl"
  sed -i 's|^  required_providers {$|  required_providers {\n    kubernetes = { source = "hashicorp/kubernetes" }|' "$w/versions.tf"
  grep -q hashicorp/kubernetes "$w/versions.tf" || { note "could not add hashicorp/kubernetes to $w/versions.tf"; return 1; }
  ln -sfn "$w" "$WORK/plan/$1"
  TF_CLI_CONFIG_FILE=$WORK/plan.tfrc terraform -chdir="$w" init -input=false -no-color >"$w/init.log" 2>&1 ||
    { cat "$w/init.log" >&2; return 1; }
}

calc() { awk "BEGIN { print $1 }"; }

# median of numbers on stdin
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# quantile P (0..1) of numbers on stdin, the nearest rank
quantile() { sort -g | awk -v p="$1" '{ a[NR] = $1 } END { print a[int(p * (NR - 1) + 0.5) + 1] }'; }

label_of() { sed "s/^before$/stack before/; s/^ours$/stack/; s/^gitops$/GitOps stack/; s/^plain$/plain HCL/" <<<"$1"; }

# plan_row N NAME LABEL: the median row of NAME's runs at N clusters, with
# the wall time's and the exact CPU's interquartile range; sets ROW_WALL and
# ROW_CPU (the exact CPU of the whole process tree).
plan_row() {
  local m=() col f=$WORK/plan/$2.$1
  for col in 1 2 3 4 5 6 7 8; do m+=("$(cut -f$col "$f" | median)"); done
  ROW_WALL=${m[0]}
  ROW_CPU=${m[7]}
  printf '| %d | %s | %.2f s | %.2f-%.2f | %.3f s | %.3f-%.3f | %.2f s | %.2f s | %.0f | %.0f | %.0f | %.0f |' "$1" "$3" \
    "$(calc "${m[0]}/1000")" "$(calc "$(cut -f1 "$f" | quantile 0.25)/1000")" "$(calc "$(cut -f1 "$f" | quantile 0.75)/1000")" \
    "${m[7]}" "$(cut -f8 "$f" | quantile 0.25)" "$(cut -f8 "$f" | quantile 0.75)" \
    "${m[1]}" "${m[2]}" "${m[3]}" "${m[4]}" "${m[5]}" "${m[6]}"
}

bench_plan() {
  if [ ! -d "$PLAN_EXAMPLE" ]; then
    echo "Skipped: $PLAN_EXAMPLE does not exist yet."
    return 0
  fi
  plan_mirror
  local names="" name
  for name in ${BENCH_PLAN_CONFIGS:-ours gitops direct plain}; do
    case $name in
      ours) plan_prepare ours "$PLAN_EXAMPLE" ;;
      gitops) plan_prepare gitops "$ROOT/bench/gitops-stack" ;;
      direct) plan_prepare direct "$ROOT/bench/ours-direct" ;;
      plain) continue ;;
      *) note "BENCH_PLAN_CONFIGS: unknown config $name"; return 1 ;;
    esac
    names+="$name "
  done
  plan_prepare plain "$ROOT/bench/plain-hcl"
  names+=plain
  if [ -n "${BENCH_BASELINE_REF:-}" ]; then
    plan_prepare_ref before "$BENCH_BASELINE_REF"
    names="before $names"
  fi
  has() { [[ " $names " == *" $1 "* ]]; }
  echo "These configurations render the same Kubernetes objects per cluster (EC2NodeClass, spot and"
  echo "on-demand NodePools, warm-pool PriorityClass and Deployment, HPA):"
  echo
  ! has ours || {
    echo "- **stack**: $(basename "$PLAN_EXAMPLE") as shipped: one fast-scaling-stack call with an instance per cluster"
    echo "  (the objects, the cost and latency estimates), per region the clusters' control-plane tier resources and"
    echo "  the image-cache module;"
  }
  [ -z "${BENCH_BASELINE_REF:-}" ] || echo "- **stack before**: the same example and modules/ at $BENCH_BASELINE_REF ($(git -C "$ROOT" log -1 --format='%h %cs' "$BENCH_BASELINE_REF"));"
  ! has gitops || {
    echo "- **GitOps stack**: bench/gitops-stack, the like-for-like comparison with plain HCL: one fast-scaling-stack"
    echo "  call with an instance per cluster under one empty provider configuration, the objects and the PR summary"
    echo "  leaving through outputs (apply_kubernetes_objects = false), no AWS resource (control-plane tier and image"
    echo "  cache off). Per cluster terraform reads 7 data sources (EC2NodeClass, spot/on-demand NodePools, warm pool,"
    echo "  HPA, cold and warm latency, cost) and evaluates every part's variables and validations, the parts that are"
    echo "  off included;"
  }
  ! has direct || echo "- **direct**: bench/ours-direct, only the four data sources per cluster, no modules;"
  echo "- **plain HCL**: bench/plain-hcl, the same objects written as literal HCL and serialised with yamlencode,"
  echo "  no provider: no validation, the warm pool's size typed in, no tiers, caches or estimates."
  echo
  local checks="" name
  for name in $names; do
    [ "$name" != plain ] || continue
    checks+="${checks:+; }$(label_of "$name") vs plain: $(same_objects "$name" plain 7 || echo "DIFFERENT (see stderr)")"
  done
  echo "Objects compared (gitops_manifests parsed per cluster): $checks."
  echo
  echo "\`terraform plan -refresh=false -var $CLUSTER_VAR=N\` on an empty state, median of $PLAN_RUNS runs per point"
  echo "(interquartile range beside it), the configurations interleaved. CPU total is the exact user+system time of"
  echo "terraform and every plugin process (wait4 rusage); the terraform/providers split is sampled every 10 ms and"
  echo "misses short processes. Memory is each program's peak RSS (terraform, the largest scaling and kubernetes"
  echo "provider process) and the sampled peak of the whole process tree. On a shared machine wall time follows the"
  echo "load; CPU seconds much less, so both ratios are given, CPU / plain from the exact totals."
  echo
  echo "| clusters | config | wall | wall p25-p75 | CPU total | CPU p25-p75 | CPU terraform | CPU providers | MB terraform | MB scaling | MB kubernetes | MB tree | wall / plain | CPU / plain |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  local n i first_n="" last_n label
  declare -A first last first_cpu last_cpu
  for n in $CLUSTERS; do
    for name in $names; do : >"$WORK/plan/$name.$n"; done
    for i in $(seq 1 "$PLAN_RUNS"); do
      for name in $names; do plan_once "$name" "$n" >>"$WORK/plan/$name.$n"; done
    done
    local plain_wall plain_cpu
    plan_row "$n" plain "plain HCL" >/dev/null; plain_wall=$ROW_WALL; plain_cpu=$ROW_CPU
    for name in $names; do
      label=$(label_of "$name")
      plan_row "$n" "$name" "$label"
      if [ "$name" = plain ]; then echo ' 1x | 1x |'; else printf ' %.1fx | %.1fx |\n' "$(calc "$ROW_WALL/$plain_wall")" "$(calc "$ROW_CPU/$plain_cpu")"; fi
      [ -n "$first_n" ] || { first[$name]=$ROW_WALL; first_cpu[$name]=$ROW_CPU; }
      last[$name]=$ROW_WALL; last_cpu[$name]=$ROW_CPU
    done
    [ -n "$first_n" ] || first_n=$n
    last_n=$n
  done
  if [ "$last_n" != "$first_n" ]; then
    echo
    local growth="" cpu_growth=""
    for name in $names; do
      label=$(label_of "$name")
      growth+=$(printf '%s%s %.1f ms' "${growth:+, }" "$label" "$(calc "(${last[$name]}-${first[$name]})/($last_n-$first_n)")")
      cpu_growth+=$(printf '%s%s %.1f ms' "${cpu_growth:+, }" "$label" "$(calc "1000*(${last_cpu[$name]}-${first_cpu[$name]})/($last_n-$first_n)")")
    done
    printf 'Growth from %d to %d clusters, per added cluster: wall %s; CPU %s.\n' "$first_n" "$last_n" "$growth" "$cpu_growth"
  fi

  has ours || return 0
  bench_gitops

  # Why ours is slower (see the guide): terraform core evaluating the
  # module tree, and the framework formatting TRACE logs that terraform then
  # discards (terraform-plugin-framework#721). main.go fixes the second by
  # switching the SDK loggers off when no TF_LOG* variable is set; this
  # compares that default with the framework's own (TRACE).
  local k=${BENCH_LOGGING_CLUSTERS:-28} a=() b=()
  : >"$WORK/plan/on.$k"; : >"$WORK/plan/off.$k"
  for i in $(seq 1 "$PLAN_RUNS"); do
    # shellcheck disable=SC2086
    plan_once ours "$k" $LOGGING_TRACE >>"$WORK/plan/on.$k"
    plan_once ours "$k" >>"$WORK/plan/off.$k"
  done
  for col in 1 2 3; do
    a+=("$(cut -f$col "$WORK/plan/on.$k" | median)")
    b+=("$(cut -f$col "$WORK/plan/off.$k" | median)")
  done
  echo
  echo "The stack at $k clusters with the provider's default (SDK loggers off when no TF_LOG* is set) and with the framework's default ($LOGGING_TRACE), interleaved:"
  echo
  echo "| provider logging | wall | CPU terraform | CPU providers |"
  echo "|---|---:|---:|---:|"
  printf '| framework default: TRACE built, then discarded by terraform | %.2f s | %.2f s | %.2f s |\n' "$(calc "${a[0]}/1000")" "${a[1]}" "${a[2]}"
  printf '| ours: off unless TF_LOG* is set | %.2f s | %.2f s | %.2f s |\n' "$(calc "${b[0]}/1000")" "${b[1]}" "${b[2]}"
}

# bench_gitops: the stack as shipped (only scaling loaded: the objects leave
# through outputs) against the same configuration with hashicorp/kubernetes
# loaded, interleaved.
bench_gitops() {
  if [ ! -e "$WORK/mirror/registry.terraform.io/hashicorp/kubernetes" ]; then
    echo
    echo "(hashicorp/kubernetes is not built: skipped the GitOps comparison; scripts/tf-mirror.sh --kubernetes builds it.)"
    return 0
  fi
  plan_prepare_with_kubernetes ours_k8s || return 1
  local n i name
  local -a GITOPS_SAVED=()
  echo
  echo "GitOps: the stack as shipped (only scalingkit/scaling loaded; the objects leave through outputs) and the"
  echo "same configuration with hashicorp/kubernetes also required, as the modules required it before (never"
  echo "configured or called), median of $PLAN_RUNS interleaved runs:"
  echo
  echo "| clusters | config | wall | CPU terraform | CPU providers | MB terraform | MB scaling | MB kubernetes | MB tree |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
  for n in ${BENCH_GITOPS_CLUSTERS:-1 28}; do
    for name in ours ours_k8s; do : >"$WORK/plan/$name.gitops.$n"; done
    for i in $(seq 1 "$PLAN_RUNS"); do
      for name in ours_k8s ours; do plan_once "$name" "$n" >>"$WORK/plan/$name.gitops.$n"; done
    done
    local saved_wall saved_mb a=() b=() col
    for col in 1 2 3 4 5 6 7; do
      a+=("$(cut -f$col "$WORK/plan/ours.gitops.$n" | median)")
      b+=("$(cut -f$col "$WORK/plan/ours_k8s.gitops.$n" | median)")
    done
    printf '| %d | stack, scaling only | %.2f s | %.2f s | %.2f s | %.0f | %.0f | %.0f | %.0f |\n' "$n" "$(calc "${a[0]}/1000")" "${a[1]}" "${a[2]}" "${a[3]}" "${a[4]}" "${a[5]}" "${a[6]}"
    printf '| %d | stack + hashicorp/kubernetes loaded | %.2f s | %.2f s | %.2f s | %.0f | %.0f | %.0f | %.0f |\n' "$n" "$(calc "${b[0]}/1000")" "${b[1]}" "${b[2]}" "${b[3]}" "${b[4]}" "${b[5]}" "${b[6]}"
    GITOPS_SAVED+=("$(printf '%d clusters: %.2f s wall (%.0f%%), %.2f s CPU, %.0f MB of the process tree' "$n" \
      "$(calc "(${b[0]}-${a[0]})/1000")" "$(calc "100*(${b[0]}-${a[0]})/${b[0]}")" "$(calc "${b[1]}+${b[2]}-${a[1]}-${a[2]}")" "$(calc "${b[6]}-${a[6]}")")")
  done
  echo
  printf 'Saved by not loading hashicorp/kubernetes: %s.\n' "$(IFS=';'; echo "${GITOPS_SAVED[*]}" | sed 's/;/; /g')"
}
