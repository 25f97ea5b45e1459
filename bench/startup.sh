#!/usr/bin/env bash
# The starter's cost at startup: builds the sample app, starts it again and again on
# 127.0.0.1, alternately with the starter (augno) and with augno.errors.enabled=false
# (off: the starter's auto-configurations back off and the sample's security falls back
# to Spring Security's bare 401; the jar, and the sample's own use of AugnoException and
# ErrorCodes, are the same; the sample cannot be built without the starter at all),
# reads Spring Boot's own "Started SampleApplication in X seconds (process running for Y)"
# from each, stops the JVM, and writes the medians and their ratio to
# bench/results/<date>-startup.md. Target: the starter adds at most 5 % to the startup time.
#
#   bench/startup.sh                 one unmeasured start of each variant, then 10 measured
#                                    starts of each, alternating (about 3 min on 2 cores,
#                                    build included)
#   BENCH_RUNS=2 bench/startup.sh    a quick check that it works (about 1.5 min)
#
# Environment (all optional): BENCH_RUNS (measured starts per variant), BENCH_SKIP_BUILD=1,
# BENCH_OUT (the Markdown file), JAVA_OPTS (the JVM options of both; JVM defaults unless
# set), BENCH_APP_ARGS (more arguments for both). A run with BENCH_RUNS, JAVA_OPTS or
# BENCH_APP_ARGS set writes <date>-startup-custom.md, so that only the standard run writes
# bench/results/<date>-startup.md.
# One JVM at a time; each listens on 127.0.0.1 only, on a port the system picks; every wait
# is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

