#!/usr/bin/env bash
# Where the starter's time goes on one scenario, with async-profiler rather than JFR: JFR's
# profile settings slowed the apps on the small VMs of these runs, where async-profiler's
# interval timer does not. Starts bench/app twice side by side on 127.0.0.1 (augno: with the
# starter; boot: augno.errors.enabled=false; for new_key, memory: idempotency keys on the
# in-memory store; off: augno.errors.idempotency.enabled=false), warms both up until their JIT is quiet, then
# profiles each in turn under wrk for BENCH_DURATION seconds, BENCH_ROUNDS times, and writes
# per round: requests, CPU per request and the samples of the starter's own frames
# (bench/starter-frames.py), to bench/results/<date>-profile-<scenario>.md. The collapsed
# stacks stay in the work directory for flame graphs or other questions.
#
#   bench/profile.sh [SCENARIO]   a scenario of bench/run.sh, success unless named, or new_key:
#                                 bench/idempotency.sh's POST with a new key on every request
#
# The agent is async-profiler's Linux x64 build from Maven Central
# (tools.profiler:async-profiler:4.2:jar:linux-x64, fetched into the local repository once),
# loaded into the running JVMs with jcmd JVMTI.agent_load after the warm-up, so that the
# warm-up runs unprofiled. Samples: every millisecond of CPU time (event=cpu, the kernel's
# cpu-clock through perf_events, which this VM allows for one's own processes; the interval
# timer, itimer, gave only about 200 samples a CPU second here), Java stacks only.
# Environment (all optional): BENCH_ROUNDS (2), BENCH_DURATION (30 s), BENCH_WARMUP (10 s per
# pass), BENCH_WARMUP_PASSES (8), BENCH_JIT_QUIET (see warm_up in bench/lib.sh), BENCH_CONNECTIONS
# (16), BENCH_PORT (18097: augno on it, boot on the next), BENCH_SKIP_BUILD=1, BENCH_OUT,
# JAVA_OPTS (-Xms512m -Xmx512m). About 5 to 8 minutes with the defaults.
# Only 127.0.0.1 is a target; every wait and every wrk run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

scenario=${1:-success}
rounds=${BENCH_ROUNDS:-2} duration=${BENCH_DURATION:-30} warmup=${BENCH_WARMUP:-10} warmup_passes=8
connections=${BENCH_CONNECTIONS:-16}
java_opts=${JAVA_OPTS:--Xms512m -Xmx512m}
host=127.0.0.1
first_port=${BENCH_PORT:-18097}
stack=servlet
define_scenarios
# The variants, their arguments, the wrk script and how one wrk run of the scenario is driven
# (run_wrk seconds url, on the script in $lua).
if [[ $scenario == new_key ]]; then
	variants=(memory off)
	declare -A args=([memory]="--augno.errors.idempotency.enabled=true" [off]="--augno.errors.idempotency.enabled=false")
	variants_note="memory: idempotency keys on the in-memory store; off: \`augno.errors.idempotency.enabled=false\`; the valid POST of \`valid_post\` with a new \`Idempotency-Key\` on every request"
	path[new_key]=/items
	write_lua=idempotency_lua
	run_wrk() { BENCH_MODE=new_key BENCH_BODY=${body[valid_post]} wrk_line "$1" "$lua" "$2"; }
else
	[[ -n "${method[$scenario]:-}" ]] || { echo "unknown scenario: $scenario" >&2; exit 2; }
	variants=(augno boot)
	declare -A args=([augno]="" [boot]="--augno.errors.enabled=false")
	variants_note="augno: with the starter; boot: \`augno.errors.enabled=false\`"
	write_lua=scenario_lua
	run_wrk() { scenario_wrk "$1" "$lua" "$scenario" "$2"; }
fi
declare -A port=([${variants[0]}]=$first_port [${variants[1]}]=$((first_port + 1)))
scenarios=("$scenario")
ensure_wrk

version=4.2
agent_jar=$HOME/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version-linux-x64.jar
if [[ ! -f $agent_jar ]]; then
	./mvnw -B -q -ntp dependency:get -Dartifact=tools.profiler:async-profiler:$version:jar:linux-x64
fi
work=bench/target/profile-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$work"
unzip -q -o "$agent_jar" 'linux-x64/*' -d "$work"
agent=$PWD/$work/linux-x64/libasyncProfiler.so

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
	./mvnw -B -q -ntp -Pbench -pl bench/app -am -DskipTests package
fi

declare -A pid
trap stop_apps EXIT
require_free_ports
for v in "${variants[@]}"; do
	# DebugNonSafepoints: samples name the inlined method they fell in, not its caller.
	# shellcheck disable=SC2086
	"${app_pin[@]}" java $java_opts "${app_pin_opts[@]}" -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
		-jar bench/app/target/bench-app.jar --server.address=$host --server.port=${port[$v]} ${args[$v]} \
		>"$work/$v.log" 2>&1 &
	pid[$v]=$!
done
wait_for_apps "/items/it_42"

lua=$work/scenario.lua
$write_lua >"$lua"
drive() { # variant scenario seconds round
	run_wrk "$3" "http://$host:${port[$1]}${path[$2]}" >/dev/null
}
warm_up

profiler() { # variant command
	timeout 30 jcmd "${pid[$1]}" JVMTI.agent_load "$agent" "\"$2\"" >/dev/null
}
rows=()
for ((r = 1; r <= rounds; r++)); do
	for v in "${variants[@]}"; do
		profiler "$v" "start,event=cpu,interval=1ms,cstack=no"
		before=$(proc_ticks "${pid[$v]}")
		read -r requests _ < <(run_wrk "$duration" "http://$host:${port[$v]}${path[$scenario]}")
		ticks=$(($(proc_ticks "${pid[$v]}") - before))
		profiler "$v" "stop,file=$PWD/$work/$v-$r.collapsed,collapsed"
		own=$(python3 bench/starter-frames.py --summary "$work/$v-$r.collapsed")
		rows+=("| $r | $v | $requests | $(cpu_per_request "$ticks" "$requests") | $own |")
		echo "round $r $v: $requests requests, $own" >&2
	done
done

out=${BENCH_OUT:-$(results_file "bench/results/$(date -u +%F)-profile-$scenario.md")}
{
	echo "# Profile of \`$scenario\`, $(date -u +%F)"
	echo
	echo "Written by \`bench/profile.sh\`; see [BENCHMARKS.md](../../BENCHMARKS.md)."
	echo
	echo "- machine: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(pin_summary)"
	echo "- $variants_note"
	echo "- the starter at $(git rev-parse --short HEAD); async-profiler $version, \`event=cpu,interval=1ms\`, Java stacks"
	echo "- wrk \`-t1 -c$connections\`, $duration s per round and variant, after warm-up passes of $warmup s until the JIT was quiet ($(warm_up_summary))"
	echo
	echo "| round | variant | requests | CPU µs a request | the starter's own frames |"
	echo "|---:|---|---:|---:|---|"
	printf '%s\n' "${rows[@]}"
	echo
	echo "The starter's own frames: the samples whose deepest frame of the starter is not merely"
	echo "passing the request on (a valve's next valve, the filter chain), as a share of all samples."
	echo "Per frame, for one recording: \`bench/starter-frames.py $work/${variants[0]}-1.collapsed\`;"
	echo "the two variants compared: \`bench/profile-diff.py $work $out\`."
} >"$out"
echo "Written to $out (collapsed stacks in $work)"
