#!/usr/bin/env python3
"""The samples of a profile that the starter spends itself, from collapsed stacks.

    bench/starter-frames.py PROFILE.collapsed [--summary] [--top N]

Reads async-profiler's collapsed output (one stack a line, frames separated by ";", then
the sample count), as bench/profile.sh writes it. A sample is the starter's own when the
deepest frame of the starter in its stack (a class under com/augno/errors/spring/; the bench
app's own classes are not the starter) calls something other than what merely passes the
request on: a Tomcat valve's next valve or the servlet filter chain. Prints the share of such
samples, then the frames they fell in, as "starter frame -> what it called", largest first.
With --summary, only the share, on one line. Only the standard library is used.
"""

import argparse
import collections
import sys

STARTER = "com/augno/errors/spring/"


def passes_on(callee):
    """Whether a call from a starter frame only hands the request on to the rest of the chain."""
    return callee.startswith("org/apache/catalina/") and (
        callee.endswith("Valve.invoke") or callee.endswith("AuthenticatorBase.invoke")
        or callee == "org/apache/catalina/core/ApplicationFilterChain.doFilter")


def own_samples(path):
    total = 0
    own = collections.Counter()
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            if not stack:
                continue
            samples = int(count)
            total += samples
            frames = stack.split(";")
            deepest = max((i for i, frame in enumerate(frames) if frame.startswith(STARTER)), default=None)
            if deepest is None:
                continue
            callee = frames[deepest + 1] if deepest + 1 < len(frames) else "(itself)"
            if not passes_on(callee):
                own[(frames[deepest], callee)] += samples
    return total, own


def short(frame):
    return frame.rsplit("/", 1)[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("profile")
    parser.add_argument("--summary", action="store_true")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    total, own = own_samples(args.profile)
    mine = sum(own.values())
    share = 100 * mine / total if total else 0
    print(f"{share:.2f} % ({mine} of {total} samples)")
    if args.summary:
        return
    for (frame, callee), samples in own.most_common(args.top):
        print(f"{samples:6d} {100 * samples / total:5.2f} %  {short(frame)} -> {short(callee)}")


if __name__ == "__main__":
    sys.exit(main())
