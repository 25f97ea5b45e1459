#!/usr/bin/env bash
# The HTTP benchmark of the error path: builds bench/app and bench/app-wimdeblauwe, starts
# three apps side by side on 127.0.0.1 (augno: with the starter; boot: the same app with
# augno.errors.enabled=false, i.e. Spring Boot's own error handling; wimdeblauwe: the same
# app with wimdeblauwe's error-handling-spring-boot-starter instead of ours), drives every
# scenario of each with wrk, interleaving the three and repeating, and writes a Markdown
# table of the medians to bench/results/<date>.md.
#
# With BENCH_STACK=webflux, the same scenarios (rate_limited aside: the starter's rate limits
# are servlet-only) on Spring WebFlux instead: bench/app-webflux, the same controller, DTOs and
# settings on Reactor Netty, started twice (augno: with the starter; boot: with
# augno.errors.enabled=false, i.e. Spring Boot's WebFlux error handling), written to
# bench/results/<date>-webflux.md; the target there is the issue's, no failure slower than
# Boot's default (augno / boot >= 1).
#
#   bench/run.sh            the full run: two JVMs (forks) of augno and of boot, 6 s of warm-up
#                           per scenario and JVM (repeated while an app's JIT still compiles),
#                           then 6 rounds of 2 s, alternating the forks (about 20 min on 2
#                           cores, see below)
#   bench/run.sh --smoke    1 s of warm-up and one round of 2 s, to check that everything
#                           works (about 2.5 min)
#   BENCH_STACK=webflux bench/run.sh [--smoke]
#                           the WebFlux pair, two forks each: 9 scenarios x 4 JVMs x 6 s of
#                           warm-up and 10 x 2 x 6 x 2 s measured = 456 s of wrk, about 9 min
#                           with the build (smoke: one JVM each, about 2 min)
#
# The full run's time: 10 scenarios x 5 JVMs x 6 s of warm-up, and 11 measured runs (success
# twice, see "Each round" below) x 3 variants x 6 rounds x 2 s: 696 s of wrk, plus about a
# minute to build both apps and start them, a few seconds per 100 wrk runs (248 here), and the
# warm-up passes after the first (one or two more for most JVMs, 18-22 minutes in all).
# A warm-up pass after which an app's JIT compiler threads still took 3 % or more of its CPU
# is repeated for that app (warm_up in bench/lib.sh), up to 4 passes: 60 s more per app and
# pass. Six rounds of 2 s rather than three of 4 s: this machine's throughput wanders by
# 10-15 % between runs a few seconds apart, and the median of six rounds' ratios moves less
# than that of three.
#
# Environment (all optional): BENCH_ROUNDS, BENCH_DURATION and BENCH_WARMUP (seconds),
# BENCH_FORKS (JVMs of augno and of boot, 2; 1 for --smoke), BENCH_WARMUP_PASSES and BENCH_JIT_QUIET (see warm_up in bench/lib.sh), BENCH_CONNECTIONS
# (wrk -c), BENCH_SCENARIOS (space-separated names, default all),
# BENCH_OUT (the Markdown file), BENCH_SKIP_BUILD=1, BENCH_JFR=1 (a JFR recording of each
# app, profile settings, kept in the work directory), JAVA_OPTS (the apps' JVM options),
# BENCH_APP_ARGS (more arguments for all apps, such as --logging.exception-conversion-word=%wex),
# BENCH_PORT (the first of the ports, 18081 unless set: augno, boot and wimdeblauwe
# listen on it and the next two, each further fork of augno and boot on the next three's first
# two; with BENCH_STACK=webflux 18084, augno and boot on it and the next, each further fork on the
# next two), BENCH_STACK (servlet, the default, or webflux), BENCH_PIN (1, the default: wrk on CPU 0,
# the apps on the others; 0: all share every core; see bench/lib.sh), BENCH_STEADY (1.2: the
# highest spread of boot's success paths over the rounds for a steady host; see spread in
# bench/lib.sh; it changes the report's wording only).
# A run with any of these set (BENCH_SKIP_BUILD, BENCH_OUT, BENCH_PORT and BENCH_STACK aside)
# writes <date>-custom.md (<date>-webflux-custom.md), so that only the standard run writes
# bench/results/<date>.md (<date>-webflux.md).
# Only 127.0.0.1 is ever a target, and every wait and every wrk run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

