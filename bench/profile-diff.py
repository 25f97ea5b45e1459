#!/usr/bin/env python3
"""Where two variants of a profile differ, in microseconds of CPU a request, by frame.

    bench/profile-diff.py WORK_DIR REPORT.md [--inclusive] [--top N]

Reads the collapsed stacks bench/profile.sh keeps in its work directory (VARIANT-R.collapsed for
each variant and round R: augno and boot, or memory and off for an idempotency scenario) and the
requests of each round from the report it wrote, adds up the rounds of each variant, and prints,
for every frame, its samples a request in the report's first variant and in its second (one
sample is one millisecond of CPU, so samples * 1000 / requests is microseconds a request) and the
difference, largest first, then the frames the second spends more on. By default a
frame counts the samples it is the deepest frame of (its own time); with --inclusive, every
sample it is on the stack of. The first line splits the totals into the kernel's socket calls
(what the JDK's native read, write, epoll and accept frames spend) and the rest, the JVM's. So it
tells whether a gap between the variants is in the starter's frames, in the application's and the
container's code around them (the JIT's inlining can differ between two JVMs of the same jar), or
in the kernel. Only the standard library is used.
"""

import argparse
import collections
import pathlib
import re
import sys

KERNEL = ("sun/nio/ch/FileDispatcherImpl.", "sun/nio/ch/SocketDispatcher.", "sun/nio/ch/EPoll.",
          "sun/nio/ch/EventFD.", "sun/nio/ch/Net.", "sun/nio/ch/IOUtil.drain")
ROW = re.compile(r"^\| (\d+) \| ([a-z]+) \| (\d+) \|")


def requests_of(report):
    """The requests of each (variant, round) in a bench/profile.sh report, in the report's order."""
    requests = {}
    for line in pathlib.Path(report).read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match:
            requests[(match.group(2), match.group(1))] = int(match.group(3))
    return requests


def samples_of(path, inclusive):
    """The samples of each frame of a collapsed profile, and its samples in all and in the kernel."""
    frames = collections.Counter()
    total = kernel = 0
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            if not stack:
                continue
            samples = int(count)
            stack_frames = stack.split(";")
            total += samples
            if stack_frames[-1].startswith(KERNEL):
                kernel += samples
            if inclusive:
                for frame in set(stack_frames):
                    frames[frame] += samples
            else:
                frames[stack_frames[-1]] += samples
    return frames, total, kernel


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("work")
    parser.add_argument("report")
    parser.add_argument("--inclusive", action="store_true")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    requests = requests_of(args.report)
    variants = list(dict.fromkeys(v for v, _ in requests))
    if len(variants) != 2:
        print(f"expected rounds of two variants in {args.report}, found {variants}", file=sys.stderr)
        return 1
    per_request = {}
    for variant in variants:
        frames = collections.Counter()
        total = kernel = count = 0
        for (v, round_), n in requests.items():
            if v != variant:
                continue
            f, t, k = samples_of(pathlib.Path(args.work) / f"{variant}-{round_}.collapsed", args.inclusive)
            frames.update(f)
            total += t
            kernel += k
            count += n
        if count == 0:
            print(f"no rounds of {variant} in {args.report}", file=sys.stderr)
            return 1
        per_request[variant] = ({frame: s * 1000 / count for frame, s in frames.items()},
                                total * 1000 / count, kernel * 1000 / count)
    first, second = (per_request[v] for v in variants)
    print(f"µs a request: {variants[0]} {first[1]:.2f} (kernel's socket calls {first[2]:.2f}, the rest "
          f"{first[1] - first[2]:.2f}), {variants[1]} {second[1]:.2f} (kernel's socket calls {second[2]:.2f}, "
          f"the rest {second[1] - second[2]:.2f})")
    rows = sorted(((first[0].get(frame, 0) - second[0].get(frame, 0), first[0].get(frame, 0),
                    second[0].get(frame, 0), frame) for frame in set(first[0]) | set(second[0])), reverse=True)
    print(f"   diff {variants[0]:>7} {variants[1]:>7}  frame")
    for row in rows[:args.top]:
        print("%+7.3f %7.3f %7.3f  %s" % row)
    print("...")
    for row in rows[-min(args.top, 10):]:
        print("%+7.3f %7.3f %7.3f  %s" % row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
