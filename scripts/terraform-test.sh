#!/usr/bin/env bash
# `make test-modules`: the Terraform modules and examples, offline.
# Builds our provider and hashicorp/kubernetes into the filesystem mirror
# (scripts/tf-mirror.sh), then in every modules/* runs `terraform init` and
# `terraform test`, and for examples/{complete,multi-cluster,plan-only,demo,mission-critical}
# runs fmt -check, init, validate and their tests/ (multi-cluster plans a
# fleet; examples/demo is what `make demo` applies);
# examples/plan-only, examples/demo and examples/mission-critical are also
# planned (no cloud, no cluster).
# examples/complete is validated as CI applies it: with
# existing-cluster/eks.tf in place of eks.tf, whose modules and providers
# (terraform-aws-modules/eks, hashicorp/aws, hashicorp/helm) cannot be
# downloaded here (test/modules checks its wiring by name).
#
#   scripts/terraform-test.sh            modules + examples
#   scripts/terraform-test.sh --bench    also time `terraform plan` of
#                                        examples/multi-cluster at 1, 7, 28, 112 clusters
# Environment: TF_TEST_ONLY=<module> runs one module's tests only.
set -euo pipefail
export GOTOOLCHAIN=local CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

BENCH=0
[[ "${1:-}" == "--bench" ]] && BENCH=1

say() { printf '\n=== %s\n' "$*"; }

say "building the provider mirror (our provider + hashicorp/kubernetes)"
TF_CLI_CONFIG_FILE=$(bash scripts/tf-mirror.sh --kubernetes)
export TF_CLI_CONFIG_FILE

# Working directories and lock files stay out of the tree: the mirror's
# binaries change with every build, so a kept lock file would mismatch. One
# directory per run (not under the shared .cache: worktrees share it).
DATA=$(mktemp -d "${TMPDIR:-/tmp}/terraform-test.XXXXXX")
# A file, not $DATA itself: a directory's mtime moves with every log written.
touch "$DATA/.started"
cleanup() {
  find "$ROOT/modules" "$ROOT/examples" -name .terraform.lock.hcl -newer "$DATA/.started" -delete 2>/dev/null || true
  [[ ${KEEP_LOGS:-} == 1 ]] && echo "logs kept in $DATA" || rm -rf "$DATA"
}
trap cleanup EXIT

tf_init() { # dir
  local dir=$1
  export TF_DATA_DIR=$DATA/$(echo "$dir" | tr / _)
  rm -f "$dir/.terraform.lock.hcl"
  terraform -chdir="$dir" init -backend=false -input=false -no-color >"$TF_DATA_DIR.init.log" 2>&1 ||
    { cat "$TF_DATA_DIR.init.log" >&2; return 1; }
}

failed=()
runs_passed=0
runs_failed=0