mode=full
if [[ "${1:-}" == "--smoke" ]]; then
	mode=smoke
elif [[ $# -gt 0 ]]; then
	echo "usage: bench/run.sh [--smoke]" >&2
	exit 2
fi
if [[ $mode == smoke ]]; then
	rounds=${BENCH_ROUNDS:-1} duration=${BENCH_DURATION:-2} warmup=${BENCH_WARMUP:-1}
	warmup_passes=1 forks=${BENCH_FORKS:-1}
else
	rounds=${BENCH_ROUNDS:-6} duration=${BENCH_DURATION:-2} warmup=${BENCH_WARMUP:-6}
	forks=${BENCH_FORKS:-2}
fi
if [[ ! $forks =~ ^[1-9]$ ]]; then
	echo "BENCH_FORKS must be 1 to 9, not '$forks'" >&2
	exit 2
fi
connections=${BENCH_CONNECTIONS:-16}
stack=${BENCH_STACK:-servlet}
if [[ $stack != servlet && $stack != webflux ]]; then
	echo "BENCH_STACK must be servlet or webflux, not '$stack'" >&2
	exit 2
fi
today=$(date -u +%F)
# Only a standard run writes bench/results/<date>.md; any other gets its own name.
suffix=""
[[ $stack == webflux ]] && suffix=-webflux
[[ $mode == smoke ]] && suffix=$suffix-smoke
invocation="bench/run.sh"
[[ $stack == webflux ]] && invocation="BENCH_STACK=webflux $invocation"
[[ $mode == smoke ]] && invocation="$invocation --smoke"
for setting in BENCH_ROUNDS BENCH_DURATION BENCH_WARMUP BENCH_FORKS BENCH_WARMUP_PASSES BENCH_JIT_QUIET BENCH_CONNECTIONS BENCH_SCENARIOS BENCH_JFR BENCH_APP_ARGS JAVA_OPTS BENCH_PIN; do
	if [[ -n "${!setting:-}" ]]; then
		invocation="$setting='${!setting}' $invocation"
		[[ $suffix == *-custom ]] || suffix="$suffix-custom"
	fi
done
out=${BENCH_OUT:-$(results_file "bench/results/${today}${suffix}.md")}
java_opts=${JAVA_OPTS:--Xms512m -Xmx512m}
host=127.0.0.1
if [[ $stack == servlet ]]; then
	first_port=${BENCH_PORT:-18081}
	declare -A jar=([augno]=bench/app/target/bench-app.jar [boot]=bench/app/target/bench-app.jar
		[wimdeblauwe]=bench/app-wimdeblauwe/target/bench-app-wimdeblauwe.jar)
	variants=(augno boot wimdeblauwe)
	modules=bench/app,bench/app-wimdeblauwe
else
	first_port=${BENCH_PORT:-18084}
	declare -A jar=([augno]=bench/app-webflux/target/bench-app-webflux.jar
		[boot]=bench/app-webflux/target/bench-app-webflux.jar)
	variants=(augno boot)
	modules=bench/app-webflux
fi
# The JVMs: augno and boot, whose ratio the success-path targets hold within 2 %, in forks
# side by side (augno, boot, wimdeblauwe, then augno-2, boot-2, ...), each on a port of its own
# after the first JVMs'; round r runs on fork (r - 1) mod forks + 1 of each. Two JVMs of the same
# jar compile differently (inlining decisions alone moved single frames by 0.45 µs, about 1 % of a
# request, in the 2026-11-28 profile), so with one JVM per variant a run's ratio carries that
# JVM's luck; JMH forks for the same reason. wimdeblauwe, compared with margins of 1.5x and
# more, runs once.
jvms=()
declare -A variant_of port
for f in $(seq 1 "$forks"); do
	i=0
	for v in "${variants[@]}"; do
		i=$((i + 1))
		[[ $f -gt 1 && $v == wimdeblauwe ]] && continue
		j=$v
		[[ $f -gt 1 ]] && j=$v-$f
		jvms+=("$j")
		variant_of[$j]=$v
		port[$j]=$((first_port + (f - 1) * ${#variants[@]} + i - 1))
	done
done
jvm_of() { # variant fork
	if [[ $2 == 1 || -z ${variant_of[$1-$2]:-} ]]; then echo "$1"; else echo "$1-$2"; fi
}
jvms_of() { # variant
	local f
	for f in $(seq 1 "$forks"); do
		if [[ $f == 1 || -n ${variant_of[$1-$f]:-} ]]; then jvm_of "$1" "$f"; fi
	done
}
forks_summary() {
	if [[ $forks == 1 ]]; then
		echo "one JVM per variant"
	else
		echo "$forks JVMs of augno and of boot side by side (forks: round r on fork (r - 1) mod $forks + 1 of each)"
	fi
}
wimdeblauwe_version=$(sed -n 's:.*<error-handling-spring-boot-starter.version>\(.*\)</error-handling-spring-boot-starter.version>.*:\1:p' bench/pom.xml)
started=$(date +%s)

# --- the scenarios: name, method, path, body, Connection: close?, expected status

define_scenarios
read -r -a scenarios <<<"${BENCH_SCENARIOS:-${all_scenarios[*]}}"
for s in "${scenarios[@]}"; do
	[[ -n "${method[$s]:-}" ]] || { echo "unknown scenario: $s" >&2; exit 2; }
	[[ " ${all_scenarios[*]} " == *" $s "* ]] || { echo "scenario $s is not measured on $stack" >&2; exit 2; }
done
# Who must answer each failure: the body's format tells (see answered_by below); the expected
# status is the same on both stacks, so the WebFlux apps are checked against the servlet answers.
# wimdeblauwe's
# starter handles only what a @RestController method throws (its advice is
# @ControllerAdvice(annotations = RestController.class)): an unmapped URL and a 405 never
# reach it, and Spring Boot's /error answers them, as in the boot variant.
declare -A answerer
for s in "${scenarios[@]}"; do
	for v in "${variants[@]}"; do
		if [[ ${status[$s]} == 200 ]]; then answerer[$v.$s]=app; else answerer[$v.$s]=$v; fi
	done
done
if [[ $stack == servlet ]]; then
	for s in unmapped_404 method_405; do
		answerer[wimdeblauwe.$s]=boot
	done
fi

# --- wrk, installed from Debian's packages when missing

ensure_wrk

# --- build and start the apps

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
	echo "Building $modules ..." >&2
	./mvnw -B -q -ntp -Pbench -pl "$modules" -am -DskipTests package
	build_note=", build included"
else
	build_note=", no build (BENCH_SKIP_BUILD=1)"
fi
work=bench/target/http-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$work"

declare -A pid
trap stop_apps EXIT

require_free_ports
for j in "${jvms[@]}"; do
	v=${variant_of[$j]}
	opts=($java_opts)
	if [[ "${BENCH_JFR:-0}" == 1 ]]; then
		# Servlet request stacks are deeper than JFR's default 64 frames: without more, the
		# outer frames (the filters, the dispatcher) are cut off every sample.
		opts+=(-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -XX:FlightRecorderOptions:stackdepth=512
			"-XX:StartFlightRecording=filename=$work/$j.jfr,settings=profile,dumponexit=true")
	fi
	args=(--server.address=$host --server.port=${port[$j]} ${BENCH_APP_ARGS:-})
	[[ $v == boot ]] && args+=(--augno.errors.enabled=false)
	"${app_pin[@]}" java "${opts[@]}" "${app_pin_opts[@]}" -jar "${jar[$v]}" "${args[@]}" >"$work/$j.log" 2>&1 &
	pid[$j]=$!
done
wait_for_apps "/items/it_42"

# --- check every scenario once with curl: status, body size, Connection header, and who
# answered, told by the body's format

curl_args() { # scenario -> curl options
	local s=$1
	printf '%s\n' -X "${method[$s]}"
	if [[ -n "${body[$s]}" ]]; then
		printf '%s\n' -H "Content-Type: application/json" --data-binary "${body[$s]}"
	fi
	[[ ${close[$s]} == 1 ]] && printf '%s\n' -H "Connection: close"
	return 0
}
answered_by() { # body file -> app (the item), augno, wimdeblauwe, boot (Boot's /error) or unknown
	local first
	first=$(head -c 200 "$1")
	case "$first" in
	'{"id":'*) echo app ;;
	'{"error":{'*) echo augno ;;
	'{"code":'*) echo wimdeblauwe ;;
	'{"timestamp":'*'"status":'*) echo boot ;;
	*) echo unknown ;;
	esac
}
declare -A answer_format=([app]="the item" [augno]="the starter's envelope" [wimdeblauwe]="wimdeblauwe's body"
	[boot]="Boot's /error body" [unknown]="an unknown body")
