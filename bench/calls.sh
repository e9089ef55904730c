# Sourced by scripts/bench.sh (uses ROOT, WORK, BIN, PROVIDER, UPDATE_DELAY,
# EMU_PID). For each bench/calls/<resource>/ (main.tf with variables
# endpoint_url and step, plus a seed file of emulator control calls), the
# real provider runs under terraform against a fresh emulator process and
# the emulator's call log (GET /_emulator/calls) is read before and after
# each terraform command.

calls_json() { curl -fsS "$EMU_URL/_emulator/calls"; }

# calls_diff BEFORE AFTER: "total (op n, op n)" of the calls in between.
calls_diff() {
  jq -rn --argjson a "$1" --argjson b "$2" '
    [$b | to_entries[] | {k: .key, n: (.value - ($a[.key] // 0))} | select(.n > 0)] as $d
    | "\([$d[].n] | add // 0) (\($d | map("\(.k) \(.n)") | join(", ")))"'
}

# timeline FILE: appends "ms<TAB>counts" every 0.1 s until killed, ms since
# it started; timeline_show prints what changed between snapshots.
timeline() {
  local start cur
  start=$(date +%s%N)
  while :; do
    cur=$(calls_json 2>/dev/null | jq -c .) && printf '%s\t%s\n' "$(( ($(date +%s%N) - start) / 1000000 ))" "$cur" >>"$1"
    sleep 0.1
  done
}

timeline_show() {
  python3 - "$1" <<'PY'
import json, sys
prev = None
for line in open(sys.argv[1]):
    ms, counts = line.rstrip("\n").split("\t", 1)
    counts = json.loads(counts)
    if prev is not None:
        for k in sorted(counts):
            n = counts[k] - prev.get(k, 0)
            if n > 0:
                print("%6.1f s  %s%s" % (int(ms) / 1000, k, " x%d" % n if n > 1 else ""))
    prev = counts
PY
}

start_emulator() {
  rm -f "$WORK/emulator.url"
  "$PROVIDER" emulator --url-file "$WORK/emulator.url" --update-delay "$UPDATE_DELAY" >"$WORK/emulator.log" 2>&1 &
  EMU_PID=$!
  for _ in $(seq 1 100); do
    [ -s "$WORK/emulator.url" ] && break
    sleep 0.1
  done
  EMU_URL=$(head -1 "$WORK/emulator.url")
}

stop_emulator() {
  kill "$EMU_PID" 2>/dev/null && wait "$EMU_PID" 2>/dev/null || true
  EMU_PID=
}

bench_calls() {
  cat >"$WORK/calls.tfrc" <<EOF
disable_checkpoint = true
provider_installation {
  dev_overrides {
    "registry.terraform.io/scalingkit/scaling" = "$BIN"
  }
  direct {}
}
EOF
  echo "Each resource runs under terraform $(terraform version | sed -n 1p | cut -d' ' -f2) (dev_overrides) against a fresh emulator"
  echo "process whose EKS updates stay InProgress for $UPDATE_DELAY. One resource instance per configuration;"
  echo "the provider block itself makes no calls. apply(update) and destroy include their own refresh."
  echo
  echo "| resource | create (apply) | refresh (plan) | update (apply) | destroy |"
  echo "|---|---|---|---|---|"
  local timelines=()
  for dir in "$ROOT"/bench/calls/*/; do
    local res w before after create refresh update destroy
    res=$(basename "$dir")
    w=$WORK/calls/$res
    mkdir -p "$w"
    cp "$dir"/*.tf "$w/"
    start_emulator
    while read -r method route body; do
      [ -n "$method" ] && curl -fsS -X "$method" -H 'Content-Type: application/json' --data "$body" "$EMU_URL/_emulator/$route" >/dev/null
    done <"$dir/seed"
    tf() { TF_CLI_CONFIG_FILE="$WORK/calls.tfrc" terraform -chdir="$w" "$@" -input=false -no-color -var "endpoint_url=$EMU_URL" >>"$w/log" 2>&1; }

    # step CMD...: runs terraform and prints the calls it made, or FAILED.
    step() {
      local b a
      b=$(calls_json)
      if tf "$@"; then a=$(calls_json); calls_diff "$b" "$a"; else echo "FAILED (see $w/log)"; fi
    }
    create=$(step apply -auto-approve -var step=1)
    refresh=$(step plan -var step=1)
    printf '0\t%s\n' "$(calls_json | jq -c .)" >"$w/timeline"
    timeline "$w/timeline" &
    local tl=$! t0
    t0=$(date +%s%N)
    update=$(step apply -auto-approve -var step=2)
    kill "$tl" 2>/dev/null; wait "$tl" 2>/dev/null || true
    # The last snapshot, when apply returned.
    printf '%s\t%s\n' "$(( ($(date +%s%N) - t0) / 1000000 ))" "$(calls_json | jq -c .)" >>"$w/timeline"
    destroy=$(step destroy -auto-approve -var step=2)
    stop_emulator
    [[ "$create$refresh$update$destroy" != *FAILED* ]] || { tail -20 "$w/log" >&2; CALLS_FAILED=1; }
    echo "| $res | $create | $refresh | $update | $destroy |"
    timelines+=("$res")
  done
  for res in "${timelines[@]}"; do
    echo
    echo "Call timeline of the $res update (seconds since terraform apply started, as sampled every 0.1 s; a call shows at the first sample after it):"
    echo
    echo '```'
    timeline_show "$WORK/calls/$res/timeline"
    echo '```'
  done
  echo
  local lo hi
  lo=$(sed -n 's/^\s*\(default\)\{0,1\}[pP]ollMinDelay *= *\([0-9]\)/\2/p' "$ROOT/internal/service/eks/wait.go")
  hi=$(sed -n 's/^\s*\(default\)\{0,1\}[pP]ollMaxDelay *= *\([0-9]\)/\2/p' "$ROOT/internal/service/eks/wait.go")
  echo "The EKS waiters (internal/service/eks/wait.go) poll with exponential backoff: pollMinDelay"
  echo "= $lo after the request, the gap doubling up to pollMaxDelay = $hi; no tight loops."
  [ -z "${CALLS_FAILED:-}" ] || { note "some terraform runs failed (logs above)"; return 1; }
}
