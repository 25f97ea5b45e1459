#!/usr/bin/env bash
# A/B of the starter between two commits, to tell a change's cost from this machine's spread
# between runs: builds bench/app (the bench app with the starter) at OLD and at NEW, each in a
# git worktree of its own under bench/target, starts both jars side by side on 127.0.0.1, warms
# every scenario up on both, then measures rounds in which the two alternate going first, and
# writes each round's req/s and new ÷ old, with the median per scenario, to
# bench/results/<date>-ab-<old>-<new>.md.
#
#   bench/ab.sh OLD [NEW]   commits (any revision git knows); NEW defaults to HEAD
#
# Environment (all optional): BENCH_SCENARIOS (names from bench/run.sh; default success
# augno_404 method_405 valid_post validation_400), BENCH_ROUNDS (5), BENCH_DURATION (4 s),
# BENCH_WARMUP (6 s per scenario and pass; passes until the JIT is quiet, at most
# BENCH_WARMUP_PASSES, see warm_up in bench/lib.sh), BENCH_CONNECTIONS (wrk -c, 16), BENCH_PORT
# (18091: OLD on it, NEW on the next), BENCH_OUT, JAVA_OPTS (-Xms512m -Xmx512m), BENCH_STEADY
# (1.2: the highest spread of OLD's req/s in a scenario over the rounds for a steady host, see
# spread in bench/lib.sh). About 1 min of build per commit, and (warm-up passes + rounds x
# duration) x 2 per scenario: at least 2.7 min for the defaults' five scenarios.
# Only 127.0.0.1 is a target; every wait and every wrk run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

[[ $# -ge 1 && $# -le 2 ]] || { echo "usage: bench/ab.sh OLD [NEW]" >&2; exit 2; }
declare -A commit
commit[old]=$(git rev-parse --short "$1^{commit}")
commit[new]=$(git rev-parse --short "${2:-HEAD}^{commit}")
rounds=${BENCH_ROUNDS:-5} duration=${BENCH_DURATION:-4} warmup=${BENCH_WARMUP:-6}
connections=${BENCH_CONNECTIONS:-16}
java_opts=${JAVA_OPTS:--Xms512m -Xmx512m}
host=127.0.0.1
first_port=${BENCH_PORT:-18091}
variants=(old new)
declare -A port=([old]=$first_port [new]=$((first_port + 1)))
stack=servlet
define_scenarios
read -r -a scenarios <<<"${BENCH_SCENARIOS:-success augno_404 method_405 valid_post validation_400}"
for s in "${scenarios[@]}"; do
	[[ -n "${method[$s]:-}" ]] || { echo "unknown scenario: $s" >&2; exit 2; }
done
out=${BENCH_OUT:-$(results_file "bench/results/$(date -u +%F)-ab-${commit[old]}-${commit[new]}.md")}
work=bench/target/ab-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$work"

ensure_wrk
require_free_ports

# --- build each commit's bench app in a worktree of its own

declare -A jar
for v in "${variants[@]}"; do
	tree=$work/tree-$v
	git worktree add -q --detach "$tree" "${commit[$v]}"
	echo "Building bench/app at ${commit[$v]} ..." >&2
	(cd "$tree" && ./mvnw -B -q -ntp -Pbench -pl bench/app -am -DskipTests package)
	jar[$v]=$work/bench-app-$v.jar
	cp "$tree/bench/app/target/bench-app.jar" "${jar[$v]}"
	git worktree remove --force "$tree"
done

# --- start both, side by side

declare -A pid
trap stop_apps EXIT
for v in "${variants[@]}"; do
	"${app_pin[@]}" java $java_opts "${app_pin_opts[@]}" -jar "${jar[$v]}" --server.address=$host --server.port=${port[$v]} >"$work/$v.log" 2>&1 &
	pid[$v]=$!
done
wait_for_apps "/items/it_42"
for s in "${scenarios[@]}"; do
	for v in "${variants[@]}"; do
		opts=(-X "${method[$s]}")
		[[ -n "${body[$s]}" ]] && opts+=(-H "Content-Type: application/json" --data-binary "${body[$s]}")
		code=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' "${opts[@]}" "http://$host:${port[$v]}${path[$s]}")
		[[ $code == "${status[$s]}" ]] || { echo "$v $s: expected ${status[$s]}, got $code" >&2; exit 1; }
	done
done

# --- wrk: warm-up, then rounds alternating which of the two goes first

scenario_lua >"$work/scenario.lua"
results=$work/results.tsv
: >"$results"
drive() { # variant scenario seconds round
	local v=$1 s=$2 seconds=$3 round=$4 line
	line=$(scenario_wrk "$seconds" "$work/scenario.lua" "$s" "http://$host:${port[$v]}${path[$s]}")
	[[ $round == warmup ]] || echo "$round $v $s $line" >>"$results"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +%H:%M)
echo "Warm-up: ${warmup} s per scenario and commit, until each app's JIT is quiet" >&2
warm_up
for round in $(seq 1 "$rounds"); do
	echo "Round $round of $rounds" >&2
	for s in "${scenarios[@]}"; do
		if ((round % 2)); then order=(old new); else order=(new old); fi
		for v in "${order[@]}"; do
			drive "$v" "$s" "$duration" "$round"
		done
	done
done

# --- report

{
	echo "# A/B, $(date -u +%F) $started UTC: the bench app with the starter at ${commit[old]} (old) and ${commit[new]} (new), side by side"
	echo
	echo "Written by \`bench/ab.sh ${commit[old]} ${commit[new]}\`. Both jars ran together ($java_opts, ports ${port[old]}/${port[new]}),"
	echo "warm-up passes of ${warmup} s per scenario and commit until the JIT was quiet ($(warm_up_summary)),"
	echo "then $rounds rounds of ${duration} s alternating which goes first;"
	echo "wrk -t1 -c$connections$(p=$(pin_summary); echo "${p:+; $p}"). Load average when the warm-up began: $load_before."
	echo
	for s in "${scenarios[@]}"; do
		echo "- The host's $(steadiness old "$s")."
	done
	echo
	echo "| scenario | old req/s (median) | new req/s (median) | new ÷ old per round | median new ÷ old |"
	echo "|---|---:|---:|---|---:|"
	for s in "${scenarios[@]}"; do
		per_round=$(awk -v s="$s" '$3 == s { r[$1, $2] = $5; n[$1] = 1 }
			END { for (i = 1; (i in n); i++) printf "%s%.2f", (i > 1 ? ", " : ""), r[i, "new"] / r[i, "old"] }' "$results")
		echo "| \`$s\` | $(median old "$s" 5) | $(median new "$s" 5) | $per_round | $(ratio new "$s" old "$s") |"
	done
	echo
	echo "Raw wrk lines (round, commit, scenario, requests, req/s, p50 ms, p99 ms, socket errors, non-2xx):"
	echo
	echo '```'
	cat "$results"
	echo '```'
} >"$out"
cat "$out"
echo "Written to $out" >&2
