# Shell functions shared by the benchmark scripts (bench/run.sh, bench/idempotency.sh,
# bench/ab.sh, bench/startup.sh, bench/profile.sh): sourced, never run. They read the caller's globals where noted: pid (an associative array of the apps'
# process ids), connections (wrk -c) and results (the TSV of measured runs: round variant
# scenario requests req/s p50 p99 socket-errors non-2xx).

# wrk, installed from Debian's packages when missing.
ensure_wrk() {
	if ! command -v wrk >/dev/null; then
		echo "wrk is missing: installing the Debian package" >&2
		apt-get update
		apt-get install -y wrk
	fi
}

# The results file a run writes when BENCH_OUT does not name one: the given path, or, when a
# file of that name is already there (an earlier run of the same day), the first free one of
# path-2.md, path-3.md, ..., so that no run overwrites another's results.
results_file() { # path ending in .md
	local base=${1%.md} n=2 candidate=$1
	while [[ -e $candidate ]]; do
		candidate=$base-$n.md
		n=$((n + 1))
	done
	echo "$candidate"
}

# Whether something listens on host:port already (an app started there would fail, and wrk
# would measure whatever answers).
port_in_use() { # host port
	timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# The caller's JVMs, one name each: jvms when the caller runs several JVMs of a variant
# (bench/run.sh's forks, named augno, augno-2, ...), its variants otherwise.
jvm_names() {
	printf '%s\n' "${jvms[@]:-${variants[@]}}"
}

# Exit when a port of the caller's JVMs is in use (globals host, port, jvms or variants): an app
# started there would fail, and wrk would measure whatever answers (another benchmark, say).
require_free_ports() {
	local v
	for v in $(jvm_names); do
		if port_in_use "$host" "${port[$v]}"; then
			echo "port ${port[$v]} ($v) is in use on $host: is another benchmark running? (BENCH_PORT moves them all)" >&2
			exit 1
		fi
	done
}

# Stop every app in pid: TERM, up to 10 s each, then KILL.
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

# Wait until every app of the caller's JVMs answers GET path on its port (globals host,
# port, pid, work, jvms or variants), up to 30 s per JVM and at least 90 s each: the JVMs
# start at once on the apps' one core, so nine of them (BENCH_FORKS=4) take a minute or more;
# exit with the end of its log if one dies or does not start.
wait_for_apps() { # path
	local v i count limit
	count=$(jvm_names | wc -l)
	limit=$((count * 30 > 90 ? count * 30 : 90))
	for v in $(jvm_names); do
		for i in $(seq 1 $((limit * 2))); do
			curl -s -o /dev/null --max-time 1 "http://$host:${port[$v]}$1" && break
			kill -0 "${pid[$v]}" 2>/dev/null || { echo "the $v app died:" >&2; tail -20 "$work/$v.log" >&2; exit 1; }
			[[ $i == $((limit * 2)) ]] && { echo "the $v app did not start within $limit s" >&2; exit 1; }
			sleep 0.5
		done
	done
}

# The Lua done() that prints one line a scenario script ends with:
# WRK requests req/s p50-ms p99-ms socket-errors non-2xx
wrk_report_lua() {
	cat <<'LUA'
done = function(summary, latency, requests)
	local seconds = summary.duration / 1e6
	io.write(string.format("WRK %d %.1f %.3f %.3f %d %d\n", summary.requests, summary.requests / seconds,
		latency:percentile(50) / 1000, latency:percentile(99) / 1000,
		summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
		summary.errors.status))
end
LUA
}

# One wrk run, bounded in time; prints the WRK line's numbers. The scenario script reads its
# settings from the environment, which the caller sets on this call.
wrk_line() { # seconds script url
	local line
	line=$(timeout $(($1 + 30)) "${wrk_pin[@]}" wrk -t1 -c"$connections" -d"${1}s" --timeout 5s -s "$2" "$3" | grep '^WRK ')
	echo "${line#WRK }"
}

# CPU time (all states, and stolen by the hypervisor) from /proc/stat, in ticks: a run
# during which the host took much of this machine's time is not comparable with others.
cpu_ticks() { awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i; print t, $9 }' /proc/stat; }

# The CPU time a process has used (user and system, all its threads: the JIT and the
# collector count too), in clock ticks (getconf CLK_TCK a second).
proc_ticks() { stat_ticks "/proc/$1/stat"; }

# User and system ticks (fields 14 and 15) from a stat file of /proc: a process's or one of
# its threads'. Field 2, the command in parentheses, may hold spaces (a JVM's "C2
# CompilerThre"), so the fields are counted from the last parenthesis on.
stat_ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "$1" 2>/dev/null || echo 0; }

