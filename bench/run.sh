#!/usr/bin/env bash
# The HTTP benchmark of the error path: builds bench/app, starts it twice on 127.0.0.1
# (with the starter, and with augno.errors.enabled=false, i.e. Spring Boot's own error
# handling), drives every scenario of both with wrk, interleaving the two and repeating,
# and writes a Markdown table of the medians to bench/results/<date>.md.
#
#   bench/run.sh            the full run: 3 rounds of 5 s per scenario and variant (~8 min)
#   bench/run.sh --smoke    one round of 2 s, to check that everything works (~2 min)
#
# Environment (all optional): BENCH_ROUNDS, BENCH_DURATION and BENCH_WARMUP (seconds),
# BENCH_CONNECTIONS (wrk -c), BENCH_SCENARIOS (space-separated names, default all),
# BENCH_OUT (the Markdown file), BENCH_SKIP_BUILD=1, BENCH_JFR=1 (a JFR recording of each
# app, profile settings, kept in the work directory), JAVA_OPTS (the apps' JVM options),
# BENCH_APP_ARGS (more arguments for both apps, such as --logging.exception-conversion-word=%wex).
# A run with any of these set (BENCH_SKIP_BUILD and BENCH_OUT aside) writes <date>-custom.md,
# so that only the standard run writes bench/results/<date>.md.
# Only 127.0.0.1 is ever a target, and every wait and every wrk run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
if [[ "${1:-}" == "--smoke" ]]; then
	mode=smoke
