#!/usr/bin/env bash
# Starts or stops the local test control plane in the background.
#   scripts/k8s-cluster.sh up     # builds what is missing, starts, waits, prints the kubeconfig path
#   scripts/k8s-cluster.sh down   # stops every process and removes the directory
# The kubeconfig lands at $K8S_CLUSTER_DIR/kubeconfig (default .cache/k8s-cluster/kubeconfig).
# K8S_CLUSTER_CRDS=0 starts it without the Karpenter and KEDA CRDs.
set -euo pipefail
export GOTOOLCHAIN=local GOFLAGS=-buildvcs=false

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=${K8S_CLUSTER_DIR:-$ROOT/.cache/k8s-cluster}
PIDFILE="$DIR.pid"

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

case ${1:-} in
up)
	if running; then
		echo "already running (pid $(cat "$PIDFILE")): export KUBECONFIG=$DIR/kubeconfig"
		exit 0
	fi
	K8S_BIN_DIR=$(bash "$ROOT/scripts/k8s-tools.sh")
	export K8S_BIN_DIR
	mkdir -p "$(dirname "$DIR")"
	bin="$(dirname "$DIR")/k8s-cluster-cmd"
	(cd "$ROOT/test/k8s" && go build -o "$bin" ./cmd/k8s-cluster)
	rm -rf "$DIR"
	mkdir -p "$DIR"
	flags=()
	[ "${K8S_CLUSTER_CRDS:-1}" != 0 ] || flags+=(-skip-crds)
	env -u KUBECONFIG setsid "$bin" -dir "$DIR" "${flags[@]}" >"$DIR.log" 2>&1 </dev/null &
	echo $! >"$PIDFILE"
	for _ in $(seq 1 1800); do
		if [ -f "$DIR/ready" ]; then
			echo "cluster up: export KUBECONFIG=$DIR/kubeconfig"
			exit 0
		fi
		if ! running; then
			echo "cluster failed to start:" >&2
			tail -n 40 "$DIR.log" >&2
			rm -f "$PIDFILE"
			exit 1
		fi
		sleep 0.1
	done
	echo "cluster not ready after 180 s; see $DIR.log" >&2
	exit 1
	;;
down)
	if ! running; then
		echo "not running"
		rm -f "$PIDFILE"
		exit 0
	fi
	pid=$(cat "$PIDFILE")
	kill -TERM "$pid"
	for _ in $(seq 1 200); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null || true
	rm -f "$PIDFILE"
	rm -rf "$DIR"
	echo "cluster down"
	;;
*)
	echo "usage: $0 up|down" >&2
	exit 2
	;;
esac
