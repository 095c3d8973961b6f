#!/usr/bin/env python3
"""How often this machine stops a busy thread: one spinning process per core (or --processes)
reads the monotonic clock in a loop for --seconds and counts the gaps between two reads.

A gap is time the process did not run: preemption by another thread, kernel work, or the
hypervisor. With every core busy, a few such stalls per second of several milliseconds are the
floor under any p99 measured on the machine (docs/guardrails.md, fourth pass).

    python3 scripts/hiccups.py --seconds 6
"""
import argparse
import multiprocessing
import os
import time

THRESHOLDS_MS = (0.5, 1, 2, 5)


def spin(seconds: float) -> tuple[list[int], float]:
    counts = [0] * len(THRESHOLDS_MS)
    limits = [int(ms * 1_000_000) for ms in THRESHOLDS_MS]
    longest = 0
    clock = time.monotonic_ns
    end = clock() + int(seconds * 1e9)
    last = clock()
    while last < end:
        now = clock()
        gap = now - last
        last = now
        if gap > limits[0]:
            for index, limit in enumerate(limits):
                if gap > limit:
                    counts[index] += 1
            longest = max(longest, gap)
    return counts, longest / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=6)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with multiprocessing.Pool(args.processes) as pool:
        results = pool.map(spin, [args.seconds] * args.processes)
    for number, (counts, longest) in enumerate(results, 1):
        rates = "  ".join(f">{ms} ms {count / args.seconds:.1f}/s" for ms, count in zip(THRESHOLDS_MS, counts))
        print(f"process {number}: gaps {rates}  longest {longest:.2f} ms")


if __name__ == "__main__":
    main()
