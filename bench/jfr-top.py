#!/usr/bin/env python3
"""Summarize where a bench app's request threads spend their time, from a JFR recording.

    bench/jfr-top.py RECORDING.jfr [--top N] [--requests N] [--under FRAME]...

Reads the recording's jdk.ExecutionSample events with the JDK's `jfr print --json`, keeps
the samples of the request threads (Tomcat's http-nio-*, Reactor Netty's reactor-http-* for
the WebFlux app of BENCH_STACK=webflux), and prints: the share of samples
whose stack contains each of a few frames of interest (inclusive time), the methods most
often on top of the stack (self time), and the creation of throwables over the recording
(jdk.ExceptionStatistics) while the request threads ran, per request when told how many
requests were answered (--requests: warmup.tsv plus results.tsv). With --under
package.Class.method, also the callees directly below that frame, by inclusive share: where
the time of a frame goes. Start the apps with BENCH_JFR=1 bench/run.sh to get recordings.
Only the standard library is used.
"""

import argparse
import collections
import json
import subprocess
import sys

# Frames of interest: (label, predicate on "package.Class.method").
MARKERS = [
    ("augno: ErrorResponseHandler (map, build, log, write)",
     lambda f: f.startswith("com.augno.errors.spring.servlet.ErrorResponseHandler.")),
    ("augno: CompositeExceptionMapper.map", lambda f: f == "com.augno.errors.spring.mapping.CompositeExceptionMapper.map"),
    ("augno: ErrorResponseWriter.write", lambda f: f == "com.augno.errors.spring.servlet.ErrorResponseWriter.write"),
    ("augno: RequestIdFilter (whole chain below it)",
     lambda f: f == "com.augno.errors.spring.servlet.RequestIdFilter.doFilterInternal"),
    ("augno: AugnoErrorWebExceptionHandler.handle (WebFlux: map, render, log, write)",
     lambda f: f == "com.augno.errors.spring.reactive.AugnoErrorWebExceptionHandler.handle"),
    ("augno: RequestIdWebFilter.filter (WebFlux)",
     lambda f: f == "com.augno.errors.spring.reactive.RequestIdWebFilter.filter"),
    ("Spring MVC: exception resolution (processHandlerException)",
     lambda f: f == "org.springframework.web.servlet.DispatcherServlet.processHandlerException"),
    ("Tomcat: error page dispatch to /error (StandardHostValve.custom)",
     lambda f: f == "org.apache.catalina.core.StandardHostValve.custom"),
    ("Boot: BasicErrorController", lambda f: f.startswith("org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController.")),
    ("Boot: DefaultErrorWebExceptionHandler (WebFlux)",
     lambda f: f.startswith("org.springframework.boot.webflux.autoconfigure.error.DefaultErrorWebExceptionHandler.")),
    ("Throwable.fillInStackTrace (creating exceptions)", lambda f: f == "java.lang.Throwable.fillInStackTrace"),
    ("logging (logback)", lambda f: f.startswith("ch.qos.logback.")),
    ("static resources: ResourceHttpRequestHandler.handleRequest",
     lambda f: f == "org.springframework.web.servlet.resource.ResourceHttpRequestHandler.handleRequest"),
    ("class path lookups (ClassLoader.getResource)", lambda f: f.startswith("java.lang.ClassLoader.getResource")),
    ("Bean Validation (Hibernate Validator)", lambda f: f.startswith("org.hibernate.validator.")),
    ("Jackson (tools.jackson)", lambda f: f.startswith("tools.jackson.")),
    ("socket I/O (sun.nio.ch)", lambda f: f.startswith("sun.nio.ch.")),
]


# Name prefixes of the request threads: Tomcat's, and Reactor Netty's event loops (nio or epoll).
REQUEST_THREADS = ("http-nio-", "reactor-http-")


def frame_name(frame):
    method = frame["method"]
    return method["type"]["name"].replace("/", ".") + "." + method["name"]


def jfr_json(recording, events):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "512", "--events", events, recording],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("recording")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--requests", type=int, default=0)
    parser.add_argument("--under", action="append", default=[])
    args = parser.parse_args()
    recording, top, requests = args.recording, args.top, args.requests
    samples = [e for e in jfr_json(recording, "jdk.ExecutionSample")
               if (e["values"]["sampledThread"].get("javaName") or "").startswith(REQUEST_THREADS)]
    total = len(samples)
    print(f"{recording}: {total} execution samples on request threads (http-nio-*, reactor-http-*)")
    if not total:
        return
    inclusive = collections.Counter()
    self_time = collections.Counter()
    under = {frame: collections.Counter() for frame in args.under}
    for sample in samples:
        frames = [frame_name(f) for f in sample["values"]["stackTrace"]["frames"]]
        if frames:
            self_time[frames[0]] += 1
        for label, matches in MARKERS:
            if any(matches(f) for f in frames):
                inclusive[label] += 1
        for frame, callees in under.items():
            # frames run from the top of the stack down: the callee is the frame before the
            # outermost occurrence of the frame.
            if frame in frames:
                i = len(frames) - 1 - frames[::-1].index(frame)
                callees[frames[i - 1] if i > 0 else "(self)"] += 1
    print("\ninclusive (share of samples whose stack contains it):")
    for label, _ in MARKERS:
        print(f"  {100.0 * inclusive[label] / total:5.1f}%  {label}")
    print(f"\nself (top {top} methods on top of the stack):")
    for name, count in self_time.most_common(top):
        print(f"  {100.0 * count / total:5.1f}%  {name}")
    for frame, callees in under.items():
        print(f"\nunder {frame} ({100.0 * sum(callees.values()) / total:.1f}% in all):")
        for name, count in callees.most_common(top):
            print(f"  {100.0 * count / total:5.1f}%  {name}")
    # Throwables created from just before the first request-thread sample to the end.
    start = min(s["values"]["startTime"] for s in samples)
    stats = sorted(jfr_json(recording, "jdk.ExceptionStatistics"), key=lambda e: e["values"]["startTime"])
    before = [e for e in stats if e["values"]["startTime"] <= start]
    if before and stats:
        created = stats[-1]["values"]["throwables"] - before[-1]["values"]["throwables"]
        line = f"\nthrowables created while serving: {created}"
        if requests:
            line += f" for {requests} requests, {created / requests:.2f} per request"
        print(line)


if __name__ == "__main__":
    main()