declare -A checked
for s in "${scenarios[@]}"; do
	for j in "${jvms[@]}"; do
		v=${variant_of[$j]}
		mapfile -t opts < <(curl_args "$s")
		if ! headers=$(curl -s --max-time 10 -D - -o "$work/body-$j-$s.json" "${opts[@]}" "http://$host:${port[$j]}${path[$s]}" | tr -d '\r'); then
			echo "$j $s: no answer (an empty reply, a reset or a timeout); the end of its log:" >&2
			tail -20 "$work/$j.log" >&2
			exit 1
		fi
		code=$(head -1 <<<"$headers" | awk '{print $2}')
		conn=$(grep -i '^connection:' <<<"$headers" | awk '{print $2}' || true)
		size=$(wc -c <"$work/body-$j-$s.json")
		if [[ "$code" != "${status[$s]}" ]]; then
			echo "$j $s: expected ${status[$s]}, got $code" >&2
			cat "$work/body-$j-$s.json" >&2
			exit 1
		fi
		by=$(answered_by "$work/body-$j-$s.json")
		if [[ $by != "${answerer[$v.$s]}" ]]; then
			echo "$j $s: expected ${answer_format[${answerer[$v.$s]}]}, got ${answer_format[$by]}:" >&2
			head -c 1000 "$work/body-$j-$s.json" >&2
			exit 1
		fi
		checked[$v.$s]="$code, ${size} B${conn:+, Connection: $conn}, ${answer_format[$by]}"
	done
