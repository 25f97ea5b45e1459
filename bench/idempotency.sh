#!/usr/bin/env bash
# The HTTP benchmark of idempotency keys: bench-app.jar started three times on 127.0.0.1 —
# off (augno.errors.idempotency.enabled=false), memory (the in-memory store) and redis (the
# Redis store on the machine's Redis, 127.0.0.1:6379, under a key prefix of the run's own, keys
# kept 30 minutes, longer than a run, and deleted when it ends) — each driven by wrk with the valid POST /items of bench/run.sh (306-byte
# answer), carrying an Idempotency-Key:
#   new_key  a new key on every request: claim, execute, store (on Redis, one round trip
#            before the handler and one after it)
#   replay   one key, completed before the run, on every request: the stored answer again
#            (the handler does not run; on Redis, one round trip)
# The warm-up repeats until each app's JIT is quiet (warm_up in bench/lib.sh): the memory
# variant compiles for longer than `off`, and measured too early its ratio was the JIT's.
# Each store is measured against off in rounds of their own (below), in an order that
# alternates; many short rounds rather than a few long ones, as this machine's throughput
# wanders by 10-15 % from one run of a few seconds to the next. The table gives the medians,
# the median per round of each variant's ratio to `off` (the same POST, key ignored), and the
# same ratio by CPU time per request (all the app's threads, so the collector's work on the
# kept responses counts).
#
#   bench/idempotency.sh          5 s of warm-up per pass (until the JIT is quiet, at most 16),
#                                 then 10 rounds of 3 s per store (about 7 min with the build)
#   bench/idempotency.sh --smoke  1 s of warm-up and 1 round of 2 s: checks that it works
#
# Environment (all optional): BENCH_ROUNDS, BENCH_DURATION, BENCH_WARMUP (seconds),
# BENCH_WARMUP_PASSES and BENCH_JIT_QUIET (see warm_up in bench/lib.sh),
# BENCH_CONNECTIONS (wrk -c, 16), BENCH_SKIP_BUILD=1, BENCH_OUT, BENCH_PORT (18091: off, memory
# and redis listen on it and the next two), JAVA_OPTS, BENCH_PIN (1, the default: wrk on CPU 0,
# the apps on the others; see bench/lib.sh), BENCH_STEADY (1.2: the highest spread of off's
# new_key over the rounds for a steady host, see spread in bench/lib.sh). Only 127.0.0.1 is a
# target; every wait and every wrk run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

