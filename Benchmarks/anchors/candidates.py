#!/usr/bin/env python3
"""Candidate-line parsing throughput of the Python parsers users compare us with, measured the
way SDPLintSDPBenchmark --candidates measures ours: every line loaded first, a 0.3 s warm-up, a
calibrated timed loop of about 1.5 s over all lines, the median of RUNS runs.

  python3 Benchmarks/anchors/candidates.py Fixtures/ice/candidates.txt [RUNS]

aiortc: aiortc.sdp.candidate_from_sdp (takes the value after "candidate:").
sdp_transform: sdp_transform.parse of an "a=candidate:" line (its grammar types the fields).
"""
import statistics
import sys
import time


def load(path):
    lines = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            if line.startswith("a="):
                line = line[2:]
            lines.append(line)
    return lines


def measure(body, target=1.5):
    warm = time.perf_counter()
    while time.perf_counter() - warm < 0.3:
        body()
    passes = 1
    while True:
        start = time.perf_counter()
        for _ in range(passes):
            body()
        elapsed = time.perf_counter() - start
        if elapsed > 0.05:
            break
        passes *= 4
    passes = max(1, int(passes * target / elapsed))
    start = time.perf_counter()
    for _ in range(passes):
        body()
    return (time.perf_counter() - start) / passes


def main():
    lines = load(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    values = [line[len("candidate:"):] for line in lines]
    sdp_lines = ["a=" + line + "\r\n" for line in lines]
    parsers = []
    try:
        from aiortc.sdp import candidate_from_sdp
        parsers.append(("aiortc candidate_from_sdp", lambda: [candidate_from_sdp(v) for v in values]))
    except ImportError:
        print("aiortc is not installed", file=sys.stderr)
    try:
        import sdp_transform
        parsers.append(("sdp_transform parse", lambda: [sdp_transform.parse(s) for s in sdp_lines]))
    except ImportError:
        print("sdp_transform is not installed", file=sys.stderr)
    print("| parser | lines | ns/line (median) | lines/s |")
    print("|---|---:|---:|---:|")
    for name, body in parsers:
        seconds = statistics.median(measure(body) for _ in range(runs)) / len(lines)
        print(f"| {name} | {len(lines)} | {seconds * 1e9:,.0f} | {1 / seconds:,.0f} |")


if __name__ == "__main__":
    main()
