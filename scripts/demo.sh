#!/usr/bin/env bash
# `make demo`: the product end to end, offline. Builds the provider, starts
# the AWS emulator that ships in it (`terraform-provider-scaling emulator`),
# seeds an EKS cluster there, and applies examples/demo (the fast-scaling
# stack) through a CLI config with dev_overrides:
#   - plan: the PR comment (cost and latency, before anything runs) and the
#     rendered Kubernetes objects;
#   - apply: the control-plane tier, ECR pull-through cache rules, a metric
#     stream, and, when a local control plane runs (`make cluster-up`), the
#     rendered objects with scaling_kubernetes_objects (plus the Karpenter
#     and KEDA CRDs the cluster lacks), shown with kubectl;
#   - a plan with no changes, then destroy (the tier goes back to standard,
#     the objects and CRDs it applied are deleted) and checks that nothing
#     is left, in the emulator or on the cluster.
# Every step checks its result, so CI runs it as a test.
#
#   DEMO_TIER           control-plane tier (default: the stack's recommendation)
#   DEMO_UPDATE_DELAY   how long the emulator keeps a tier change InProgress (default 3s)
#   DEMO_KUBECONFIG     apply the objects to this cluster instead of the
#                       `make cluster-up` one (its namespace `shop` and the
#                       objects' names must be free: the demo deletes what it applied)
#   DEMO_CLUSTER=0      render only, even when a local control plane runs
#   DEMO_KEEP=1         keep .demo/ (state, logs, plan, PR comment, rendered YAML) afterwards;
#                       a failed run then also leaves what it applied on the cluster
set -euo pipefail
export GOTOOLCHAIN=local CHECKPOINT_DISABLE=1

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEMO="$ROOT/.demo"
BIN="$ROOT/bin"
DELAY=${DEMO_UPDATE_DELAY:-3s}
CLUSTER=demo
NAMESPACE=shop # examples/demo's workload namespace
# Where `make cluster-up` (scripts/k8s-cluster.sh) keeps its cluster.
K8S_DIR=${K8S_CLUSTER_DIR:-$ROOT/.cache/k8s-cluster}
# The CRDs the renderers target, pinned as in test/k8s/cluster/crds.go.
CRD_SOURCES=(
  "github.com/aws/karpenter-provider-aws@v1.14.1 pkg/apis/crds"
  "github.com/kedacore/keda/v2@v2.21.0 config/crd/bases"
)

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
fail() { echo "demo: $*" >&2; exit 1; }
began=$(date +%s)

command -v terraform >/dev/null || fail "terraform is not on PATH (>= 1.9 needed)"
command -v python3 >/dev/null || fail "python3 is not on PATH (reads terraform's JSON)"
command -v curl >/dev/null || fail "curl is not on PATH (seeds the emulator)"

# --- which cluster, if any ----------------------------------------------------
KCFG=""
if [ "${DEMO_CLUSTER:-}" = 0 ]; then
  :
elif [ -n "${DEMO_KUBECONFIG:-}" ]; then
  KCFG=$DEMO_KUBECONFIG
  [ -f "$KCFG" ] || fail "DEMO_KUBECONFIG=$KCFG: no such file"
elif [ -f "$K8S_DIR.pid" ] && kill -0 "$(cat "$K8S_DIR.pid")" 2>/dev/null && [ -f "$K8S_DIR/ready" ]; then
  KCFG=$K8S_DIR/kubeconfig
fi
if [ -n "$KCFG" ]; then
  command -v kubectl >/dev/null || fail "a cluster is running but kubectl is not on PATH (it shows the applied objects); DEMO_CLUSTER=0 renders only"
  kc() { kubectl --kubeconfig "$KCFG" --request-timeout=20s "$@"; }
  kc get --raw /readyz >/dev/null 2>&1 || fail "the cluster in $KCFG does not answer (make cluster-down && make cluster-up, or DEMO_CLUSTER=0)"
fi

rm -rf "$DEMO"
mkdir -p "$DEMO/work" "$BIN"

say "Building the provider"
(cd "$ROOT" && go build -o "$BIN/terraform-provider-scaling" .)