mode=full
[[ "${1:-}" == "--smoke" ]] && mode=smoke
[[ $# -gt 0 && $mode != smoke ]] && { echo "usage: bench/idempotency.sh [--smoke]" >&2; exit 2; }
if [[ $mode == smoke ]]; then
	rounds=${BENCH_ROUNDS:-1} duration=${BENCH_DURATION:-2} warmup=${BENCH_WARMUP:-1}
	warmup_passes=1
else
	rounds=${BENCH_ROUNDS:-10} duration=${BENCH_DURATION:-3} warmup=${BENCH_WARMUP:-5}
	# The store variants compile for longer than off: in two runs of three they still had their
	# JIT at 16-22 % of their CPU after four passes, and on a one-core pin (2026-11-27) the
	# memory app needed about 80 s of load (JIT at 21 % after six passes). A variant stops
	# warming as soon as its JIT is quiet, so the bound costs only a slow host.
	warmup_passes=16
fi
connections=${BENCH_CONNECTIONS:-16}
suffix=-idempotency
[[ $mode == smoke ]] && suffix=$suffix-smoke
out=${BENCH_OUT:-$(results_file "bench/results/$(date -u +%F)$suffix.md")}
host=127.0.0.1
first_port=${BENCH_PORT:-18091}
variants=(off memory redis)
declare -A port=([off]=$first_port [memory]=$((first_port + 1)) [redis]=$((first_port + 2)))
prefix="bench:$(date -u +%Y%m%dT%H%M%SZ):"
declare -A args=(
	[off]="--augno.errors.idempotency.enabled=false"
	[memory]="--augno.errors.idempotency.enabled=true"
	[redis]="--augno.errors.idempotency.enabled=true --augno.errors.idempotency.store=redis --augno.errors.idempotency.redis.key-prefix=$prefix --augno.errors.idempotency.retention=30m --spring.data.redis.host=127.0.0.1 --spring.data.redis.port=6379"
)
scenarios=(new_key replay)
define_scenarios
post_body=${body[valid_post]} # bench/run.sh's valid POST

ensure_wrk
if ! redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then
	echo "Redis does not answer on 127.0.0.1:6379 (see the field notes for its start command)" >&2
	exit 1
fi
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
	echo "Building bench/app ..." >&2
	./mvnw -B -q -ntp -Pbench -pl bench/app -am -DskipTests package
fi
work=bench/target/idempotency-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$work"

declare -A pid
stop_apps_and_keys() {
	stop_apps
	redis-cli -h 127.0.0.1 -p 6379 --scan --pattern "${prefix}*" 2>/dev/null | xargs -r -n 500 redis-cli -h 127.0.0.1 -p 6379 del >/dev/null 2>&1 || true
}
trap stop_apps_and_keys EXIT
require_free_ports
for v in "${variants[@]}"; do
	# shellcheck disable=SC2086
	"${app_pin[@]}" java ${JAVA_OPTS:--Xms512m -Xmx512m} "${app_pin_opts[@]}" -jar bench/app/target/bench-app.jar --server.address=$host \
		--server.port=${port[$v]} ${args[$v]} >"$work/$v.log" 2>&1 &
	pid[$v]=$!
done
replay_key="replay-$(date +%s%N)"
post() { # port key -> status, Idempotent-Replayed
	curl -s --max-time 10 -o /dev/null -D - -X POST -H "Content-Type: application/json" \
		-H "Idempotency-Key: $2" --data-binary "$post_body" "http://$host:$1/items" | tr -d '\r' |
		awk 'NR == 1 { s = $2 } tolower($1) == "idempotent-replayed:" { r = $2 } END { print s, (r == "" ? "-" : r) }'
}
for v in "${variants[@]}"; do
	for i in $(seq 1 180); do
		[[ $(post "${port[$v]}" "start-$i-$RANDOM" | cut -d' ' -f1) == 200 ]] && break
		kill -0 "${pid[$v]}" 2>/dev/null || { echo "the $v app died:" >&2; tail -20 "$work/$v.log" >&2; exit 1; }
		[[ $i == 180 ]] && { echo "the $v app did not start within 90 s" >&2; exit 1; }
		sleep 0.5
	done
	post "${port[$v]}" "$replay_key" >/dev/null
	expected=$([[ $v == off ]] && echo "200 -" || echo "200 true")
	got=$(post "${port[$v]}" "$replay_key")
	[[ $got == "$expected" ]] || { echo "$v: a retry answered '$got', expected '$expected'" >&2; exit 1; }
done

idempotency_lua >"$work/scenario.lua"
results=$work/results.tsv
: >"$results"
drive() { # variant scenario seconds round
	local line ticks
	# The replay key again before each replay run: new_key fills the bounded in-memory store,
	# which then evicts it, and a replay of an evicted key runs the handler once while the
	# concurrent requests get idempotency_in_progress (409).
	[[ $2 == replay ]] && post "${port[$1]}" "$replay_key" >/dev/null
	ticks=$(proc_ticks "${pid[$1]}")
	line=$(BENCH_MODE=$2 BENCH_REPLAY_KEY=$replay_key BENCH_BODY=$post_body \
		wrk_line "$3" "$work/scenario.lua" "http://$host:${port[$1]}/items")
	ticks=$(($(proc_ticks "${pid[$1]}") - ticks))
	# round variant scenario requests req/s p50 p99 socket-errors non-2xx cpu-us-per-request
	line="$line $(cpu_per_request "$ticks" "${line%% *}")"
	[[ $4 == warmup ]] || { echo "$4 $1 $2 $line" >>"$results"; echo "  round $4  $1  $2: $line" >&2; }
}
warm_up
# Each store is measured against off in rounds of its own, the two alternating which goes
# first: interleaved with the other store, a variant ran right after it and paid for what it
# left running (Redis expiring keys, its app's JIT still compiling), and a ratio depended on
# the order of the round.
for v in memory redis; do
	for round in $(seq 1 "$rounds"); do
		for s in "${scenarios[@]}"; do
			if ((round % 2)); then order=(off "$v"); else order=("$v" off); fi
			for o in "${order[@]}"; do drive "$o" "$s" "$duration" "$v-$round"; done
		done
	done
done
stop_apps_and_keys
trap - EXIT

mkdir -p "$(dirname "$out")"
{
	echo "# Idempotency keys: HTTP benchmark ($(date -u +%F), $mode)"
	echo
	echo "\`bench/idempotency.sh$([[ $mode == smoke ]] && echo ' --smoke' || true)\`: valid POST /items with an \`Idempotency-Key\`, wrk -t1 -c$connections,"
	echo "warm-up passes of ${warmup} s until the JIT was quiet ($(warm_up_summary)), then $rounds round(s) of ${duration} s of each store against off, which goes first alternating; $(nproc) cores$(p=$(pin_summary); echo "${p:+ ($p)}"), load before: $(cut -d' ' -f1-3 /proc/loadavg)."
	echo "Target: the in-memory store adds at most 10 % to the POST (new_key ratio ≥ 0.91)."
	echo "The host's $(steadiness off new_key)."
	echo "The ratios are medians over the rounds of each round's ratio; \"by CPU\" is off's CPU time per request over the variant's."
	echo
	echo "| scenario | variant | req/s (median) | ratio to off | CPU µs/request (median) | ratio by CPU | p99 ms | socket errors | non-2xx |"
	echo "|---|---|---|---|---|---|---|---|---|"
	for s in "${scenarios[@]}"; do
		for v in "${variants[@]}"; do
			r=$([[ $v == off ]] && echo "1.00" || ratio "$v" "$s" off "$s")
			c=$([[ $v == off ]] && echo "1.00" || ratio off "$s" "$v" "$s" 10)
			echo "| $s | $v | $(median "$v" "$s" 5) | $r | $(median "$v" "$s" 10) | $c | $(median "$v" "$s" 7) | $(sum "$v" "$s" 8) | $(sum "$v" "$s" 9) |"
		done
	done
} >"$out"
cat "$out"
echo "Written to $out" >&2