if [[ $# -gt 0 ]]; then
	echo "usage: bench/startup.sh (settings in the environment, see the header)" >&2
	exit 2
fi
runs=${BENCH_RUNS:-10}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_RUNS must be a positive number" >&2; exit 2; }
today=$(date -u +%F)
suffix=""
invocation="bench/startup.sh"
for setting in BENCH_RUNS JAVA_OPTS BENCH_APP_ARGS; do
	if [[ -n "${!setting:-}" ]]; then
		invocation="$setting='${!setting}' $invocation"
		suffix=-custom
	fi
done
out=${BENCH_OUT:-$(results_file "bench/results/${today}-startup${suffix}.md")}
java_opts=${JAVA_OPTS:-}
host=127.0.0.1
variants=(augno off)
declare -A variant_args=([augno]="" [off]="--augno.errors.enabled=false")
started=$(date +%s)
build_note=", build included"

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
	echo "Building sample-app ..." >&2
	./mvnw -B -q -ntp -DskipTests package -pl sample-app -am
else
	build_note=", no build (BENCH_SKIP_BUILD=1)"
fi
jar=sample-app/target/augno-errors-sample-app-0.1.0-SNAPSHOT.jar
[[ -f $jar ]] || { echo "$jar is missing: build it, or run without BENCH_SKIP_BUILD" >&2; exit 1; }
work=bench/target/startup-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$work"

pid=""
stop_app() {
	[[ -n $pid ]] || return 0
	kill "$pid" 2>/dev/null || true
	for _ in $(seq 1 100); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	pid=""
}
trap stop_app EXIT

started_line='Started SampleApplication in [0-9.]+ seconds \(process running for [0-9.]+\)'
# Start one variant and wait for Spring Boot's "Started" line (at most 120 s); sets
# started_in, running_for and port. The caller stops it.
start_once() { # variant log
	local v=$1 log=$2 line i
	# $java_opts and the arguments are word lists: unquoted on purpose
	java $java_opts -jar "$jar" --server.address=$host --server.port=0 ${variant_args[$v]} ${BENCH_APP_ARGS:-} \
		>"$log" 2>&1 &
	pid=$!
	for i in $(seq 1 1200); do
		grep -Eq "$started_line" "$log" && break
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "the sample ($v) stopped before it started:" >&2
			grep -v '^\s*at ' "$log" | tail -30 >&2
			exit 1
		fi
		[[ $i == 1200 ]] && { echo "the sample ($v) did not start within 120 s" >&2; exit 1; }
		sleep 0.1
	done
	port=$(sed -En 's/.*Tomcat started on port ([0-9]+).*/\1/p' "$log" | head -1)
	line=$(grep -Eo "$started_line" "$log" | head -1)
	read -r started_in running_for < <(sed -E 's/.* in ([0-9.]+) seconds \(process running for ([0-9.]+)\)/\1 \2/' <<<"$line")
}

# An unknown API key answers 401 in both: the starter's envelope, or Spring Security's
# empty body without it. Checked once per variant, after the unmeasured start.
check_variant() { # variant port
	local v=$1 port=$2 code body
	code=$(curl -s --max-time 10 -o "$work/check-$v.json" -w '%{http_code}' \
		-H 'Authorization: Bearer sk_test_unknown' "http://$host:$port/v1/catalog/items")
	body=$(head -c 300 "$work/check-$v.json")
	if [[ $code != 401 ]] || { [[ $v == augno ]] && [[ $body != '{"error":{'* ]]; } ||
		{ [[ $v == off ]] && [[ -n $body ]]; }; then
		echo "the $v sample answered an unknown key with $code: $body" >&2
		exit 1
	fi
	checked[$v]="401, $(wc -c <"$work/check-$v.json") B"
}

declare -A checked
results=$work/results.tsv
: >"$results"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Unmeasured first start of each variant (file cache, class data), with a check" >&2
for v in "${variants[@]}"; do
	start_once "$v" "$work/$v-warmup.log"
	check_variant "$v" "$port"
	stop_app
	echo "  warm-up  $v: started in $started_in s, process running for $running_for s" >&2
done
echo "Measuring: $runs start(s) of each variant, alternating which goes first" >&2
for i in $(seq 1 "$runs"); do
	if ((i % 2)); then order=(augno off); else order=(off augno); fi
	for v in "${order[@]}"; do
		start_once "$v" "$work/$v-$i.log"
		stop_app
		# run variant started-in process-running
		echo "$i $v $started_in $running_for" >>"$results"
		echo "  run $i  $v: started in $started_in s, process running for $running_for s" >&2
	done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
trap - EXIT

median() { # variant column -> median over runs
	awk -v v="$1" -v c="$2" '$2 == v { print $c }' "$results" | sort -g |
		awk '{ a[NR] = $1 } END { printf "%.3f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
# The median over runs of augno ÷ off within the same run: starts close in time.
ratio() { # column
	awk -v c="$1" '$2 == "augno" { a[$1] = $c } $2 == "off" { b[$1] = $c }
		END { for (r in a) if ((r in b) && b[r] > 0) print a[r] / b[r] }' "$results" | sort -g |
		awk '{ x[NR] = $1 } END { printf "%.3f", (NR % 2) ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2 }'
}
verdict() { # ratio
	awk -v r="$1" 'BEGIN { printf "%+.1f %% (%s)", 100 * (r - 1), (r <= 1.05) ? "met" : "**missed**" }'
}
spread() { # variant column -> min–max
	awk -v v="$1" -v c="$2" '$2 == v { if (n++ == 0 || $c < lo) lo = $c; if ($c > hi) hi = $c } END { printf "%.3f–%.3f", lo, hi }' "$results"
}

mkdir -p "$(dirname "$out")"
{
	echo "# Startup benchmark, $today"
	echo
	if [[ -n $suffix ]]; then
		echo "> Not the standard run (settings below). A short run on a shared 2-core machine is"
		echo "> noise, not a result."
		echo
	fi
	echo "Written by \`$invocation\`; see [BENCHMARKS.md](../../BENCHMARKS.md)."
	echo
	echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), Linux $(uname -r), load average before: $load_before, after: $load_after"
	echo "- JVM: $(java -version 2>&1 | head -2 | tail -1), options: ${java_opts:+\`$java_opts\`}${java_opts:-the JVM defaults}"
	echo "- Spring Boot $(sed -n 's:.*<spring-boot.version>\(.*\)</spring-boot.version>.*:\1:p' pom.xml), the sample and the starter at $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- augno-errors-core augno-errors-spring-boot-starter sample-app 2>/dev/null || echo ' (with uncommitted changes)')"
	echo "- \`$jar\`, one JVM at a time, \`--server.address=$host --server.port=0\`${BENCH_APP_ARGS:+ \`$BENCH_APP_ARGS\`}; off: \`--augno.errors.enabled=false\`"
	echo "- one unmeasured start of each variant, then $runs measured start(s) of each, alternating which goes first; each JVM stopped once it has started"
	echo
	echo "| | augno: with the starter | off: \`augno.errors.enabled=false\` | augno ÷ off | added by the starter (target ≤ 5 %) |"
	echo "|---|---:|---:|---:|---|"
	for c in 3 4; do
		if [[ $c == 3 ]]; then what="\"Started … in\": the application context, s"; else what="\"process running for\": JVM start to started, s"; fi
		r=$(ratio $c)
		echo "| $what | $(median augno $c) ($(spread augno $c)) | $(median off $c) ($(spread off $c)) | $r | $(verdict "$r") |"
	done
	echo
	echo "Medians over the runs (range in brackets); the ratio is the median over the runs of augno"
	echo "÷ off within the same run, two starts next to each other in time. \"Process running for\""
	echo "is what a user waits for; \"Started … in\" leaves out the JVM's own start, which the"
	echo "starter does not change, so the same cost is a larger share of it."
	echo
	echo "Check after the unmeasured start, an unknown API key: augno ${checked[augno]} (the starter's envelope), off ${checked[off]} (Spring Security's empty body)."
	echo
	echo "## Every run"
	echo
	echo "| run | variant | started in, s | process running for, s |"
	echo "|---:|---|---:|---:|"
	awk '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }' "$results"
	echo
	echo "Run time: $(($(date +%s) - started)) s$build_note."
} >"$out"
cat "$out"
echo >&2
echo "Written to $out (logs in $work)" >&2