done

# --- wrk

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
read -r ticks_before steal_before < <(cpu_ticks)
scenario_lua >"$work/scenario.lua"
results=$work/results.tsv
: >"$results"
drive() { # jvm scenario seconds round
	local j=$1 s=$2 seconds=$3 round=$4 line ticks
	ticks=$(proc_ticks "${pid[$j]}")
	line=$(scenario_wrk "$seconds" "$work/scenario.lua" "$s" "http://$host:${port[$j]}${path[$s]}")
	ticks=$(($(proc_ticks "${pid[$j]}") - ticks))
	line="$line $(cpu_per_request "$ticks" "${line%% *}")"
	# round variant scenario requests req/s p50 p99 socket-errors non-2xx cpu-us-per-request jvm
	if [[ $round == warmup ]]; then
		echo "$round ${variant_of[$j]} $s $line $j" >>"$work/warmup.tsv"
	else
		echo "$round ${variant_of[$j]} $s $line $j" >>"$results"
		echo "  round $round  $j  $s: $line" >&2
	fi
}
echo "Warm-up: ${warmup} s per scenario and variant, until each app's JIT is quiet" >&2
warm_up
# Each round measures success a second time right after the keep-alive failures compared
# with it, so that each of their ratios is taken against the mean of a run before and a run
# after them, and a drift of the machine within the round cancels out.
measured=() last=-1
for s in "${scenarios[@]}"; do
	measured+=("$s")
	case $s in rate_limited | augno_404 | method_405 | unmapped_404) last=$((${#measured[@]} - 1)) ;; esac
done
if [[ $last -ge 0 && " ${scenarios[*]} " == *" success "* ]]; then
	measured=("${measured[@]:0:last+1}" success "${measured[@]:last+1}")
fi
echo "Measuring: $rounds round(s) of ${duration} s per scenario and variant, variants interleaved: ${measured[*]}" >&2
for round in $(seq 1 "$rounds"); do
	fork=$(((round - 1) % forks + 1))
	i=0
	for s in "${measured[@]}"; do
		# Rotate which variant goes first: every 3 rounds, each goes first once per scenario.
		k=$(((round + i) % ${#variants[@]}))
		order=("${variants[@]:k}" "${variants[@]:0:k}")
		for v in "${order[@]}"; do
			drive "$(jvm_of "$v" "$fork")" "$s" "$duration" "$round"
		done
		i=$((i + 1))
	done
done

read -r ticks_after steal_after < <(cpu_ticks)
steal=$(awk -v t=$((ticks_after - ticks_before)) -v s=$((steal_after - steal_before)) 'BEGIN { printf "%.1f", (t > 0) ? 100 * s / t : 0 }')
stop_apps
trap - EXIT

# --- the 500s' stack traces in the logs

# The starter logs a cause whose chain holds a multi-line message (other than Reactor's
# checkpoint traceback) as a SanitizedFailure naming it.
declare -A traces answered
trace_head='^(com\.augno\.errors\.spring\.web\.SanitizedFailure: )?java\.lang\.IllegalStateException: Simulated failure while loading item it_crash'
for v in "${variants[@]}"; do
	traces[$v]=0
	for j in $(jvms_of "$v"); do
		traces[$v]=$((traces[$v] + $(grep -cE "$trace_head" "$work/$j.log" || true)))
		# Keep the logs small: their head, and the first logged 500 with its stack trace.
		grep -m1 -E -B2 -A40 "$trace_head" "$work/$j.log" >"$work/$j.500.log" || true
		head -c 200000 "$work/$j.log" >"$work/$j.head.log" && rm "$work/$j.log"
	done
done

# --- medians and the table

declare -A rps p99 errs non2xx
for s in "${scenarios[@]}"; do
	for v in "${variants[@]}"; do
		rps[$v.$s]=$(median "$v" "$s" 5)
		p99[$v.$s]=$(median "$v" "$s" 7)
		errs[$v.$s]=$(sum "$v" "$s" 8)
		non2xx[$v.$s]=$(sum "$v" "$s" 9)
	done
done
# The success reference of each failure: keep-alive, and with Connection: close for a
# status after which Tomcat drops the connection (400, 500).
declare -A ref ref_close target
ref=([rate_limited]=success [augno_404]=success [unmapped_404]=success [method_405]=success [error_500]=success [validation_400]=valid_post
	[success_close]=success [valid_post_close]=valid_post)
ref_close=([error_500]=success_close [validation_400]=valid_post_close)
# The targets: on the servlet stack, each failure against the starter's own success path; on
# WebFlux, the issue's, each failure at least as fast as Boot's default (augno ÷ boot).
if [[ $stack == servlet ]]; then
	target=([rate_limited]=0.95 [augno_404]=0.9 [method_405]=0.9 [validation_400]=0.8 [unmapped_404]=0.5 [error_500]=0.5)
else
	for s in "${scenarios[@]}"; do
		[[ ${status[$s]} == 200 ]] || target[$s]=1.0
	done
fi
others=("${variants[@]:1}") # augno is compared with each of these
has() { [[ -n "${rps[augno.$1]:-}" ]]; }
# The host's steadiness, from the reference variant's success paths: a verdict drawn on an
# unsteady host says so.
steady_note="" steadiness_lines=()
for s in success valid_post; do
	if has "$s"; then
		steadiness_lines+=("$(steadiness boot "$s")")
		read -r _ _ x < <(spread boot "$s")
		if [[ $x == – ]]; then
			steady_note=" (too few rounds to judge the host)"
		elif [[ -z $steady_note ]] && ! is_steady "$x"; then
			steady_note=" (unsteady host)"
		fi
	fi
done
verdict() { # ratio target
	awk -v r="$1" -v t="$2" 'BEGIN { if (r == "–") print "–"; else if (r + 0 >= t + 0) print "met"; else print "**missed**" }'
}

mkdir -p "$(dirname "$out")"
{
	if [[ $mode == smoke ]]; then
		echo "# HTTP benchmark, $today: SMOKE RUN (not a measurement)"
		echo
		echo "> One short round, to show that the script works. Numbers from a smoke run are not"
		echo "> results: too short, not repeated, and possibly on a machine busy with other work."
	else
		echo "# HTTP benchmark, $today"
	fi
	echo
	echo "Written by \`$invocation\`; see [BENCHMARKS.md](../../BENCHMARKS.md) for how to read it."
	echo
	echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), Linux $(uname -r), load average when the measurement began: $load_before, CPU time stolen by the hypervisor during it: ${steal}%$(p=$(pin_summary); echo "${p:+; $p}")"
	for line in "${steadiness_lines[@]}"; do
		echo "- $line"
	done
	echo "- JVM: $(java -version 2>&1 | head -2 | tail -1), app options \`$java_opts\`"
	echo "- Spring Boot $(sed -n 's:.*<spring-boot.version>\(.*\)</spring-boot.version>.*:\1:p' pom.xml), the starter at $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- augno-errors-core augno-errors-spring-boot-starter 2>/dev/null || echo ' (with uncommitted changes)')"
	echo "- $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2): \`-t1 -c$connections\`, ${duration} s per scenario and variant, $rounds round(s), $(forks_summary), after warm-up passes of ${warmup} s per scenario until the JIT was quiet ($(warm_up_summary)); the ${#jvms[@]} JVMs run side by side, and each round rotates which of them goes first"
	if [[ $stack == servlet ]]; then
		echo "- augno: the bench app with the starter; boot: the same app with \`augno.errors.enabled=false\`; wimdeblauwe: the same app with wimdeblauwe's error-handling-spring-boot-starter $wimdeblauwe_version instead of the starter, logging as the starter does (bench/app-wimdeblauwe)${BENCH_APP_ARGS:+; all three with \`$BENCH_APP_ARGS\`}"
	else
		echo "- Spring WebFlux on Reactor Netty: augno: bench/app-webflux (the servlet bench app's controller, DTOs and settings) with the starter; boot: the same app with \`augno.errors.enabled=false\`, i.e. Spring Boot's WebFlux error handling${BENCH_APP_ARGS:+; both with \`$BENCH_APP_ARGS\`}"
	fi
	echo
	header="| scenario |" rule="|---|"
	for v in "${variants[@]}"; do
		header="$header $v req/s | $v p99 ms |" rule="$rule---:|---:|"
	done
	for v in "${variants[@]}"; do
		header="$header $v ÷ success | $v ÷ success (close) |" rule="$rule---:|---:|"
	done
	for v in "${others[@]}"; do
		header="$header augno ÷ $v |" rule="$rule---:|"
	done
	echo "$header target | verdict |"
	echo "$rule---|---|"
	for s in "${scenarios[@]}"; do
		r=${ref[$s]:-} rc=${ref_close[$s]:-}
		row="| ${describe[$s]} (\`$s\`) |"
		for v in "${variants[@]}"; do
			row="$row $(printf '%.0f | %.2f' "${rps[$v.$s]}" "${p99[$v.$s]}") |"
		done
		for v in "${variants[@]}"; do
			vr=– vrc=–
			if [[ -n $r ]] && has "$r"; then vr=$(ratio "$v" "$s" "$v" "$r"); fi
			if [[ -n $rc ]] && has "$rc"; then vrc=$(ratio "$v" "$s" "$v" "$rc"); fi
			row="$row $vr | $vrc |"
			[[ $v == augno ]] && ar=$vr arc=$vrc
		done
		for v in "${others[@]}"; do
			row="$row $(ratio augno "$s" "$v" "$s") |"
		done
		t=${target[$s]:-} outcome=–
		if [[ -z $t ]]; then
			t=–
		elif [[ $stack == servlet ]]; then
			outcome=$(verdict "$ar" "$t")
			[[ $arc != – ]] && outcome="$outcome; close: $(verdict "$arc" "$t")"
			t="≥ ${t}x"
		else
			outcome=$(verdict "$(ratio augno "$s" boot "$s")" "$t")
			t="augno ÷ boot ≥ ${t}x"
		fi
		[[ $outcome == – ]] || outcome="$outcome$steady_note"
		echo "$row $t | $outcome |"
	done
	echo
	echo "The success reference (\"÷ success\") is \`success\` for the GETs and \`valid_post\` for the 400;"
	if [[ $stack == servlet ]]; then
		echo "\"(close)\" is the same reference sent with \`Connection: close\`, as the 400 and the 500 end"
		echo "their connection."
	else
		echo "\"(close)\" is the same reference sent with \`Connection: close\`; unlike Tomcat, Reactor Netty"
		echo "keeps the connection open after a 400 and a 500 (see the Checks), so here the keep-alive"
		echo "reference is the like-for-like one."
	fi
	echo "Each variant is compared with its own success path. req/s and p99 (wrk's,"
	echo "per run) are medians over the rounds; each ratio is the median over the rounds of the ratio"
	echo "of two runs of the same round. \`success\` is measured twice a round, first and again right"
	echo "after the keep-alive failures (\`rate_limited\`, \`augno_404\`, \`method_405\`, \`unmapped_404\`);"
	echo "a ratio to it uses the mean of the round's two runs, so that a drift within the round cancels."
	if [[ $stack == servlet ]]; then
		echo "wimdeblauwe's starter handles only what a \`@RestController\`"
		echo "method throws: in that variant Spring Boot's \`/error\` answers the unmapped URL and the 405,"
		echo "as in \`boot\` (see the Checks)."
	else
		echo "On WebFlux the target is the issue's: no failure slower than Spring Boot's default;"
		echo "the ratios to the success path are there to compare with the servlet run's."
	fi
	echo
	echo "## CPU per request"
	echo
	echo "The CPU time each app's JVM used during a run (all its threads, from \`/proc/PID/stat\`,"
	echo "in ticks of 1/$(getconf CLK_TCK) s) over the requests wrk counted, in microseconds; medians"
	echo "over the rounds. It depends less than req/s on how the machine shared its two cores between"
	echo "wrk and the apps, so it tells the starter's cost where req/s vary from run to run. \"augno cost\" is"
	echo "the other variant's CPU per request over augno's (the median of the rounds' ratios), read"
	echo "like a req/s ratio: 0.98 means the starter's app spends 1/0.98 of the other's CPU a request."
	echo
	header="| scenario |" rule="|---|"
	for v in "${variants[@]}"; do
		header+=" $v µs |" rule+="---:|"
	done
	for v in "${others[@]}"; do
		header+=" augno cost vs $v |" rule+="---:|"
	done
	echo "$header"
	echo "$rule"
	for s in "${scenarios[@]}"; do
		row="| \`$s\` |"
		for v in "${variants[@]}"; do
			row+=" $(median "$v" "$s" 10) |"
		done
		for v in "${others[@]}"; do
			row+=" $(ratio "$v" "$s" augno "$s" 10) |"
		done
		echo "$row"
	done
	echo
	echo "## Checks"
	echo
	echo "What each app answered to the check with \`curl\` (status, body size, \`Connection\` header,"
	echo "the body's format), and the socket errors and non-2xx answers \`wrk\` counted in the rounds."
	echo
	header="| scenario |" rule="|---|"
	for v in "${variants[@]}"; do
		header="$header $v answer |" rule="$rule---|"
	done
	for v in "${variants[@]}"; do
		header="$header $v socket errors / non-2xx |" rule="$rule---:|"
	done
	echo "$header"
	echo "$rule"
	for s in "${scenarios[@]}"; do
		row="| \`$s\` |"
		for v in "${variants[@]}"; do
			row="$row ${checked[$v.$s]} |"
		done
		for v in "${variants[@]}"; do
			row="$row ${errs[$v.$s]} / ${non2xx[$v.$s]} |"
		done
		echo "$row"
	done
	echo
	if [[ " ${scenarios[*]} " == *" error_500 "* ]]; then
		counts="" logged=""
		for v in "${variants[@]}"; do
			answered[$v]=$(awk -v v="$v" '$2 == v && $3 == "error_500" { t += $9 } END { print t + 1 }' "$results" "$work/warmup.tsv")
			counts="$counts${counts:+, }$v ${traces[$v]}" logged="$logged${logged:+, }${answered[$v]}"
		done
		echo "Stack traces of the 500's cause in the logs: $counts, for $logged 500s"
		echo "that wrk and the check counted (measured, warm-up and check); a few more are answered and"
		echo "logged that wrk does not count, in flight when a run ends."
		echo
	fi
	echo "## Every run"
	echo
	echo "| round | variant | JVM | scenario | requests | req/s | p50 ms | p99 ms | socket errors | non-2xx | CPU µs a request |"
	echo "|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|"
	sort -k3,3 -k2,2 -k1,1n "$results" | awk '{ printf "| %s | %s | %s | `%s` | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $11, $3, $4, $5, $6, $7, $8, $9, $10 }'
	echo
	echo "Run time: $(($(date +%s) - started)) s$build_note."
} >"$out"
cat "$out"
echo >&2
echo "Written to $out (logs, bodies and raw numbers in $work)" >&2