for dir in modules/*/; do
  dir=${dir%/}
  name=${dir#modules/}
  [[ -n "${TF_TEST_ONLY:-}" && "$TF_TEST_ONLY" != "$name" ]] && continue
  say "module $name: terraform test"
  if ! terraform fmt -check -recursive "$dir" >/dev/null; then
    echo "terraform fmt needed in $dir:" >&2
    terraform fmt -check -recursive "$dir" >&2 || true
    failed+=("$dir (fmt)")
  fi
  tf_init "$dir" || { failed+=("$dir (init)"); continue; }
  log=$DATA/$name.test.log
  if terraform -chdir="$dir" test -no-color >"$log" 2>&1; then
    status=ok
  else
    status=FAILED
    failed+=("$dir (test)")
  fi
  grep -E '^  run |^(Success|Failure)!' "$log" || true
  [[ $status == ok ]] || cat "$log" >&2
  p=$(grep -Eo '[0-9]+ passed' "$log" | tail -1 | cut -d' ' -f1)
  f=$(grep -Eo '[0-9]+ failed' "$log" | tail -1 | cut -d' ' -f1)
  runs_passed=$((runs_passed + ${p:-0}))
  runs_failed=$((runs_failed + ${f:-0}))
done

if [[ -z "${TF_TEST_ONLY:-}" ]]; then
  # examples/complete as CI applies it (see above), in a copy beside modules/.
  complete=$DATA/tree/examples/complete
  mkdir -p "$complete"
  cp -r modules "$DATA/tree/"
  cp examples/complete/*.tf "$complete/"
  cp examples/complete/existing-cluster/eks.tf "$complete/eks.tf"

  for dir in examples/complete examples/multi-cluster examples/plan-only examples/demo examples/mission-critical; do
    say "$dir: fmt, init, validate"
    terraform fmt -check -recursive "$dir" || { failed+=("$dir (fmt)"); }
    [[ $dir == examples/complete ]] && dir=$complete
    tf_init "$dir" || { failed+=("$dir (init)"); continue; }
    terraform -chdir="$dir" validate -no-color || failed+=("$dir (validate)")
    if [[ -d "$dir/tests" ]]; then
      say "$dir: terraform test"
      log=$DATA/$(basename "$dir").test.log
      if terraform -chdir="$dir" test -no-color >"$log" 2>&1; then :; else
        cat "$log" >&2
        failed+=("$dir (test)")
      fi
      grep -E '^  run |^(Success|Failure)!' "$log" || true
      p=$(grep -Eo '[0-9]+ passed' "$log" | tail -1 | cut -d' ' -f1)
      f=$(grep -Eo '[0-9]+ failed' "$log" | tail -1 | cut -d' ' -f1)
      runs_passed=$((runs_passed + ${p:-0}))
      runs_failed=$((runs_failed + ${f:-0}))
    fi
  done

  say "examples/plan-only: plan (no cloud, no cluster)"
  export TF_DATA_DIR=$DATA/examples_plan-only
  if terraform -chdir=examples/plan-only plan -input=false -no-color -lock=false >"$DATA/plan-only.plan.log" 2>&1; then
    grep -E '^Plan:|^Changes to Outputs|no changes' "$DATA/plan-only.plan.log" || true
  else
    cat "$DATA/plan-only.plan.log" >&2
    failed+=("examples/plan-only (plan)")
  fi

  # Every newer switch on (readiness, pre-pull, circuit breaker, alerts,
  # Kueue), objects only rendered; then the same with EKS Auto Mode.
  for mode in false true; do
    say "examples/mission-critical: plan, auto_mode=$mode (no cloud, no cluster)"
    export TF_DATA_DIR=$DATA/examples_mission-critical
    if terraform -chdir=examples/mission-critical plan -input=false -no-color -lock=false \
      -var auto_mode=$mode >"$DATA/mission-critical.$mode.plan.log" 2>&1; then
      grep -E '^Changes to Outputs|no changes' "$DATA/mission-critical.$mode.plan.log" || true
    else
      cat "$DATA/mission-critical.$mode.plan.log" >&2
      failed+=("examples/mission-critical (plan, auto_mode=$mode)")
    fi
  done

  # validate alone would pass a demo written for an older interface
  # (attributes a variable's object type lacks are dropped): plan it, with
  # no cluster (objects only rendered) and an endpoint nothing answers on.
  say "examples/demo: plan (no cluster, no AWS call)"
  export TF_DATA_DIR=$DATA/examples_demo
  if terraform -chdir=examples/demo plan -input=false -no-color -lock=false -refresh=false \
    -var use_test_credentials=true -var endpoint_url=http://127.0.0.1:9 >"$DATA/demo.plan.log" 2>&1; then
    grep -E '^Plan:' "$DATA/demo.plan.log" || true
  else
    cat "$DATA/demo.plan.log" >&2
    failed+=("examples/demo (plan)")
  fi

  if [[ $BENCH == 1 ]]; then
    say "examples/multi-cluster: plan time by cluster count"
    export TF_DATA_DIR=$DATA/examples_multi-cluster
    for n in 1 7 28 112; do
      start=$EPOCHREALTIME
      terraform -chdir=examples/multi-cluster plan -input=false -no-color -lock=false -refresh=false \
        -var cluster_count=$n -var use_test_credentials=true -var endpoint_url=http://127.0.0.1:9 \
        >"$DATA/multi-cluster.$n.log" 2>&1 || { cat "$DATA/multi-cluster.$n.log" >&2; failed+=("multi-cluster plan at $n"); continue; }
      end=$EPOCHREALTIME
      printf 'clusters=%-4d plan %6.1f s  %s\n' "$n" "$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')" "$(grep -E '^Plan:' "$DATA/multi-cluster.$n.log")"
    done
  fi
fi

say "terraform test: $runs_passed runs passed, $runs_failed failed"
if ((${#failed[@]})); then
  printf 'FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "modules and examples OK"