# The CPU time of a JVM's JIT compiler threads (HotSpot's "C1 CompilerThread<n>" and
# "C2 CompilerThread<n>"), in clock ticks: while it grows, the app still compiles its hot
# paths, and a run measures the compiler rather than the code.
jit_ticks() { # pid
	local task total=0 name
	for task in /proc/"$1"/task/*; do
		name=$(cat "$task/comm" 2>/dev/null) || continue
		[[ $name == "C1 CompilerThre"* || $name == "C2 CompilerThre"* ]] || continue
		total=$((total + $(stat_ticks "$task/stat")))
	done
	echo "$total"
}

# Warm the apps up until their JIT is quiet: passes over the caller's scenarios, each driven
# for warmup seconds per variant with the caller's drive (variant scenario seconds round),
# until the compiler threads took less than BENCH_JIT_QUIET % (default 3) of an app's CPU
# time during its last pass, at most BENCH_WARMUP_PASSES passes (default: the caller's
# warmup_passes, or 4). A further pass drives only the apps that still compiled. Sets
# warm_passes and jit_share (associative arrays by JVM) for the report; reads pid,
# jvms or variants, scenarios and warmup.
warm_up() {
	local pass v s share quiet=${BENCH_JIT_QUIET:-3} max=${BENCH_WARMUP_PASSES:-${warmup_passes:-4}}
	local -a busy next
	mapfile -t busy < <(jvm_names)
	local -A jit_before cpu_before
	declare -gA warm_passes jit_share
	for ((pass = 1; pass <= max && ${#busy[@]} > 0; pass++)); do
		for v in "${busy[@]}"; do
			jit_before[$v]=$(jit_ticks "${pid[$v]}") cpu_before[$v]=$(proc_ticks "${pid[$v]}")
		done
		for s in "${scenarios[@]}"; do
			for v in "${busy[@]}"; do
				drive "$v" "$s" "$warmup" warmup
			done
		done
		next=()
		for v in "${busy[@]}"; do
			share=$(awk -v j=$(($(jit_ticks "${pid[$v]}") - jit_before[$v])) \
				-v c=$(($(proc_ticks "${pid[$v]}") - cpu_before[$v])) 'BEGIN { printf "%.1f", (c > 0) ? 100 * j / c : 0 }')
			warm_passes[$v]=$pass jit_share[$v]=$share
			echo "  warm-up pass $pass  $v: JIT compiler threads took $share % of its CPU" >&2
			if awk -v s="$share" -v q="$quiet" 'BEGIN { exit !(s >= q) }'; then
				next+=("$v")
			fi
		done
		busy=("${next[@]}")
	done
}

# One line on the warm-up for a report: the passes each JVM took and the JIT's share of
# its CPU during the last one.
warm_up_summary() {
	local v out=""
	for v in $(jvm_names); do
		out+="${out:+; }$v ${warm_passes[$v]} pass(es), JIT ${jit_share[$v]} % of its CPU in the last"
	done
	echo "$out"
}

# CPU microseconds a request: the ticks an app used during a run over its requests.
cpu_per_request() { # ticks requests
	awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (n > 0) ? t * 1e6 / hz / n : 0 }'
}

# Pinning (BENCH_PIN=1, the default on 2 or more cores): wrk on CPU 0 and the apps on the
# others, so that the load generator and the measured JVM never take turns on one core and
# each ratio is the apps' own cost. The apps get -XX:ActiveProcessorCount of the whole
# machine (app_pin_opts), so that the JVM sizes its collector and threads as it would
# unpinned (on 2 cores it would otherwise see one CPU and choose the serial collector).
# BENCH_PIN=0 shares every core, as all runs before 2026-11-26 22:17 did.
pin_prefixes() {
	local cores
	cores=$(nproc)
	wrk_pin=() app_pin=() app_pin_opts=()
	if [[ ${BENCH_PIN:-1} == 1 && $cores -ge 2 ]] && command -v taskset >/dev/null; then
		wrk_pin=(taskset -c 0)
		app_pin=(taskset -c "1-$((cores - 1))")
		app_pin_opts=("-XX:ActiveProcessorCount=$cores")
	fi
}

# How the apps and wrk were placed, for a report: empty when not pinned.
pin_summary() {
	[[ ${#wrk_pin[@]} -gt 0 ]] && echo "wrk pinned to CPU 0, the apps to CPUs ${app_pin[2]} with ${app_pin_opts[0]}" || true
}

# How steady the host was during the rounds: one variant's req/s in one scenario, its mean
# in each round, highest over lowest. Ratios of runs a few seconds apart hold only while the
# machine itself does: on the hosts of r18-r20 (2026-11-26) the reference stayed within
# x1.09-1.15, on the throttled or shared hosts of r21-r23 it moved by x1.38-1.66 and the
# success path's ratios by 0.2-0.5 from round to round. Above BENCH_STEADY (default 1.2), a
# report says that its ratios are no verdict.
spread() { # variant scenario -> "lowest highest highest/lowest" over the rounds' means, or "0 0 –" for fewer than 3 rounds
	awk -v v="$1" -v s="$2" '$2 == v && $3 == s { t[$1] += $5; n[$1]++ }
		END {
			for (r in t) { m = t[r] / n[r]; if (lo == "" || m < lo) lo = m; if (m > hi) hi = m; rounds++ }
			if (rounds < 3 || lo <= 0) print "0 0 –"; else printf "%.0f %.0f %.2f\n", lo, hi, hi / lo
		}' "$results"
}

# Whether a spread (the last field of spread's answer) is known and within BENCH_STEADY.
is_steady() { # highest/lowest
	awk -v x="$1" -v l="${BENCH_STEADY:-1.2}" 'BEGIN { exit (x != "–" && x + 0 <= l + 0) ? 0 : 1 }'
}

# One line on the host's steadiness for a report, from spread.
steadiness() { # variant scenario
	local lo hi x limit=${BENCH_STEADY:-1.2}
	read -r lo hi x < <(spread "$1" "$2")
	if [[ $x == – ]]; then
		echo "steadiness: fewer than 3 rounds of $1's \`$2\`, too few to tell whether the host was steady"
	elif is_steady "$x"; then
		echo "steadiness: $1's \`$2\` ran at $lo-$hi req/s over the rounds (x$x, within x$limit): a steady host"
	else
		echo "steadiness: $1's \`$2\` ran at $lo-$hi req/s over the rounds (x$x, above x$limit): **an unsteady host, whose ratios are no verdict**"
	fi
}

median() { # variant scenario column -> median over rounds
	awk -v v="$1" -v s="$2" -v c="$3" '$2 == v && $3 == s { print $c }' "$results" | sort -g |
		awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

sum() { # variant scenario column -> sum over rounds
	awk -v v="$1" -v s="$2" -v c="$3" '$2 == v && $3 == s { t += $c } END { print t + 0 }' "$results"
}

# The median over rounds of the ratio of two runs of the same round: runs close in time,
# so that what drifts between rounds (the JIT, the machine) cancels out. A scenario run twice
# in a round (bench/run.sh measures success before and after the keep-alive failures) counts
# with the mean of its runs there, so that a drift within the round cancels out too.
ratio() { # variant-a scenario-a variant-b scenario-b [column, default 5: req/s]
	awk -v va="$1" -v sa="$2" -v vb="$3" -v sb="$4" -v c="${5:-5}" '
		$2 == va && $3 == sa { a[$1] += $c; na[$1]++ }
		$2 == vb && $3 == sb { b[$1] += $c; nb[$1]++ }
		END { for (r in a) if ((r in b) && b[r] > 0) print (a[r] / na[r]) / (b[r] / nb[r]) }' "$results" | sort -g |
		awk '{ x[NR] = $1 } END { if (NR == 0) print "–"; else printf "%.2f", (NR % 2) ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2 }'
}

# The HTTP scenarios of the bench apps, into the caller's associative arrays method, path,
# body, close (1: Connection: close), status (expected) and describe, and the list
# all_scenarios, in the order they are measured and reported: the keep-alive failures right
# after the success they are compared with, the POSTs after theirs, and the scenarios that
# close their connections last.
define_scenarios() {
	local valid_body invalid_body
	valid_body='{"name":"Widget","sku":"SKU-0001","quantity":3,"description":"A sturdy widget, made to be fetched again and again."}'
	invalid_body='{"name":"","sku":"SKU-0001","quantity":0,"description":"A sturdy widget, made to be fetched again and again."}'
	all_scenarios=(success rate_limited augno_404 method_405 unmapped_404 valid_post validation_400 success_close valid_post_close error_500)
	# The starter's rate limits are servlet-only: on WebFlux the route would be a plain success.
	[[ ${stack:-servlet} == webflux ]] && all_scenarios=(${all_scenarios[@]/rate_limited/})
	declare -gA method path body close status describe
	def() { method[$1]=$2 path[$1]=$3 body[$1]=$4 close[$1]=$5 status[$1]=$6 describe[$1]=$7; }
	def success GET /items/it_42 "" 0 200 "success: GET, 307-byte JSON"
	def success_close GET /items/it_42 "" 1 200 "success, \`Connection: close\`"
	# The same success under a rate limit the load never reaches (augno only: the route is an
	# augno.errors.rate-limits property; Bucket4j in memory, one bucket for all of wrk's connections).
	def rate_limited GET /limited/items/it_42 "" 0 200 "success under a rate limit (in memory)"
	def augno_404 GET /items/it_missing "" 0 404 "AugnoException 404 (boot: ResponseStatusException; wimdeblauwe: @ResponseStatus exception)"
	def valid_post POST /items "$valid_body" 0 200 "valid body: POST, 306-byte JSON"
	def valid_post_close POST /items "$valid_body" 1 200 "valid body, \`Connection: close\`"
	def validation_400 POST /items "$invalid_body" 0 400 "Bean Validation 400, two field errors"
	def unmapped_404 GET /no/such/path "" 0 404 "unmapped URL 404"
	def method_405 DELETE /items/it_42 "" 0 405 "405 (DELETE on a GET endpoint)"
	def error_500 GET /items/it_crash "" 0 500 "500 (IllegalStateException; cause logged, by the starter with its stack trace once a minute)"
}

# The wrk script of a scenario of define_scenarios: method, body and Connection: close from
# the environment that scenario_wrk sets, and the report line of wrk_report_lua.
scenario_lua() {
	cat <<'EOF'
wrk.method = os.getenv("BENCH_METHOD")
local body = os.getenv("BENCH_BODY")
if body ~= nil and body ~= "" then
	wrk.body = body
	wrk.headers["Content-Type"] = "application/json"
end
if os.getenv("BENCH_CLOSE") == "1" then
	wrk.headers["Connection"] = "close"
end
EOF
	wrk_report_lua
}

# The wrk script of bench/idempotency.sh's scenarios (bench/profile.sh's new_key too): the valid
# POST /items with an Idempotency-Key, a new one on every request (BENCH_MODE=new_key) or the one
# in BENCH_REPLAY_KEY (replay), the body from BENCH_BODY, and the report line of wrk_report_lua.
idempotency_lua() {
	cat <<'LUA'
local counter = 0
local mode = os.getenv("BENCH_MODE")
local fixed = os.getenv("BENCH_REPLAY_KEY")
local body = os.getenv("BENCH_BODY")
local prefix = "k" .. tostring(os.time()) .. "-" .. tostring(math.random(1, 1000000000)) .. "-"
request = function()
	counter = counter + 1
	local key = (mode == "replay") and fixed or (prefix .. counter)
	return wrk.format("POST", "/items", { ["Content-Type"] = "application/json", ["Idempotency-Key"] = key }, body)
end
LUA
	wrk_report_lua
}

# One wrk run of a scenario of define_scenarios with the script of scenario_lua; prints the
# numbers of wrk_line.
scenario_wrk() { # seconds script scenario url
	BENCH_METHOD=${method[$3]} BENCH_BODY=${body[$3]} BENCH_CLOSE=${close[$3]} wrk_line "$1" "$2" "$4"
}

pin_prefixes
