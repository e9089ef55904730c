#!/usr/bin/env bash
# `make demo`: the provider end to end against the local AWS emulator,
# offline. Builds the provider, starts `terraform-provider-scaling emulator`,
# seeds an EKS cluster in it, applies examples/quickstart through a CLI
# config with dev_overrides, prints the outputs, destroys (the cluster goes
# back to standard), and stops the emulator. Nothing is left behind but .demo/.
#
#   DEMO_TIER           tier to apply (default tier-xl)
#   DEMO_UPDATE_DELAY   how long the emulator keeps a tier change InProgress (default 3s)
#   DEMO_KEEP=1         keep .demo/ (state, logs) afterwards
set -euo pipefail
export GOTOOLCHAIN=local CHECKPOINT_DISABLE=1

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEMO="$ROOT/.demo"
BIN="$ROOT/bin"
TIER=${DEMO_TIER:-tier-xl}
DELAY=${DEMO_UPDATE_DELAY:-3s}
CLUSTER=demo

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

command -v terraform >/dev/null || { echo "terraform is not on PATH (>= 1.8 needed)" >&2; exit 1; }

rm -rf "$DEMO"
mkdir -p "$DEMO/work" "$BIN"

say "Building the provider"
(cd "$ROOT" && go build -o "$BIN/terraform-provider-scaling" .)

say "Starting the AWS emulator on 127.0.0.1 (tier changes take $DELAY)"
"$BIN/terraform-provider-scaling" emulator --url-file "$DEMO/emulator.url" --update-delay "$DELAY" \
  >"$DEMO/emulator.log" 2>&1 &
EMU_PID=$!
cleanup() {
  status=$?
  kill "$EMU_PID" 2>/dev/null && wait "$EMU_PID" 2>/dev/null || true
  if [ "${DEMO_KEEP:-}" != 1 ]; then rm -rf "$DEMO"; fi
  exit $status
}
trap cleanup EXIT INT TERM

for _ in $(seq 1 100); do
  [ -s "$DEMO/emulator.url" ] && break
  kill -0 "$EMU_PID" 2>/dev/null || { cat "$DEMO/emulator.log" >&2; exit 1; }
  sleep 0.1
done
URL=$(head -1 "$DEMO/emulator.url")
[ -n "$URL" ] || { echo "emulator did not start" >&2; cat "$DEMO/emulator.log" >&2; exit 1; }
echo "emulator: $URL"

# The emulator's control surface (not an AWS API) seeds the cluster, as if
# aws_eks_cluster had created it.
control() { # method route [json]
  curl -fsS -X "$1" -H 'Content-Type: application/json' ${3:+--data "$3"} "$URL/_emulator/$2"
}

say "Seeding EKS cluster \"$CLUSTER\" (Kubernetes 1.33, tier standard)"
control POST eks/clusters "{\"name\":\"$CLUSTER\",\"version\":\"1.33\"}"

# dev_overrides makes terraform use ./bin for our provider: no registry, no
# `terraform init` (terraform says so in a warning, which is expected).
cat >"$DEMO/terraformrc" <<EOF
disable_checkpoint = true
provider_installation {
  dev_overrides {
    "registry.terraform.io/scalingkit/scaling" = "$BIN"
  }
  direct {}
}
EOF
export TF_CLI_CONFIG_FILE="$DEMO/terraformrc"
export TF_IN_AUTOMATION=1
cp "$ROOT"/examples/quickstart/*.tf "$DEMO/work/"
export TF_VAR_endpoint_url="$URL" TF_VAR_use_test_credentials=true TF_VAR_cluster_name="$CLUSTER" TF_VAR_tier="$TIER"

say "Provider schema through dev_overrides (terraform providers schema -json)"
terraform -chdir="$DEMO/work" providers schema -json >"$DEMO/schema.json" 2>"$DEMO/schema.err" || { cat "$DEMO/schema.err"; exit 1; }
for want in '"scaling_control_plane_tier"' '"scaling_control_plane_tiers"'; do
  grep -q "$want" "$DEMO/schema.json" || { echo "schema lacks $want" >&2; exit 1; }
done
echo "registry.terraform.io/scalingkit/scaling serves: $(grep -o '"scaling_[a-z0-9_]*"' "$DEMO/schema.json" | tr -d '"' | sort -u | tr '\n' ' ')"

say "terraform apply examples/quickstart (tier $TIER)"
start=$(date +%s)
echo "(no terraform init: with dev_overrides terraform uses ./bin directly and warns that it does)"
terraform -chdir="$DEMO/work" apply -auto-approve -input=false -no-color >"$DEMO/apply.log" 2>&1 || { cat "$DEMO/apply.log"; exit 1; }
grep -E '^(Warning: Provider development overrides|scaling_|data\.scaling_|Plan:|Apply complete)' "$DEMO/apply.log"
echo "apply took $(( $(date +%s) - start ))s"

say "Outputs"
terraform -chdir="$DEMO/work" output -no-color

say "Emulator's view of the cluster"
control GET eks/clusters

say "Plan after apply (expect no changes)"
terraform -chdir="$DEMO/work" plan -detailed-exitcode -input=false -no-color >"$DEMO/plan.log" 2>&1 && echo "No changes." || {
  code=$?
  cat "$DEMO/plan.log"
  [ "$code" = 2 ] && echo "unexpected diff after apply" >&2
  exit 1
}

say "terraform destroy (revert_on_destroy: back to standard)"
terraform -chdir="$DEMO/work" destroy -auto-approve -input=false -no-color >"$DEMO/destroy.log" 2>&1 || { cat "$DEMO/destroy.log"; exit 1; }
grep -E '^(scaling_|Destroy complete)' "$DEMO/destroy.log"
tier=$(control GET eks/clusters | grep -o "{[^}]*\"name\":\"$CLUSTER\"[^}]*}" | grep -o '"tier":"[^"]*"' | cut -d'"' -f4 || true)
echo "cluster $CLUSTER is on tier: ${tier:-?}"
[ -z "$tier" ] || [ "$tier" = standard ] || { echo "expected standard after destroy" >&2; exit 1; }

say "Demo finished; emulator stopped"
