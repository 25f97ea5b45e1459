# Shell functions shared by the HTTP benchmarks (bench/run.sh, bench/idempotency.sh): sourced,
# never run. They read the caller's globals where noted: pid (an associative array of the apps'
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

# Whether something listens on host:port already (an app started there would fail, and wrk
# would measure whatever answers).
port_in_use() { # host port
	timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
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
	line=$(timeout $(($1 + 30)) wrk -t1 -c"$connections" -d"${1}s" --timeout 5s -s "$2" "$3" | grep '^WRK ')
	echo "${line#WRK }"
}

# CPU time (all states, and stolen by the hypervisor) from /proc/stat, in ticks: a run
# during which the host took much of this machine's time is not comparable with others.
cpu_ticks() { awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i; print t, $9 }' /proc/stat; }

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
