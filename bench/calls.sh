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

# timeline FILE CALLS: records "ms key n" whenever a call count goes up
# from CALLS (the counts when the command started), until killed.
timeline() {
  local start prev=$2 cur
  start=$(date +%s%N)
  while sleep 0.1; do
    cur=$(calls_json) || continue
    jq -rn --argjson a "$prev" --argjson b "$cur" --arg t "$(( ($(date +%s%N) - start) / 1000000 ))" '
      $b | to_entries[] | select(.value > ($a[.key] // 0)) | "\($t) \(.key) \(.value - ($a[.key] // 0))"' >>"$1"
    prev=$cur
  done
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
  echo "Each resource runs under terraform $(terraform version | head -1 | cut -d' ' -f2) (dev_overrides) against a fresh emulator"
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

    before=$(calls_json); tf apply -auto-approve -var step=1; after=$(calls_json)
    create=$(calls_diff "$before" "$after")
    before=$after; tf plan -var step=1; after=$(calls_json)
    refresh=$(calls_diff "$before" "$after")
    before=$after
    timeline "$w/timeline" "$before" &
    local tl=$!
    tf apply -auto-approve -var step=2; after=$(calls_json)
    kill "$tl" 2>/dev/null; wait "$tl" 2>/dev/null || true
    update=$(calls_diff "$before" "$after")
    before=$after; tf destroy -auto-approve -var step=2; after=$(calls_json)
    destroy=$(calls_diff "$before" "$after")
    stop_emulator
    echo "| $res | $create | $refresh | $update | $destroy |"
    timelines+=("$res")
  done
  for res in "${timelines[@]}"; do
    echo
    echo "Call timeline of the $res update (seconds since terraform apply started; sampled every 0.1 s):"
    echo
    echo '```'
    awk '{ printf "%6.1f s  %s%s\n", $1 / 1000, $2, ($3 > 1 ? " x" $3 : "") }' "$WORK/calls/$res/timeline"
    echo '```'
  done
  echo
  local lo hi
  lo=$(sed -n 's/^\s*\(default\)\{0,1\}[pP]ollMinDelay *= *\([0-9]\)/\2/p' "$ROOT/internal/service/eks/wait.go")
  hi=$(sed -n 's/^\s*\(default\)\{0,1\}[pP]ollMaxDelay *= *\([0-9]\)/\2/p' "$ROOT/internal/service/eks/wait.go")
  echo "The EKS waiters (internal/service/eks/wait.go) poll with exponential backoff: pollMinDelay"
  echo "= $lo after the request, the gap doubling up to pollMaxDelay = $hi; no tight loops."
}