elif [[ $# -gt 0 ]]; then
	echo "usage: bench/run.sh [--smoke]" >&2
	exit 2
fi
if [[ $mode == smoke ]]; then
	rounds=${BENCH_ROUNDS:-1} duration=${BENCH_DURATION:-2} warmup=${BENCH_WARMUP:-1}
else
	rounds=${BENCH_ROUNDS:-3} duration=${BENCH_DURATION:-5} warmup=${BENCH_WARMUP:-8}
fi
connections=${BENCH_CONNECTIONS:-16}
today=$(date -u +%F)
# Only a standard run writes bench/results/<date>.md; any other gets its own name.
suffix=""
[[ $mode == smoke ]] && suffix=-smoke
invocation="bench/run.sh"
[[ $mode == smoke ]] && invocation="$invocation --smoke"
for setting in BENCH_ROUNDS BENCH_DURATION BENCH_WARMUP BENCH_CONNECTIONS BENCH_SCENARIOS BENCH_JFR BENCH_APP_ARGS JAVA_OPTS; do
	if [[ -n "${!setting:-}" ]]; then
		invocation="$setting='${!setting}' $invocation"
		[[ $suffix == *-custom ]] || suffix="$suffix-custom"
	fi
done
out=${BENCH_OUT:-bench/results/${today}${suffix}.md}
java_opts=${JAVA_OPTS:--Xms512m -Xmx512m}
host=127.0.0.1
declare -A port=([augno]=18081 [boot]=18082)
variants=(augno boot)
started=$(date +%s)

# --- the scenarios: name, method, path, body, Connection: close?, expected status

valid_body='{"name":"Widget","sku":"SKU-0001","quantity":3,"description":"A sturdy widget, made to be fetched again and again."}'
invalid_body='{"name":"","sku":"SKU-0001","quantity":0,"description":"A sturdy widget, made to be fetched again and again."}'
all_scenarios=(success success_close augno_404 valid_post valid_post_close validation_400 unmapped_404 method_405 error_500)
declare -A method path body close status describe
def() { method[$1]=$2 path[$1]=$3 body[$1]=$4 close[$1]=$5 status[$1]=$6 describe[$1]=$7; }
def success GET /items/it_42 "" 0 200 "success: GET, 307-byte JSON"
def success_close GET /items/it_42 "" 1 200 "success, \`Connection: close\`"
def augno_404 GET /items/it_missing "" 0 404 "AugnoException 404 (Boot: ResponseStatusException)"
def valid_post POST /items "$valid_body" 0 200 "valid body: POST, 306-byte JSON"
def valid_post_close POST /items "$valid_body" 1 200 "valid body, \`Connection: close\`"
def validation_400 POST /items "$invalid_body" 0 400 "Bean Validation 400, two field errors"
def unmapped_404 GET /no/such/path "" 0 404 "unmapped URL 404"
def method_405 DELETE /items/it_42 "" 0 405 "405 (DELETE on a GET endpoint)"
def error_500 GET /items/it_crash "" 0 500 "500 (IllegalStateException, logged with its stack trace)"
read -r -a scenarios <<<"${BENCH_SCENARIOS:-${all_scenarios[*]}}"
for s in "${scenarios[@]}"; do
	[[ -n "${method[$s]:-}" ]] || { echo "unknown scenario: $s" >&2; exit 2; }
done

# --- wrk, installed from Debian's packages when missing

if ! command -v wrk >/dev/null; then
	echo "wrk is missing: installing the Debian package" >&2
	apt-get update
	apt-get install -y wrk
fi

# --- build and start the two apps

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
	echo "Building bench/app ..." >&2
	./mvnw -B -q -ntp -Pbench -pl bench/app -am -DskipTests package
fi
jar=bench/app/target/bench-app.jar
work=bench/target/http-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$work"

declare -A pid
stop_apps() {
	for v in "${!pid[@]}"; do
		kill "${pid[$v]}" 2>/dev/null || true
	done
	for v in "${!pid[@]}"; do
		for _ in $(seq 1 50); do
			kill -0 "${pid[$v]}" 2>/dev/null || break
			sleep 0.2
		done
		kill -9 "${pid[$v]}" 2>/dev/null || true
	done
}
trap stop_apps EXIT

for v in "${variants[@]}"; do
	opts=($java_opts)
	if [[ "${BENCH_JFR:-0}" == 1 ]]; then
		opts+=(-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints
			"-XX:StartFlightRecording=filename=$work/$v.jfr,settings=profile,dumponexit=true")
	fi
	args=(--server.address=$host --server.port=${port[$v]} ${BENCH_APP_ARGS:-})
	[[ $v == boot ]] && args+=(--augno.errors.enabled=false)
	java "${opts[@]}" -jar "$jar" "${args[@]}" >"$work/$v.log" 2>&1 &
	pid[$v]=$!
done
for v in "${variants[@]}"; do
	for i in $(seq 1 120); do
		curl -s -o /dev/null --max-time 1 "http://$host:${port[$v]}/items/it_42" && break
		kill -0 "${pid[$v]}" 2>/dev/null || { echo "the $v app died:" >&2; tail -20 "$work/$v.log" >&2; exit 1; }
		[[ $i == 120 ]] && { echo "the $v app did not start within 60 s" >&2; exit 1; }
		sleep 0.5
	done
done

# --- check every scenario once with curl: status, body size, Connection header

curl_args() { # scenario -> curl options
	local s=$1
	printf '%s\n' -X "${method[$s]}"
	if [[ -n "${body[$s]}" ]]; then
		printf '%s\n' -H "Content-Type: application/json" --data-binary "${body[$s]}"
	fi
	[[ ${close[$s]} == 1 ]] && printf '%s\n' -H "Connection: close"
	return 0
}
declare -A checked
for s in "${scenarios[@]}"; do
	for v in "${variants[@]}"; do
		mapfile -t opts < <(curl_args "$s")
		headers=$(curl -s --max-time 10 -D - -o "$work/body-$v-$s.json" "${opts[@]}" "http://$host:${port[$v]}${path[$s]}" | tr -d '\r')
		code=$(head -1 <<<"$headers" | awk '{print $2}')
		conn=$(grep -i '^connection:' <<<"$headers" | awk '{print $2}' || true)
		size=$(wc -c <"$work/body-$v-$s.json")
		if [[ "$code" != "${status[$s]}" ]]; then
			echo "$v $s: expected ${status[$s]}, got $code" >&2
			cat "$work/body-$v-$s.json" >&2
			exit 1
		fi
		checked[$v.$s]="$code, ${size} B${conn:+, Connection: $conn}"
	done
done

# --- wrk

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# CPU time (all states, and stolen by the hypervisor) from /proc/stat, in ticks: a run
# during which the host took much of this machine's time is not comparable with others.
cpu_ticks() { awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i; print t, $9 }' /proc/stat; }
read -r ticks_before steal_before < <(cpu_ticks)
cat >"$work/scenario.lua" <<'EOF'
wrk.method = os.getenv("BENCH_METHOD")
local body = os.getenv("BENCH_BODY")
if body ~= nil and body ~= "" then
	wrk.body = body
	wrk.headers["Content-Type"] = "application/json"
end
if os.getenv("BENCH_CLOSE") == "1" then
	wrk.headers["Connection"] = "close"
end
done = function(summary, latency, requests)
	local seconds = summary.duration / 1e6
	io.write(string.format("WRK %d %.1f %.3f %.3f %d %d\n", summary.requests, summary.requests / seconds,
		latency:percentile(50) / 1000, latency:percentile(99) / 1000,
		summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
		summary.errors.status))
end
EOF
results=$work/results.tsv
: >"$results"
drive() { # variant scenario seconds round
	local v=$1 s=$2 seconds=$3 round=$4 line
	line=$(BENCH_METHOD=${method[$s]} BENCH_BODY=${body[$s]} BENCH_CLOSE=${close[$s]} \
		timeout $((seconds + 30)) wrk -t1 -c"$connections" -d"${seconds}s" --timeout 5s -s "$work/scenario.lua" \
		"http://$host:${port[$v]}${path[$s]}" | grep '^WRK ')
	# round variant scenario requests req/s p50 p99 socket-errors non-2xx
	if [[ $round == warmup ]]; then
		echo "$round $v $s ${line#WRK }" >>"$work/warmup.tsv"
	else
		echo "$round $v $s ${line#WRK }" >>"$results"
		echo "  round $round  $v  $s: ${line#WRK }" >&2
	fi
}
echo "Warm-up: ${warmup} s per scenario and variant" >&2
for s in "${scenarios[@]}"; do
	for v in "${variants[@]}"; do
		drive "$v" "$s" "$warmup" warmup
	done
done
echo "Measuring: $rounds round(s) of ${duration} s per scenario and variant, variants interleaved" >&2
for round in $(seq 1 "$rounds"); do
	i=0
	for s in "${scenarios[@]}"; do
		if (((round + i) % 2 == 0)); then order=(augno boot); else order=(boot augno); fi
		for v in "${order[@]}"; do
			drive "$v" "$s" "$duration" "$round"
		done
		i=$((i + 1))
	done
done

read -r ticks_after steal_after < <(cpu_ticks)
steal=$(awk -v t=$((ticks_after - ticks_before)) -v s=$((steal_after - steal_before)) 'BEGIN { printf "%.1f", (t > 0) ? 100 * s / t : 0 }')
stop_apps
trap - EXIT

# --- the 500s' stack traces in the logs

declare -A traces answered
for v in "${variants[@]}"; do
	traces[$v]=$(grep -c '^java.lang.IllegalStateException: Simulated failure while loading item it_crash' "$work/$v.log" || true)
	# Keep the logs small: their head, and the first logged 500 with its stack trace.
	grep -m1 -B2 -A40 '^java.lang.IllegalStateException: Simulated failure' "$work/$v.log" >"$work/$v.500.log" || true
	head -c 200000 "$work/$v.log" >"$work/$v.head.log" && rm "$work/$v.log"
done

# --- medians and the table

median() { # variant scenario column -> median over rounds
	awk -v v="$1" -v s="$2" -v c="$3" '$2 == v && $3 == s { print $c }' "$results" | sort -g |
		awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
sum() { # variant scenario column -> sum over rounds
	awk -v v="$1" -v s="$2" -v c="$3" '$2 == v && $3 == s { t += $c } END { print t + 0 }' "$results"
}
# The median over rounds of the ratio of two runs of the same round: runs close in time,
# so that what drifts between rounds (the JIT, the machine) cancels out.
ratio() { # variant-a scenario-a variant-b scenario-b
	awk -v va="$1" -v sa="$2" -v vb="$3" -v sb="$4" '
		$2 == va && $3 == sa { a[$1] = $5 }
		$2 == vb && $3 == sb { b[$1] = $5 }
		END { for (r in a) if ((r in b) && b[r] > 0) print a[r] / b[r] }' "$results" | sort -g |
		awk '{ x[NR] = $1 } END { if (NR == 0) print "–"; else printf "%.2f", (NR % 2) ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2 }'
}
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
ref=([augno_404]=success [unmapped_404]=success [method_405]=success [error_500]=success [validation_400]=valid_post
	[success_close]=success [valid_post_close]=valid_post)
ref_close=([error_500]=success_close [validation_400]=valid_post_close)
target=([augno_404]=0.9 [method_405]=0.9 [validation_400]=0.8 [unmapped_404]=0.5 [error_500]=0.5)
has() { [[ -n "${rps[augno.$1]:-}" ]]; }
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
	echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), Linux $(uname -r), load average when the measurement began: $load_before, CPU time stolen by the hypervisor during it: ${steal}%"
	echo "- JVM: $(java -version 2>&1 | head -2 | tail -1), app options \`$java_opts\`"
	echo "- Spring Boot $(sed -n 's:.*<spring-boot.version>\(.*\)</spring-boot.version>.*:\1:p' pom.xml), the starter at $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- augno-errors-core augno-errors-spring-boot-starter 2>/dev/null || echo ' (with uncommitted changes)')"
	echo "- $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2): \`-t1 -c$connections\`, ${duration} s per scenario and variant, $rounds round(s), after ${warmup} s of warm-up for each; the two apps run side by side, and each round alternates which of the two goes first"
	echo "- augno: the bench app with the starter; boot: the same app with \`augno.errors.enabled=false\`${BENCH_APP_ARGS:+; both with \`$BENCH_APP_ARGS\`}"
	echo
	echo "| scenario | augno req/s | augno p99 ms | boot req/s | boot p99 ms | augno ÷ success | augno ÷ success (close) | boot ÷ success | boot ÷ success (close) | augno ÷ boot | target | verdict |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
	for s in "${scenarios[@]}"; do
		r=${ref[$s]:-} rc=${ref_close[$s]:-}
		ar=– arc=– br=– brc=–
		if [[ -n $r ]] && has "$r"; then ar=$(ratio augno "$s" augno "$r") br=$(ratio boot "$s" boot "$r"); fi
		if [[ -n $rc ]] && has "$rc"; then arc=$(ratio augno "$s" augno "$rc") brc=$(ratio boot "$s" boot "$rc"); fi
		t=${target[$s]:-} v=–
		if [[ -n $t ]]; then
			v=$(verdict "$ar" "$t")
			[[ $arc != – ]] && v="$v; close: $(verdict "$arc" "$t")"
			t="≥ ${t}x"
		else
			t=–
		fi
		[[ -n $r ]] || r=–
		printf '| %s (`%s`) | %.0f | %.2f | %.0f | %.2f | %s | %s | %s | %s | %s | %s | %s |\n' "${describe[$s]}" "$s" \
			"${rps[augno.$s]}" "${p99[augno.$s]}" "${rps[boot.$s]}" "${p99[boot.$s]}" "$ar" "$arc" "$br" "$brc" \
			"$(ratio augno "$s" boot "$s")" "$t" "$v"
	done
	echo
	echo "The success reference (\"÷ success\") is \`success\` for the GETs and \`valid_post\` for the 400;"
	echo "\"(close)\" is the same reference sent with \`Connection: close\`, as the 400 and the 500 end"
	echo "their connection. req/s and p99 (wrk's, per run) are medians over the rounds; each ratio is"
	echo "the median over the rounds of the ratio of two runs of the same round."
	echo
	echo "## Checks"
	echo
	echo "| scenario | augno answer | boot answer | augno socket errors / non-2xx | boot socket errors / non-2xx |"
	echo "|---|---|---|---|---|"
	for s in "${scenarios[@]}"; do
		echo "| \`$s\` | ${checked[augno.$s]} | ${checked[boot.$s]} | ${errs[augno.$s]} / ${non2xx[augno.$s]} | ${errs[boot.$s]} / ${non2xx[boot.$s]} |"
	done
	echo
	if [[ " ${scenarios[*]} " == *" error_500 "* ]]; then
		for v in "${variants[@]}"; do
			answered[$v]=$(awk -v v="$v" '$2 == v && $3 == "error_500" { t += $9 } END { print t + 1 }' "$results" "$work/warmup.tsv")
		done
		echo "Stack traces of the 500's cause in the logs: augno ${traces[augno]}, boot ${traces[boot]}, for"
		echo "${answered[augno]} and ${answered[boot]} 500s that wrk and the check counted (measured, warm-up and"
		echo "check); a few more are answered and logged that wrk does not count, in flight when a run ends."
		echo
	fi
	echo "## Every run"
	echo
	echo "| round | variant | scenario | requests | req/s | p50 ms | p99 ms | socket errors | non-2xx |"
	echo "|---:|---|---|---:|---:|---:|---:|---:|---:|"
	sort -k3,3 -k2,2 -k1,1n "$results" | awk '{ printf "| %s | %s | `%s` | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 }'
	echo
	echo "Run time: $(($(date +%s) - started)) s, build included."
} >"$out"
cat "$out"
echo >&2
echo "Written to $out (logs, bodies and raw numbers in $work)" >&2