say "Starting the AWS emulator on 127.0.0.1 (tier changes take $DELAY)"
# In its own session, so a Ctrl-C reaches terraform but not the emulator,
# which the clean-up below still needs; the trap stops it.
setsid "$BIN/terraform-provider-scaling" emulator --url-file "$DEMO/emulator.url" --update-delay "$DELAY" \
  >"$DEMO/emulator.log" 2>&1 </dev/null &
EMU_PID=$!
APPLIED=0
tf() { terraform -chdir="$DEMO/work" "$@"; }
# The trap may run while a tf call's redirection is in force: it writes to
# the script's own stderr, kept here.
exec 3>&2
cleanup() {
  status=$?
  trap - EXIT INT TERM
  # A failure or Ctrl-C after the apply started: take back what is on the
  # cluster. Only the objects: the AWS side lives in the emulator and goes
  # with it, and their refresh would need it.
  if [ "$status" != 0 ] && [ "$APPLIED" = 1 ] && [ -n "$KCFG" ] && [ "${DEMO_KEEP:-}" != 1 ]; then
    echo "demo failed: deleting what it applied to the cluster (log: $DEMO/cleanup.log)" >&3
    mapfile -t targets < <(tf state list 2>/dev/null | grep -E '(^|\.)scaling_kubernetes_objects\.' | sed 's/^/-target=/')
    [ ${#targets[@]} = 0 ] ||
      tf destroy -auto-approve -input=false -no-color "${targets[@]}" >"$DEMO/cleanup.log" 2>&1 ||
      echo "that failed too: see $DEMO/cleanup.log; objects may be left in namespace $NAMESPACE and at cluster scope" >&3
  fi
  kill "$EMU_PID" 2>/dev/null && wait "$EMU_PID" 2>/dev/null || true
  if [ "${DEMO_KEEP:-}" != 1 ] && { [ "$status" = 0 ] || [ "$APPLIED" = 0 ] || [ -z "$KCFG" ]; }; then
    rm -rf "$DEMO"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for _ in $(seq 1 100); do
  [ -s "$DEMO/emulator.url" ] && break
  kill -0 "$EMU_PID" 2>/dev/null || { cat "$DEMO/emulator.log" >&2; exit 1; }
  sleep 0.1
done
URL=$(head -1 "$DEMO/emulator.url")
[ -n "$URL" ] || { cat "$DEMO/emulator.log" >&2; fail "the emulator did not start"; }
echo "emulator: $URL"

# The emulator's control surface (not an AWS API) seeds the cluster, as if
# aws_eks_cluster had created it, and shows its state.
control() { # method route [json]
  curl -fsS -X "$1" -H 'Content-Type: application/json' ${3:+--data "$3"} "$URL/_emulator/$2"
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); $1"; }

say "Seeding EKS cluster \"$CLUSTER\" (Kubernetes 1.33, tier standard)"
control POST eks/clusters "{\"name\":\"$CLUSTER\",\"version\":\"1.33\"}" >/dev/null
control GET eks/clusters | json 'print("\n".join("%s: tier %s, %s" % (c["name"], c["tier"], c["status"]) for c in d))'

# dev_overrides makes terraform use ./bin for our provider: no registry, no
# download (terraform warns that it does, which is expected).
cat >"$DEMO/terraformrc" <<EOF
disable_checkpoint = true
provider_installation {
  dev_overrides {
    "registry.terraform.io/scalingkit/scaling" = "$BIN"
  }
  direct {}
}
EOF
export TF_CLI_CONFIG_FILE="$DEMO/terraformrc" TF_IN_AUTOMATION=1
# .demo/work is as deep as examples/demo, so the example's module source
# (../../modules/fast-scaling-stack) is this checkout's module.
cp "$ROOT"/examples/demo/*.tf "$DEMO/work/"
[ -d "$DEMO/work/../../modules/fast-scaling-stack" ] || fail "modules/fast-scaling-stack not found from $DEMO/work"
export TF_VAR_endpoint_url="$URL" TF_VAR_use_test_credentials=true TF_VAR_cluster_name="$CLUSTER"
[ -z "${DEMO_TIER:-}" ] || export TF_VAR_tier="$DEMO_TIER"

# --- the cluster's side: kubeconfig, and the CRDs it lacks ------------------------
crd_name() { # the metadata.name of a CRD manifest
  awk '/^metadata:/ { m = 1; next } m && /^  name:/ { print $2; exit } /^[^ ]/ { m = 0 }' "$1"
}
if [ -n "$KCFG" ]; then
  say "Local control plane: $KCFG"
  kc version 2>/dev/null | grep -i server || true
  export TF_VAR_kubeconfig_path="$KCFG"
  crds=()
  for src in "${CRD_SOURCES[@]}"; do
    read -r mod dir <<<"$src"
    moddir=$(cd "$DEMO" && GOFLAGS= go mod download -json "$mod" | json 'print(d.get("Dir", ""))') ||
      fail "cannot fetch the CRDs of $mod (go mod download)"
    for f in "$moddir/$dir"/*.yaml; do
      name=$(crd_name "$f")
      [ -n "$name" ] || fail "$f: no metadata.name"
      # A CRD the cluster has must not go in: destroy would delete it, and every object of its kind.
      have=$(kc get crd "$name" -o name --ignore-not-found) || fail "cannot ask the cluster whether it has the CRD $name"
      [ -n "$have" ] || crds+=("$f")
    done
  done
  if [ ${#crds[@]} -gt 0 ]; then
    echo "the cluster lacks ${#crds[@]} Karpenter/KEDA CRDs: the same apply installs them first (and destroy removes them)"
    TF_VAR_crd_files=$(printf '%s\n' "${crds[@]}" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read().split()))')
    export TF_VAR_crd_files
  else
    echo "the cluster has the Karpenter and KEDA CRDs"
  fi
fi

say "terraform get: install the module (no init: dev_overrides serves our provider from ./bin)"
tf get -no-color >"$DEMO/get.log" 2>&1 || { cat "$DEMO/get.log"; exit 1; }
grep -E '^- ' "$DEMO/get.log" || true
tf providers schema -json >"$DEMO/schema.json" 2>"$DEMO/schema.err" || { cat "$DEMO/schema.err"; exit 1; }
echo "registry.terraform.io/scalingkit/scaling serves: $(grep -o '"scaling_[a-z0-9_]*"' "$DEMO/schema.json" | tr -d '"' | sort -u | tr '\n' ' ')"

say "terraform plan: what the stack will do, what it costs and how fast it scales (nothing applied yet)"
start=$(date +%s)
tf plan -input=false -no-color -out="$DEMO/tfplan" >"$DEMO/plan.log" 2>&1 || { cat "$DEMO/plan.log"; exit 1; }
grep -E '^  # .* will be created|^Plan:' "$DEMO/plan.log" | sed 's/^  # /  + /; s/ will be created$//'
echo "plan took $(($(date +%s) - start))s"
tf show -json "$DEMO/tfplan" >"$DEMO/plan.json"

# Both outputs are known at plan time: the data sources render and estimate offline.
planned() { # output name -> its planned value as JSON, or fail when unknown
  json "o=d['planned_values']['outputs'].get('$1'); print(json.dumps(o['value'])) if o and 'value' in o else sys.exit('output $1 is not known at plan time')" <"$DEMO/plan.json"
}
say "The pull-request comment (output pr_summary_markdown, known at plan time)"
planned pr_summary_markdown | json 'print(d)' >"$DEMO/pr_summary.md"
# As a reviewer sees it: the assumptions folded (they are in the comment).
python3 - "$DEMO/pr_summary.md" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
fold = lambda m: "%s ... %d lines, folded as on GitHub</details>" % (m.group(1), m.group(2).count("\n"))
print(re.sub(r"(<details><summary>[^<]*</summary>)(.*?)</details>", fold, text, flags=re.S).rstrip())
PY
for want in 'Fast scaling stack' 'month' 'p95' 'warm pool' 'new nodes'; do
  grep -qi "$want" "$DEMO/pr_summary.md" || fail "the PR comment does not mention '$want'"
done

say "The rendered Kubernetes objects (output rendered_objects: kind, namespace/name; apply order)"
planned rendered_objects | json 'print("\n".join("  " + o for o in d))' | tee "$DEMO/objects.txt"
planned yaml | json 'print(d)' >"$DEMO/stack.yaml" # what GitOps would commit
for kind in Namespace EC2NodeClass NodePool Deployment ScaledObject; do
  grep -q "^  $kind " "$DEMO/objects.txt" || fail "no $kind among the rendered objects"
done
[ "$(grep -c '^  NodePool ' "$DEMO/objects.txt")" = 2 ] || fail "expected a spot and an on-demand NodePool"

if [ -n "$KCFG" ]; then
  # Destroy deletes what the apply took over: refuse objects that are
  # already there (a namespace would go with everything in it).
  taken=()
  while read -r kind ref; do
    ns=""
    name=$ref
    if [[ $ref == */* ]]; then ns=${ref%%/*} name=${ref#*/}; fi
    if [ -n "$(kc get "$kind" "$name" ${ns:+-n "$ns"} -o name --ignore-not-found 2>/dev/null)" ]; then
      taken+=("$kind $ref")
    fi
  done <"$DEMO/objects.txt"
  [ ${#taken[@]} = 0 ] || fail "the cluster already has $(printf '%s, ' "${taken[@]}")which the demo would take over and delete at the end: delete them first, or DEMO_CLUSTER=0"
fi

say "terraform apply"
start=$(date +%s)
APPLIED=1
tf apply -auto-approve -input=false -no-color "$DEMO/tfplan" >"$DEMO/apply.log" 2>&1 || { cat "$DEMO/apply.log"; exit 1; }
grep -E '^(module\.stack\.scaling_|scaling_).*(Creation complete|Modifications complete)|^Apply complete' "$DEMO/apply.log" |
  sed -E 's/: (Creation|Modifications) complete after ([0-9a-z]+).*/  (\2)/'
echo "apply took $(($(date +%s) - start))s"
tf output -json >"$DEMO/outputs.json"

say "What the AWS side looks like now (the emulator's state)"
control GET eks/clusters | json 'print("\n".join("EKS cluster %s: tier %s, %s" % (c["name"], c["tier"], c["status"]) for c in d))'
json 'c=d["control_plane"]["value"]; print("  %s (the stack recommends %s for the burst) gives: %s" % (c["tier"], c["recommended_tier"], ", ".join("%s %s" % (k, v) for k, v in sorted(c["capabilities"].items()))))' <"$DEMO/outputs.json"
control GET ecr/rules | json 'print("ECR pull-through cache rules: " + ", ".join(d))'
control GET ecr/templates | json 'd and print("ECR repository creation templates (lifecycle policy for the cached images): " + ", ".join(d))'
control GET cloudwatch/streams | json 'print("\n".join("CloudWatch metric stream %s: %s" % kv for kv in sorted(d.items())))'
tier=$(control GET eks/clusters | json "print(next(c['tier'] for c in d if c['name'] == '$CLUSTER'))")
[ "$tier" != standard ] || fail "the cluster is still on tier standard after apply"
rules=$(control GET ecr/rules | json 'print(len(d))')
[ "$rules" -ge 1 ] || fail "no pull-through cache rule in the emulator"
streams=$(control GET cloudwatch/streams | json 'print(len(d))')
[ "$streams" = 1 ] || fail "expected one metric stream in the emulator, found $streams"

if [ -n "$KCFG" ]; then
  say "What the cluster holds now (applied by scaling_kubernetes_objects)"
  # Every object a scaling_kubernetes_objects resource holds (the CRDs', the stack's).
  tf show -json >"$DEMO/state.json"
  json '
def walk(m):
    for r in m.get("resources", []):
        if r["type"] == "scaling_kubernetes_objects":
            print("\n".join(r["values"]["objects"]))
    for c in m.get("child_modules", []):
        walk(c)
walk(d["values"]["root_module"])' <"$DEMO/state.json" >"$DEMO/applied.txt"
  echo "$(wc -l <"$DEMO/applied.txt") objects applied, $(grep -c '^CustomResourceDefinition' "$DEMO/applied.txt" || true) of them CRDs"
  # kubectl get <kind>.<group>/<name>, one table per kind; CRDs are counted above.
  refs() { # namespace ('' for cluster-scoped) -> kind.group/name of the applied objects there
    awk -F/ -v ns="$1" '$1 !~ /^CustomResourceDefinition/ && ((ns == "" && NF == 2) || (NF == 3 && $2 == ns)) { print tolower($1) "/" $NF }' "$DEMO/applied.txt"
  }
  mapfile -t cluster_refs < <(refs "")
  mapfile -t ns_refs < <(refs "$NAMESPACE")
  [ ${#cluster_refs[@]} -gt 0 ] && [ ${#ns_refs[@]} -gt 0 ] || fail "scaling_kubernetes_objects applied nothing in $NAMESPACE or at cluster scope"
  echo "\$ kubectl get ${cluster_refs[*]}"
  kc get "${cluster_refs[@]}"
  echo
  echo "\$ kubectl -n $NAMESPACE get ${ns_refs[*]}"
  kc -n "$NAMESPACE" get "${ns_refs[@]}"
  # The objects as the API server stores them, not as terraform remembers them.
  [ "$(kc get nodepools.karpenter.sh -o name | wc -l)" -ge 2 ] || fail "the NodePools are not on the cluster"
  [ -n "$(kc -n "$NAMESPACE" get scaledobjects.keda.sh -o name)" ] || fail "no ScaledObject in $NAMESPACE on the cluster"
else
  say "No local Kubernetes control plane: the objects were rendered, not applied"
  echo "To see them applied (NodePools, EC2NodeClass, warm pool, ScaledObject, with kubectl get):"
  echo "  make cluster-up && make demo      # make cluster-down afterwards"
fi

say "Plan after apply (expect no changes)"
tf plan -detailed-exitcode -input=false -no-color >"$DEMO/replan.log" 2>&1 && echo "No changes." || {
  code=$?
  cat "$DEMO/replan.log"
  [ "$code" = 2 ] && echo "unexpected diff after apply" >&2
  exit 1
}

say "terraform destroy (the tier goes back to standard; the objects are deleted)"
start=$(date +%s)
tf destroy -auto-approve -input=false -no-color >"$DEMO/destroy.log" 2>&1 || { cat "$DEMO/destroy.log"; exit 1; }
APPLIED=0
grep -E '^(module\.stack\.scaling_|scaling_).*Destruction complete|^Destroy complete' "$DEMO/destroy.log" |
  sed -E 's/: Destruction complete after ([0-9a-z]+).*/  (\1)/'
echo "destroy took $(($(date +%s) - start))s"
tier=$(control GET eks/clusters | json "print(next(c['tier'] for c in d if c['name'] == '$CLUSTER'))")
rules=$(control GET ecr/rules | json 'print(len(d))')
templates=$(control GET ecr/templates | json 'print(len(d))')
streams=$(control GET cloudwatch/streams | json 'print(len(d))')
echo "emulator: cluster $CLUSTER on tier $tier, $rules pull-through cache rules, $templates repository creation templates, $streams metric streams"
[ "$tier" = standard ] || fail "expected tier standard after destroy, got $tier"
[ "$rules" = 0 ] && [ "$templates" = 0 ] && [ "$streams" = 0 ] || fail "destroy left rules, templates or streams behind"
if [ -n "$KCFG" ]; then
  left=$(kc get namespace "$NAMESPACE" -o name --ignore-not-found)
  left+=$(kc get nodepools.karpenter.sh,ec2nodeclasses.karpenter.k8s.aws -o name --ignore-not-found 2>/dev/null | grep -E '/general(-spot|-on-demand)?$' || true)
  [ -z "$left" ] || fail "destroy left objects on the cluster: $left"
  for f in $(python3 -c 'import json,os; print(" ".join(json.loads(os.environ.get("TF_VAR_crd_files","[]"))))'); do
    name=$(crd_name "$f")
    [ -z "$(kc get crd "$name" -o name --ignore-not-found)" ] || fail "destroy left the CRD $name it installed"
  done
  echo "cluster: namespace $NAMESPACE, the node class and pools$([ -n "${TF_VAR_crd_files:-}" ] && echo ' and the CRDs the demo installed') are gone"
fi

say "Demo finished in $(($(date +%s) - began))s; emulator stopped$([ "${DEMO_KEEP:-}" = 1 ] && echo "; kept $DEMO")"
